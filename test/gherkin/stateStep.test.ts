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

describe('a misspelled state field', () => {
  const Moved = defineEvent('Moved', z.object({ city: z.string() }));
  const Move = defineCommand('Move', z.object({}));
  const state = z.object({ name: z.string(), address: z.object({ city: z.string(), postal: z.object({ code: z.string() }) }) });
  const shapes = {
    'with a state schema': { state },
    'without a state schema': {},
  };
  for (const [shape, declared] of Object.entries(shapes)) {
    const Resident = defineAggregate({ name: 'Resident', events: [Moved], commands: [Move], initialState: { name: 'r', address: { city: 'a', postal: { code: '1' } } }, ...declared }).behavior({
      evolve: { Moved: (s, { city }) => ({ ...s, address: { ...s.address, city } }) },
      decide: { Move: () => ({ type: 'Moved', data: { city: 'b' } }) },
    });
    const town = defineDomain({ name: 'town', aggregates: [Resident] });
    const check = async (field: string) => {
      const scenario = createScenario({ domain: town, stores: await memoryScenarioStores.create({ clock: { now: () => new Date() }, scenario: 't' }) });
      return hasState.run({ scenario, place: undefined }, ['Resident', 'r-1'], { table: [[field, 'a']] });
    };
    it(`${shape}: a typo deep in a nested path gets the nested field`, async () => {
      await assert.rejects(check('address.postl.code'), { message: 'in this step: Resident\'s state has no field `address.postl.code` — did you mean `address.postal.code`?' });
    });
    it(`${shape}: a nested field written without its parents gets its full path`, async () => {
      await assert.rejects(check('postal.code'), {
        message: 'in this step: Resident\'s state has no field `postal.code` — did you mean `address.postal.code`? (nested fields are written with their parents, dot-separated)',
      });
      await assert.rejects(check('cty'), {
        message: 'in this step: Resident\'s state has no field `cty` — did you mean `address.city`? (nested fields are written with their parents, dot-separated)',
      });
    });
  }
});
