import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quoteInValue } from '../../src/gherkin/quoteInValue';

const steps = [/^Order "((?:[^"\\]|\\.)*)" has recorded OrderPlaced$/, /^the command is rejected with "((?:[^"\\]|\\.)*)"$/];
const isStep = (text: string) => steps.some((pattern) => pattern.test(text));

describe('a double quote inside a quoted value', () => {
  it('is found, with the line to write instead', () => {
    assert.equal(
      quoteInValue('Order "o-"1" has recorded OrderPlaced', isStep),
      'a value in double quotes cannot hold a bare " (it ends the value early); write it as \\" inside the value: Order "o-\\"1" has recorded OrderPlaced',
    );
    assert.equal(
      quoteInValue('the command is rejected with "say "no""', isStep),
      'a value in double quotes cannot hold a bare " (it ends the value early); write it as \\" inside the value: the command is rejected with "say \\"no\\""',
      'two quotes inside the only value: both escaped',
    );
  });

  it('says nothing about a line that is a step, or that no escape makes one', () => {
    assert.equal(quoteInValue('Order "o-\\"1" has recorded OrderPlaced', isStep), undefined);
    assert.equal(quoteInValue('the user "bob" logs in', isStep), undefined);
    assert.equal(quoteInValue('Order "o-"1" has recordd OrderPlaced', isStep), undefined);
  });
});
