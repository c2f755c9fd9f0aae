import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { vocabulary } from '../../src/gherkin';
import { closestPhrasing } from '../../src/gherkin/snippetSyntax';
import { phrasingPattern } from '../../src/gherkin/phrasingSteps';

describe('the vocabulary', () => {
  it('is documented in the README, every phrasing of it', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const step of vocabulary) assert.ok(readme.includes(`\`${step.keyword} ${step.expression}\``), `README lacks ${step.keyword} ${step.expression}`);
  });

  it('has examples that match their own patterns, and no two patterns match one example', () => {
    for (const step of vocabulary) {
      const firstLine = step.example.split('\n')[0]!.replace(/^(Given|When|Then) /, '');
      const matching = vocabulary.filter((other) => other.pattern.test(firstLine));
      assert.deepEqual(matching.map((m) => m.expression), [step.expression], `example "${firstLine}"`);
    }
  });

  it('suggests the nearest phrasing for a near miss, and nothing for unrelated text', () => {
    assert.equal(closestPhrasing('Order "o-1" is sen ShipOrder'), 'When Order "o-1" is sent ShipOrder');
    assert.equal(closestPhrasing('the comand is rejected with "X"'), 'Then the command is rejected with "OrderAlreadyShipped"');
    assert.equal(closestPhrasing('I log in to the admin console'), undefined);
  });

  it('turns domain phrasings into patterns that take quoted or bare values', () => {
    const pattern = phrasingPattern('{actor} ships order {id} with {carrier}');
    assert.deepEqual(pattern.exec('bob ships order o-1 with DHL')?.slice(1), ['bob', 'o-1', 'DHL']);
    assert.deepEqual(pattern.exec('"carol ann" ships order o-1 with DHL')?.slice(1), ['"carol ann"', 'o-1', 'DHL']);
    assert.equal(pattern.test('bob ships order o-1 by DHL'), false);
    assert.ok(phrasingPattern('costs {amount} (incl. tax)').test('costs 3 (incl. tax)'));
  });
});
