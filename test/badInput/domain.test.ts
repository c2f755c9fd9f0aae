import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createCommandHandler, defineAggregate, defineCommand, defineDomain, defineEvent, EventspecError, inMemoryEventStore, StoredEventError, z } from '../../src';
import type { EventStore, Invariant } from '../../src';
import type { CommandRequest } from '../../src/commandHandling';

/**
 * Developer mistakes in domain code (an invariant that throws, an evolve that forgets to return, a
 * decide that returns nothing or a Promise, an example that breaks its own schema, an expected
 * version that is not one): each gets its exact message naming the aggregate, the handler and the
 * event or command, and the stored events stay exactly as they were.
 */

const Added = defineEvent('Added', z.object({ n: z.number() }));
const Add = defineCommand('Add', z.object({ n: z.number() }));
type State = { total: number };
type Evolve = (state: State, data: { n: number }) => State;
type Decide = (command: { n: number }) => unknown;

const sum: Evolve = (s, d) => ({ total: s.total + d.n });
const addIt: Decide = (c) => ({ type: 'Added', data: { n: c.n } });

function counter(parts: { evolve?: Evolve; decide?: Decide; invariants?: Invariant<State>[] }) {
  return defineAggregate({ name: 'Counter', events: [Added], commands: [Add], initialState: { total: 0 } as State }).behavior({
    evolve: { Added: parts.evolve ?? sum },
    decide: { Add: (parts.decide ?? addIt) as (c: { n: number }) => { type: 'Added'; data: { n: number } } },
    invariants: parts.invariants ?? [],
  });
}

let store: EventStore;
before(async () => {
  store = inMemoryEventStore();
  const at = { occurredAt: '2025-03-01T10:00:00.000Z' };
  await store.append('Counter-c1', [1, 2].map((n) => ({ id: `h-${n}`, type: 'Added', schemaVersion: 1, data: { n }, metadata: at })));
});

async function refused(act: () => Promise<unknown>, message: string, kind: new (...args: never[]) => Error = EventspecError): Promise<void> {
  const before = await store.readAll();
  await assert.rejects(act(), (error: unknown) => {
    assert.ok(error instanceof kind, `not a ${kind.name}: ${String(error)}`);
    assert.equal((error as Error).message, message);
    return true;
  });
  assert.deepEqual(await store.readAll(), before, 'stored events changed');
}

const handlerFor = (parts: Parameters<typeof counter>[0]) => createCommandHandler({ domain: defineDomain({ name: 'Counting', aggregates: [counter(parts)] }), store });

const send = (parts: Parameters<typeof counter>[0], id = 'c1', options: { expectedVersion?: number } = {}) => () =>
  createCommandHandler({ domain: defineDomain({ name: 'Counting', aggregates: [counter(parts)] }), store }).handle({
    aggregate: 'Counter',
    id,
    command: { type: 'Add', data: { n: 5 } },
    ...options,
  });

const NOTHING_STORED = 'Nothing was stored.';
const SHAPE = 'evolve must return the next state, e.g. `(state, data) => ({ ...state, total: state.total + data.amount })`.';
const DECIDE = 'Counter\'s decide for Add on "Counter-c1"';

