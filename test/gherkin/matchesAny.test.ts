import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vocabulary } from '../../src/gherkin';
import { compile, domainParameterTypes, domainRegistry } from '../../src/gherkin/domainParameterTypes';
import { matchesAny } from '../../src/gherkin/installSteps';
import { domain } from '../../src/domains';

describe('matchesAny: the steps a text matches, as one regexp (installSteps.ts)', () => {
  const registry = domainRegistry(domainParameterTypes(domain));
  const patterns = vocabulary.map((step) => compile(step.cucumberExpression, registry).regexp);
  const some = (list: readonly RegExp[], text: string) => list.some((p) => p.test(text));
  const examples = vocabulary.map((step) => step.example.split('\n')[0]!.replace(/^(Given|When|Then) /, ''));
  const others = ['Order "o-1" has recordedd OrderPlaced', 'an Order "o-1" is sent ShipOrder', 'Order "o-1" is sent ShipOrder and more', '', 'the time is'];

  it('says what testing each pattern in turn says, for steps and for lines that are not', () => {
    const any = matchesAny(patterns);
    for (const text of [...examples, ...others]) assert.equal(any(text), some(patterns, text), text);
    assert.ok(examples.every(any));
  });

  it('matches only from the start of the text, and again after a match', () => {
    const any = matchesAny([/^b$/, /^a b$/]);
    assert.equal(any('a b'), true);
    assert.equal(any('a b'), true);
    assert.equal(any('x a b'), false);
    assert.equal(any('b'), true);
  });

  it('matches nothing when there are no patterns', () => {
    assert.equal(matchesAny([])('anything'), false);
  });
});
