import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateMessages } from '@cucumber/gherkin';
import { IdGenerator, SourceMediaType } from '@cucumber/messages';
import { misreadLines } from '../../src/gherkin/misreadLines';

/** What misreadLines finds in a feature text, as `line: problem` (the problem's first words). */
function found(text: string, isStep?: (text: string) => boolean): string[] {
  const envelopes = generateMessages(text, 'x.feature', SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, { includeSource: false, includeGherkinDocument: true, includePickles: false, newId: IdGenerator.incrementing() });
  const document = envelopes.find((e) => e.gherkinDocument)?.gherkinDocument;
  assert.ok(document, JSON.stringify(envelopes.find((e) => e.parseError)));
  return misreadLines(document, text, isStep).map((m) => `${m.line}: ${m.text} — ${m.problem.split(/[?;]/)[0]}`);
}

const kitStep = (text: string) => /^Order "[^"]*" (is at version \d+|has recorded \w+)$/.test(text);

describe('lines Gherkin reads as description', () => {
  it('finds a misspelled scenario or background keyword, and not the steps it swallowed', () => {
    const text = [
      'Feature: Orders',
      '  Backgroud:',
      '    Given Order "o-0" has recorded OrderPlaced',
      '',
      '  Scenaro: vanished',
      '    Given Order "o-1" has recorded OrderPlaced',
      '',
      '  Scenario: kept',
      '    Given Order "o-2" has recorded OrderPlaced',
    ].join('\n');
    assert.deepEqual(found(text, kitStep), ['2: Backgroud: — did you mean `Background:`', '5: Scenaro: vanished — did you mean `Scenario:`']);
    // Keywords are case-sensitive, with the colon right after.
    const cased = ['Feature: Orders', '  scenario: lower case', '    Given Order "o-1" has recorded OrderPlaced', '', '  Scenario: kept', '    Given Order "o-2" has recorded OrderPlaced'].join('\n');
    assert.deepEqual(found(cased, kitStep), ['2: scenario: lower case — did you mean `Scenario:`']);
  });

  it('finds a step with a misspelled keyword, and a step under Feature: that belongs to no scenario', () => {
    const text = ['Feature: Orders', '  Given Order "o-9" is at version 1', '', '  Scenario: zero steps', '    Thenn Order "o-3" is at version 99'].join('\n');
    assert.deepEqual(found(text, kitStep), [
      '2: Given Order "o-9" is at version 1 — this step is outside any scenario, so it never runs',
      '5: Thenn Order "o-3" is at version 99 — did you mean `Then`',
    ]);
    // Without the project's steps, nothing is known to be a step: no line is called one.
    assert.deepEqual(found(text), []);
    assert.deepEqual(found(['Feature: Orders', '  Andy says "hi" to the customer.', '', '  Scenario: kept', '    Given Order "o-2" has recorded OrderPlaced'].join('\n'), kitStep), []);
  });

  it('finds a Scenario Outline without Examples, whose placeholders stay as written', () => {
    const text = ['Feature: Orders', '  Scenario Outline: rows', '    Given Order "<id>" has recorded OrderPlaced'].join('\n');
    assert.deepEqual(found(text, kitStep), ['2: Scenario Outline: rows — this Scenario Outline has no Examples table, so its <placeholders> stay as written']);
  });

  it('leaves prose alone: plurals, short words, other first letters, keywords in mid-sentence', () => {
    const text = [
      'Feature: Loans',
      '  Role: librarian',
      '  Rules: a member borrows at most five books.',
      '  Scenarios: listed below.',
      '  Sample: a member with two loans',
      '  The member said "hi" and left.',
      '  Then the team reviews the loans.',
      '  When overdue, a fine is due.',
      '',
      '  Scenario: kept',
      '    Given Order "o-2" has recorded OrderPlaced',
    ].join('\n');
    assert.deepEqual(found(text, kitStep), []);
  });

  it('reads the keywords of the feature\'s language', () => {
    const text = ['# language: fr', 'Fonctionnalité: Commandes', '  Scénaro: disparu', '    Soit Order "o-1" has recorded OrderPlaced', '', '  Scénario: gardé', '    Soit Order "o-2" has recorded OrderPlaced'].join('\n');
    assert.deepEqual(found(text, kitStep), ['3: Scénaro: disparu — did you mean `Scénario:`']);
  });
});
