import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defineAggregate, defineCommand, defineDomain, defineEvent, z } from '../../src';
import type { Running } from './serviceHarness';
import { startService } from './serviceHarness';

// A command with a Date field: JSON carries it as ISO text, which the OpenAPI document asks for.
const Borrowed = defineEvent('Borrowed', z.object({ dueOn: z.date() }));
const Borrow = defineCommand('Borrow', z.object({ dueOn: z.date(), renewals: z.array(z.object({ until: z.coerce.date() })).optional() }));
const Loan = defineAggregate({ name: 'Loan', events: [Borrowed], commands: [Borrow], initialState: { dueOn: null as Date | null } }).behavior({
  evolve: { Borrowed: (_s, { dueOn }) => ({ dueOn }) },
  decide: { Borrow: ({ dueOn }) => ({ type: 'Borrowed', data: { dueOn } }) },
});

describe('the service: dates in a command\'s JSON', () => {
  let s: Running;
  before(async () => {
    s = await startService({ domain: defineDomain({ name: 'Lending', aggregates: [Loan] }) });
  });
  after(async () => s.close());

  it('reads ISO text as the Date the contract asks for, nested too', async () => {
    const answer = await s.call('POST', '/aggregates/Loan/l-1/commands/Borrow', { body: { dueOn: '2030-01-01T00:00:00Z', renewals: [{ until: '2030-02-01' }] } });
    assert.equal(answer.status, 200, answer.text);
    const events = answer.json.events as { data: { dueOn: string } }[];
    assert.equal(events[0]!.data.dueOn, '2030-01-01T00:00:00.000Z');
  });

  it('refuses text that is not an ISO time as a table does, even where the schema would coerce it', async () => {
    for (const body of [{ dueOn: '01/03/2030' }, { dueOn: '2030-01-01', renewals: [{ until: 'next week' }] }]) {
      const answer = await s.call('POST', '/aggregates/Loan/l-2/commands/Borrow', { body });
      assert.equal(answer.status, 400, answer.text);
      assert.match(String(answer.json.detail), /^Borrow is not valid: (dueOn: "01\/03\/2030"|renewals\.0\.until: "next week") is not a date or time eventspec reads; write it as ISO 8601/);
    }
    assert.equal(await s.events.streamVersion('Loan-l-2'), 0);
  });
});
