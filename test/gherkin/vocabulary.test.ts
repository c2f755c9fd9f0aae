import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { vocabulary } from '../../src/gherkin';
import { suggestStep } from '../../src/gherkin/suggestStep';
import { defineAggregate, defineCommand, defineDomain, defineEvent, phrase, z } from '../../src';
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

  it('suggests the user\'s own line with the domain\'s names put right, naming each misspelling', () => {
    assert.deepEqual(suggestStep('Order "o-7" is sent PlaceOrdr:', domain), {
      line: 'When Order "o-7" is sent PlaceOrder:',
      misspelled: ['unknown command `PlaceOrdr` — did you mean `PlaceOrder`?'],
    });
    assert.deepEqual(suggestStep('Ordr "o-7" records OrderPlaced, ItemAdded and OrderShiped', domain), {
      line: 'Then Order "o-7" records OrderPlaced, ItemAdded and OrderShipped',
      misspelled: ['unknown aggregate `Ordr` — did you mean `Order`?', 'unknown event `OrderShiped` — did you mean `OrderShipped`?'],
    });
    // "nothing" is the step's own word, not an event's name.
    assert.deepEqual(suggestStep('Ordr "o-1" records nothing', domain), { line: 'Then Order "o-1" records nothing', misspelled: ['unknown aggregate `Ordr` — did you mean `Order`?'] });
    assert.deepEqual(suggestStep('the command is rejected with "InsuficientFunds"', domain)?.line, 'Then the command is rejected with "InsufficientFunds"');
    assert.deepEqual(suggestStep('the AccountBalanse "a-1" is:', domain)?.line, 'Then the AccountBalance "a-1" is:');
    assert.deepEqual(suggestStep('the MemberCard "m-1" is:', domain)?.misspelled, [
      'unknown read model `MemberCard` — expected one of `OrderSummary`, `CustomerOrder`, `AccountBalance`, `AccountStatement`, `StatementLine`; ' +
        'a read model is known once its projection is registered: defineDomain({ …, projections: [yourProjection] })',
    ]);
  });

  it('names a misspelled process as a process, and looks for a command, event or rejection among the named aggregate\'s own', () => {
    assert.deepEqual(suggestStep('the OrderFulfilmnt process for "o-1" is completed', domain), {
      line: 'Then the OrderFulfilment process for "o-1" is completed',
      misspelled: ['unknown process `OrderFulfilmnt` — did you mean `OrderFulfilment`?'],
    });
    // Account has no ShipOrder: its own commands are offered, not Order's.
    const account = suggestStep('Account "a-1" is sent ShipOrdr', domain);
    assert.match(account!.misspelled[0]!, /^unknown command `ShipOrdr` — expected one of `OpenAccount`/);
    assert.doesNotMatch(account!.misspelled[0]!, /PlaceOrder|ShipOrder/);
    assert.equal(suggestStep('Ordr "o-1" is sent ShipOrdr', domain)?.line, 'When Order "o-1" is sent ShipOrder');
  });

  it('suggests the nearest step or phrasing for other wording, with the user\'s values, and nothing for unrelated text', () => {
    assert.deepEqual(suggestStep('Order "o-1" is sen ShipOrder', domain), { line: 'When Order "o-1" is sent ShipOrder', misspelled: [] });
    assert.equal(suggestStep('alice placed ordr o-9', domain)?.line, 'Given alice placed order o-9');
    assert.equal(suggestStep('I log in to the admin console', domain), undefined);
  });

  it("suggests a step of the line's own keyword, with the user's names, and every event of a list", () => {
    assert.equal(suggestStep('Account "a-4" receives OpenAccount', domain, 'When')?.line, 'When Account "a-4" is sent OpenAccount');
    // A Then checks: never the history step, which would store the events and pass.
    assert.equal(suggestStep('Account "a-4" should record AccountOpened', domain, 'Then')?.line, 'Then Account "a-4" records AccountOpened');
    assert.equal(suggestStep('the command should be rejected with "AccountNotOpen"', domain, 'Then')?.line, 'Then the command is rejected with "AccountNotOpen"');
    assert.equal(suggestStep('Account "a-4" has the state:', domain, 'Then')?.line, 'Then Account "a-4" has state:');
    assert.equal(suggestStep('Account "a-1" has recorded AccountOpened & MoneyDeposited', domain, 'Given')?.line, 'Given Account "a-1" has recorded AccountOpened and MoneyDeposited');
  });

  it('puts back the quotes a value was written without', () => {
    assert.deepEqual(suggestStep('the command is rejected with InsufficientFunds', domain), { line: 'Then the command is rejected with "InsufficientFunds"', misspelled: [] });
    assert.deepEqual(suggestStep('Account a-1 has recorded AccountOpened', domain), { line: 'Given Account "a-1" has recorded AccountOpened', misspelled: [] });
    assert.equal(suggestStep('Order o-1 is sent ShipOrdr', domain)?.line, 'When Order "o-1" is sent ShipOrder');
  });

  it('suggests only names of the project\'s own domain', () => {
    const Opened = defineEvent('TicketOpened', z.object({ title: z.string() }));
    const Open = defineCommand('OpenTicket', z.object({ title: z.string() }));
    const Ticket = defineAggregate({ name: 'Ticket', events: [Opened], commands: [Open], initialState: {} }).behavior({
      evolve: { TicketOpened: (s) => s },
      decide: { OpenTicket: ({ title }) => ({ type: 'TicketOpened', data: { title } }) },
    });
    const tickets = defineDomain({ name: 'desk', aggregates: [Ticket], phrasings: [phrase.when(Ticket, 'OpenTicket', '{actor} opens ticket {id} titled {title}')] });
    assert.equal(suggestStep('Ticket "t-1" record TicketOpened', tickets)?.line, 'Then Ticket "t-1" records TicketOpened');
    assert.equal(suggestStep('the comand is rejected with "X"', tickets)?.line, 'Then the command is rejected with "X"');
    assert.equal(suggestStep('bob opens tiket t-1 titled Hello', tickets)?.line, 'When bob opens ticket t-1 titled Hello');
  });

  it('turns domain phrasings into cucumber expressions that take quoted or bare values', () => {
    const expression = compile(phrasingExpression('{actor} ships order {id} with {carrier}'), registry);
    assert.deepEqual(expression.match('bob ships order o-1 with DHL')?.map((a) => a.getValue(null)), ['bob', 'o-1', 'DHL']);
    assert.deepEqual(expression.match('"carol ann" ships order o-1 with DHL')?.map((a) => a.getValue(null)), ['carol ann', 'o-1', 'DHL']);
    assert.equal(expression.match('bob ships order o-1 by DHL'), null);
    assert.ok(compile(phrasingExpression('costs {amount} (incl. tax) a/b'), registry).match('costs 3 (incl. tax) a/b'));
    // A plural ending in parentheses is optional, as in the kit's own `pass(es)`.
    const plural = compile(phrasingExpression('{actor} returns the book(s) of loan {id}'), registry);
    assert.deepEqual(plural.match('bob returns the book of loan l-1')?.map((a) => a.getValue(null)), ['bob', 'l-1']);
    assert.deepEqual(plural.match('bob returns the books of loan l-1')?.map((a) => a.getValue(null)), ['bob', 'l-1']);
    assert.equal(compile(phrasingExpression('costs {amount} (incl. tax)'), registry).match('costs 3'), null);
    // The phrasing copied as written still matches; parentheses that are no plural stay literal.
    assert.deepEqual(plural.match('bob returns the book(s) of loan l-1')?.map((a) => a.getValue(null)), ['bob', 'l-1']);
    assert.ok(compile(phrasingExpression('the price(eur) is {t}'), registry).match('the price(eur) is 5'));
  });
});
