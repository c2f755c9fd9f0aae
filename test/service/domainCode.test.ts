import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defineAggregate, defineCommand, defineDomain, defineEvent, z } from '../../src';
import type { Running } from './serviceHarness';
import { startService } from './serviceHarness';

// A domain whose decide has bugs: they are the server's fault (500 domain-code), never the client's (400).
const Counted = defineEvent('Counted', z.object({ by: z.number().int() }));
const Count = defineCommand('Count', z.object({ by: z.number() }));
const Break = defineCommand('Break', z.object({}));
const Counter = defineAggregate({ name: 'Counter', events: [Counted], commands: [Count, Break], initialState: { total: 0 } }).behavior({
  evolve: { Counted: (s, { by }) => ({ total: s.total + by }) },
  decide: {
    // 1.5 breaks the event's own contract (whole numbers): decide's bug, the command was valid.
    Count: ({ by }) => ({ type: 'Counted', data: { by } }),
    Break: () => {
      throw new TypeError('cannot read the ledger');
    },
  },
});

describe('the service: errors in the domain code', () => {
  let s: Running;
  before(async () => {
    s = await startService({ domain: defineDomain({ name: 'Counting', aggregates: [Counter] }) });
  });
  after(async () => s.close());

  it('answers a decide that throws with 500 domain-code, its error kept for the log', async () => {
    const answer = await s.call('POST', '/aggregates/Counter/c-1/commands/Break', { body: {} });
    assert.equal(answer.status, 500, answer.text);
    assert.equal(answer.json.type, 'urn:eventspec:problem:domain-code');
    assert.equal(answer.json.detail, "the aggregate's decide threw while handling this command; nothing was stored; the error is in the service log");
    // What it threw stays in the log: an error's text may hold what a client must not see.
    assert.doesNotMatch(answer.text, /ledger/);
    assert.equal(await s.events.streamVersion('Counter-c-1'), 0);
  });

  it('answers event data that breaks its own contract with 500 domain-code, not 400', async () => {
    const answer = await s.call('POST', '/aggregates/Counter/c-2/commands/Count', { body: { by: 1.5 } });
    assert.equal(answer.status, 500, answer.text);
    assert.equal(answer.json.type, 'urn:eventspec:problem:domain-code');
    assert.match(String(answer.json.detail), /event Counted v1 is invalid — by: must be a whole number \(got 1\.5\); decide made this data: fix Counter's decide for Count \(or the event's schema\)\. Nothing was stored\./);
    assert.equal(await s.events.streamVersion('Counter-c-2'), 0);
  });
});