const CASES: readonly { title: string; act: () => Promise<unknown>; message: string; kind?: new (...args: never[]) => Error }[] = [
  {
    title: 'an invariant that throws',
    act: send({ invariants: [{ name: 'total stays small', holds: (s) => (s as unknown as { limits: { max: number } }).limits.max > s.total }] }),
    message: `invariant "total stays small" of Counter threw "Cannot read properties of undefined (reading 'max')" while checking stream "Counter-c1" after Add. ${NOTHING_STORED} An invariant must return true or false for every state, the initial one included.`,
  },
  {
    title: 'an invariant that throws a string',
    act: send({ invariants: [{ name: 'never', holds: () => { throw 'no'; } }] }),
    message: `invariant "never" of Counter threw "no" while checking stream "Counter-c1" after Add. ${NOTHING_STORED} An invariant must return true or false for every state, the initial one included.`,
  },
  {
    title: 'an invariant that forgets to return',
    act: send({ invariants: [{ name: 'total stays small', holds: ((s: State) => { void (s.total < 100); }) as unknown as (s: State) => boolean }] }),
    message: `invariant "total stays small" of Counter returned nothing while checking stream "Counter-c1" after Add. ${NOTHING_STORED} An invariant must return true or false, e.g. \`holds: (state) => state.balance >= 0\`.`,
  },
  {
    title: 'an evolve that forgets to return, on a new event',
    act: send({ evolve: (s, d) => { s.total += d.n; return undefined as unknown as State; } }, 'c9'),
    message: `Counter's evolve for Added returned nothing on the event Counter's decide for Add produced for stream "Counter-c9" (it would be version 1). ${NOTHING_STORED} ${SHAPE}`,
  },
  {
    title: 'an evolve that throws on a new event',
    act: send({ evolve: (s, d) => { if (d.n === 5) throw new Error('five is not allowed'); return sum(s, d); } }),
    message: `Counter's evolve for Added threw "five is not allowed" on the event Counter's decide for Add produced for stream "Counter-c1" (it would be version 3). ${NOTHING_STORED} Fix evolve for Added (or the data decide gives it).`,
  },
  {
    title: 'an evolve that throws on stored history',
    act: send({ evolve: (s, d) => { if (d.n === 2) throw new Error('two is odd here'); return sum(s, d); } }),
    kind: StoredEventError,
    message: 'stream "Counter-c1" version 2 (Added): Counter\'s evolve for Added threw "two is odd here"; every stored event must evolve: fix evolve for Added so it accepts this event (stored events never change; an upcaster can reshape old data)',
  },
  {
    title: 'an evolve that returns nothing on stored history',
    act: send({ evolve: (s, d) => (d.n === 1 ? sum(s, d) : (undefined as unknown as State)) }),
    kind: StoredEventError,
    message: `stream "Counter-c1" version 2 (Added): Counter's evolve for Added returned nothing; ${SHAPE.slice(0, -1)}`,
  },
  {
    title: 'loading through the handler with an evolve that throws on history',
    act: () => {
      const aggregate = counter({ evolve: () => { throw new TypeError('boom'); } });
      return createCommandHandler({ domain: defineDomain({ name: 'Counting', aggregates: [aggregate] }), store }).load(aggregate, 'c1');
    },
    kind: StoredEventError,
    message: 'stream "Counter-c1" version 1 (Added): Counter\'s evolve for Added threw "boom"; every stored event must evolve: fix evolve for Added so it accepts this event (stored events never change; an upcaster can reshape old data)',
  },
  {
    title: 'a decide that returns nothing',
    act: send({ decide: () => undefined }),
    message: `${DECIDE} returned undefined: return the events it records (one { type, data }, or a list of them; [] records nothing), or call reject(...) to refuse the command`,
  },
  {
    title: 'a decide that returns null',
    act: send({ decide: () => null }),
    message: `${DECIDE} returned null: return the events it records (one { type, data }, or a list of them; [] records nothing), or call reject(...) to refuse the command`,
  },
  {
    title: 'a decide that returns a Promise',
    act: send({ decide: async (c) => ({ type: 'Added', data: { n: c.n } }) }),
    message: `${DECIDE} returned a Promise: decide must be synchronous (is it declared async?); work out anything it needs before sending the command, and return the events themselves`,
  },
  {
    title: 'a decide whose Promise rejects (no unhandled rejection follows)',
    act: send({ decide: () => Promise.reject(new Error('later')) }),
    message: `${DECIDE} returned a Promise: decide must be synchronous (is it declared async?); work out anything it needs before sending the command, and return the events themselves`,
  },
  {
    title: 'a decide that returns a list holding nothing',
    act: send({ decide: () => [undefined] }),
    message: 'Counter.decide.Add on "Counter-c1", event 1: decide returned nothing where an event { type, data } was expected; return events as { type: \'SomethingHappened\', data: { … } }',
  },
  {
    title: 'a decide that returns an event name instead of an event',
    act: send({ decide: () => 'Added' }),
    message: 'Counter.decide.Add on "Counter-c1", event 1: decide returned "Added" where an event { type, data } was expected; return events as { type: \'SomethingHappened\', data: { … } }',
  },
  {
    title: 'a decide whose second event is not one',
    act: send({ decide: (c) => [{ type: 'Added', data: { n: c.n } }, 42] }),
    message: 'Counter.decide.Add on "Counter-c1", event 2: decide returned 42 where an event { type, data } was expected; return events as { type: \'SomethingHappened\', data: { … } }',
  },
  {
    title: 'a command without an aggregate id',
    act: () => handlerFor({}).handle({ aggregate: 'Counter', id: '', command: { type: 'Add', data: { n: 1 } } }),
    message: 'a command to Counter needs the aggregate\'s id as a non-empty string (the stream is "Counter-<id>"), got ""',
  },
  {
    title: 'a command whose id is a number',
    act: () => handlerFor({}).handle({ aggregate: 'Counter', id: 7 as unknown as string, command: { type: 'Add', data: { n: 1 } } }),
    message: 'a command to Counter needs the aggregate\'s id as a non-empty string (the stream is "Counter-<id>"), got 7',
  },
  {
    title: 'a request without a command',
    act: () => handlerFor({}).handle({ aggregate: 'Counter', id: 'c1' } as unknown as CommandRequest),
    message: 'the command to Counter "c1" must be { type, data } with the command\'s name as type, got nothing',
  },
  {
    title: 'a command given by name only',
    act: () => handlerFor({}).handle({ aggregate: 'Counter', id: 'c1', command: 'Add' as unknown as CommandRequest['command'] }),
    message: 'the command to Counter "c1" must be { type, data } with the command\'s name as type, got "Add"',
  },
  {
    title: 'loading at a negative version',
    act: () => handlerFor({}).load(counter({}), 'c1', { atVersion: -1 }),
    message: 'stream "Counter-c1": version -1 is not a whole number ≥ 0; ask for the state after that many events (0 = the initial state)',
  },
  {
    title: 'loading at a version past the end',
    act: () => handlerFor({}).load(counter({}), 'c1', { atVersion: 7 }),
    message: 'stream "Counter-c1" has 2 events, so it has no version 7; ask for a version up to 2',
  },
  ...([
    [-1, '-1'],
    [Number.NaN, 'NaN'],
    [1.5, '1.5'],
    [Infinity, 'Infinity'],
  ] as const).map(([expectedVersion, shown]) => ({
    title: `a command sent with expectedVersion ${shown}`,
    act: send({}, 'c1', { expectedVersion }),
    message: `Add on "Counter-c1": expectedVersion ${shown} is not a version; pass the whole number ≥ 0 the stream was at (0 = a new stream), or leave it out to have conflicts retried`,
  })),
];

