import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineAggregate, defineCommand, defineDomain, defineEvent, z } from '../../src';
import { createScenario, memoryScenarioStores } from '../../src/testing';
import { vocabulary } from '../../src/gherkin';

const Joined = defineEvent('Joined', z.object({ at: z.string(), level: z.number() }));
const Join = defineCommand('Join', z.object({}));
// No state schema: the step must read cells by the type of what is in the state.
const Member = defineAggregate({ name: 'Member', events: [Joined], commands: [Join], initialState: { since: new Date(0), level: 0, active: false } }).behavior({
  evolve: { Joined: (_state, { at, level }) => ({ since: new Date(at), level, active: true }) },
  decide: { Join: () => ({ type: 'Joined', data: { at: '2025-03-01T10:00:00.000Z', level: 2 } }) },
});
const domain = defineDomain({ name: 'club', aggregates: [Member] });
const hasState = vocabulary.find((s) => s.expression === '{Aggregate} "{id}" has state:')!;

async function checkState(rows: string[][]) {
  const scenario = createScenario({ domain, stores: await memoryScenarioStores.create({ clock: { now: () => new Date() }, scenario: 't' }) });
  await scenario.record(Member, 'm-1', [{ type: 'Joined', data: { at: '2025-03-01T10:00:00.000Z', level: 2 } }]);
  return hasState.run({ scenario, place: undefined }, ['Member', 'm-1'], { table: rows });
}

describe('checking a state without a schema', () => {
  it('reads a cell as the type of the value in the state: dates, numbers, booleans', async () => {
    await checkState([['since', '2025-03-01T10:00:00Z'], ['level', '2.0'], ['active', 'yes']]);
  });

  it('still fails on a different date, naming expected and actual', async () => {
    await assert.rejects(checkState([['since', '2025-03-02']]), /\| since \| 2025-03-02T00:00:00\.000Z \| 2025-03-01T10:00:00\.000Z \|/);
  });
});
