import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { vocabulary } from '../../src/gherkin';
import { closestPhrasing } from '../../src/gherkin/snippetSyntax';
import { compile, domainParameterTypes, domainRegistry, phrasingExpression } from '../../src/gherkin/domainParameterTypes';
import { domain } from '../../src/domains';

describe('the vocabulary', () => {
  it('is documented in the README, every phrasing of it', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const step of vocabulary) assert.ok(readme.includes(`\`${step.keyword} ${step.expression}\``), `README lacks ${step.keyword} ${step.expression}`);
  });

  const registry = domainRegistry(domainParameterTypes(domain));

  it('has examples that match their own expressions, and no two expressions match one example', () => {
    for (const step of vocabulary) {
      const firstLine = step.example.split('\n')[0]!.replace(/^(Given|When|Then) /, '');
      const matching = vocabulary.filter((other) => compile(other.cucumberExpression, registry).match(firstLine));
      assert.deepEqual(matching.map((m) => m.expression), [step.expression], `example "${firstLine}"`);
    }
  });

  it('suggests the nearest phrasing for a near miss, and nothing for unrelated text', () => {
    assert.equal(closestPhrasing('Order "o-1" is sen ShipOrder'), 'When Order "o-1" is sent ShipOrder');
    assert.equal(closestPhrasing('the comand is rejected with "X"'), 'Then the command is rejected with "OrderAlreadyShipped"');
    assert.equal(closestPhrasing('I log in to the admin console'), undefined);
  });

  it('turns domain phrasings into cucumber expressions that take quoted or bare values', () => {
    const expression = compile(phrasingExpression('{actor} ships order {id} with {carrier}'), registry);
    assert.deepEqual(expression.match('bob ships order o-1 with DHL')?.map((a) => a.getValue(null)), ['bob', 'o-1', 'DHL']);
    assert.deepEqual(expression.match('"carol ann" ships order o-1 with DHL')?.map((a) => a.getValue(null)), ['carol ann', 'o-1', 'DHL']);
    assert.equal(expression.match('bob ships order o-1 by DHL'), null);
    assert.ok(compile(phrasingExpression('costs {amount} (incl. tax) a/b'), registry).match('costs 3 (incl. tax) a/b'));
  });
});