const EXAMPLES: readonly { title: string; define: () => unknown; message: string }[] = [
  {
    title: 'an event example below the schema’s minimum',
    define: () => defineEvent('Paid', z.object({ amount: z.number().positive() }), { example: { amount: -5 } }),
    message: 'event Paid: the example does not fit its own schema — amount: must be more than 0 (got -5); fix the example (or the schema)',
  },
  {
    title: 'an event example missing a field',
    define: () => defineEvent('Shipped', z.object({ carrier: z.string(), parcel: z.string() }), { example: { carrier: 'DHL' } as { carrier: string; parcel: string } }),
    message: 'event Shipped: the example does not fit its own schema — parcel: is missing (expected a string); fix the example (or the schema)',
  },
  {
    title: 'a command example with a wrong nested field',
    define: () => defineCommand('PlaceOrder', z.object({ address: z.object({ zip: z.string() }) }), { example: { address: { zip: 12345 as unknown as string } } }),
    message: 'command PlaceOrder: the example does not fit its own schema — address.zip: expected string, received number (got 12345); fix the example (or the schema)',
  },
  {
    title: 'a command example outside its enum',
    define: () => defineCommand('Ship', z.object({ speed: z.enum(['slow', 'fast']) }), { example: { speed: 'warp' as 'slow' } }),
    message: 'command Ship: the example does not fit its own schema — speed: must be one of "slow" or "fast" (got "warp"); fix the example (or the schema)',
  },
];

describe('bad input in domain code: named errors, nothing stored', () => {
  for (const c of CASES) {
    it(c.title, async () => {
      await refused(c.act, c.message, c.kind);
    });
  }
});

describe('bad input in contracts: an example its own schema rejects is refused at definition', () => {
  for (const c of EXAMPLES) {
    it(c.title, async () => {
      await refused(async () => c.define(), c.message);
    });
  }
  it('a fitting example is kept', () => {
    assert.deepEqual(defineEvent('Paid', z.object({ amount: z.number().positive() }), { example: { amount: 5 } }).example, { amount: 5 });
  });
});
