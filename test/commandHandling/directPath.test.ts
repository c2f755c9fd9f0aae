import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { controllableClock, createCommandHandler, defineAggregate, defineCommand, defineDomain, defineEvent, inMemoryEventStore, inMemorySnapshotStore, sequentialIds, z } from '../../src';
import type { CommandHandler, CommandLog, CommandRequest, CommandResult, EventStore, IdGenerator } from '../../src';
import { directAccessOf } from '../../src/eventStore/directAccess';
import { domain as examples } from '../../src/domains';

// The handler runs a command on the in-memory store in one synchronous call; a wrapped store
// (`{ ...store }`) takes the general path. Both must give the same answers and store the same events.
const Added = defineEvent('Added', z.object({ by: z.number().int(), note: z.string().default('none') }));
const Boom = defineEvent('Boom', z.object({}));
const Add = defineCommand('Add', z.object({ by: z.number().int() }));
const Explode = defineCommand('Explode', z.object({}));
const Throw = defineCommand('Throw', z.object({}));
const Tally = defineAggregate({
  name: 'Tally',
  events: [Added, Boom],
  commands: [Add, Explode, Throw],
  initialState: { total: 0, log: [] as number[] },
  rejections: { TooBig: 'A tally stays under 100.' },
}).behavior({
  evolve: {
    Added: (state, { by }) => ({ total: state.total + by, log: [...state.log, by] }),
    Boom: () => {
      throw new Error('evolve broke');
    },
  },
  decide: {
    Add: ({ by }, state, { reject }) => {
      if (state.total + by >= 100) reject('TooBig', `the total is ${state.total}`);
      return by === 13 ? [] : by === 7 ? [{ type: 'Added', data: { by } }, { type: 'Added', data: { by, note: 'twice' } }] : { type: 'Added', data: { by } };
    },
    Explode: () => ({ type: 'Boom', data: {} }),
    Throw: () => {
      throw new Error('decide broke');
    },
  },
  invariants: [{ name: 'never negative', holds: (s) => s.total >= 0 }],
});
const domain = defineDomain({ name: 'Tallies', aggregates: [Tally] });

const requests: CommandRequest[] = [
  { aggregate: 'Tally', id: 't-1', command: { type: 'Add', data: { by: 5 } } },
  { aggregate: 'Tally', id: 't-1', command: { type: 'Add', data: { by: 7 } } },
  { aggregate: 'Tally', id: 't-1', command: { type: 'Add', data: { by: 13 } } },
  { aggregate: 'Tally', id: 't-1', command: { type: 'Add', data: { by: 'x' } } },
  { aggregate: 'Tally', id: 't-1', command: { type: 'Add', data: { by: 95 } } },
  { aggregate: 'Tally', id: 't-1', command: { type: 'Add', data: { by: -50 } } },
  { aggregate: 'Tally', id: 't-1', command: { type: 'Ad', data: { by: 1 } } },
  { aggregate: 'Tally', id: 't-1', command: { type: 'Throw' } },
  { aggregate: 'Tally', id: 't-1', command: { type: 'Add', data: { by: 1 } }, expectedVersion: 1 },
  { aggregate: 'Tally', id: 't-1', command: { type: 'Add', data: { by: 1 } }, expectedVersion: 3 },
  { aggregate: 'Tally', id: 't-1', command: { type: 'Add', data: { by: 1 } }, expectedVersion: -1 },
  { aggregate: 'Tally', id: 't-2', command: { type: 'Explode' } },
  { aggregate: 'Tally', id: 't-2', command: { type: 'Add', data: { by: 2 } }, metadata: { user: 'u-1' }, correlationId: 'corr-1', causationId: 'cause-1' },
  { aggregate: 'Tally', id: 'bad\uD800', command: { type: 'Add', data: { by: 2 } } },
  { aggregate: 'Tally', id: 't-1', command: { type: 'Add', data: { by: 1 } } },
  { aggregate: 'Tally', id: 't-3', command: { type: 'Add', data: { by: 1 } } },
  { aggregate: 'Tally', id: 't-4', command: { type: 'Add', data: { by: 1 } } },
  { aggregate: 'Tally', id: 't-5', command: { type: 'Add', data: { by: 1 } } },
];

/** Streams written before the handler starts: one whose evolve throws, one with data its contract refuses, one fine. */
async function seeded(store: EventStore): Promise<EventStore> {
  const at = (id: string, type: string, data: unknown) => [{ id, type, schemaVersion: 1, data, metadata: { occurredAt: '2025-03-01T09:00:00.000Z' } }];
  await store.append('Tally-t-3', at('pre-3', 'Boom', {}));
  await store.append('Tally-t-4', at('pre-4', 'Added', { by: 'x' }));
  await store.append('Tally-t-5', at('pre-5', 'Added', { by: 4 }));
  return store;
}

/** Every request's outcome, in order: the result, or the error's name and message. */
async function outcomes(store: EventStore, ids: IdGenerator, sent: readonly CommandRequest[], cacheSize?: number) {
  const clock = controllableClock('2025-03-01T10:00:00Z');
  const handler = createCommandHandler({ domain, store, clock, ids, ...(cacheSize !== undefined ? { cacheSize } : {}) });
  const seen: unknown[] = [];
  for (const request of sent) {
    try {
      seen.push(await handler.handle(request));
    } catch (error) {
      seen.push({ error: (error as Error).name, message: (error as Error).message });
    }
  }
  seen.push(await store.readAll());
  return seen;
}

const storeAt = () => inMemoryEventStore({ clock: controllableClock('2025-03-01T10:00:01Z') });

describe('the direct path on the in-memory store', () => {
  it('is taken for the in-memory store, not for a wrapped one: the event is stored before handle returns', () => {
    const store = storeAt();
    const wrapped: EventStore = { ...storeAt() };
    assert.ok(directAccessOf(store));
    assert.equal(directAccessOf(wrapped), undefined);
    const handler = createCommandHandler({ domain, store });
    void handler.handle(requests[0]!);
    assert.equal(directAccessOf(store)!.streamOf('Tally-t-1')?.events.length, 1);
  });

  it('is not taken once a method of the store was replaced', async () => {
    const store = storeAt();
    let appends = 0;
    const append = store.append;
    store.append = (...args) => {
      appends += 1;
      return append(...args);
    };
    assert.equal(directAccessOf(store), undefined);
    await createCommandHandler({ domain, store }).handle(requests[0]!);
    assert.equal(appends, 1);
  });

  for (const cacheSize of [undefined, 0, 1]) {
    it(`gives the same answers, errors and stored events as the general path (cache ${cacheSize ?? 'default'})`, async () => {
      const direct = await outcomes(await seeded(storeAt()), sequentialIds(), requests, cacheSize);
      const general = await outcomes(await seeded({ ...storeAt() }), sequentialIds(), requests, cacheSize);
      assert.deepStrictEqual(direct, general);
      // The sequence meets every kind of answer, so the comparison covers them.
      const kinds = new Set(direct.map((o) => (o as { status?: string; error?: string }).status ?? (o as { error?: string }).error));
      for (const kind of ['accepted', 'rejected', 'ContractError', 'EventspecError', 'InvariantViolation', 'WrongExpectedVersionError', 'DomainCodeError', 'StoredEventError']) {
        assert.ok(kinds.has(kind), `the sequence has no ${kind} (${[...kinds].join(', ')})`);
      }
    });
  }

  it('answers a command whose generated id repeats as the general path does (from the stream)', async () => {
    const repeating = () => () => '00000000-0000-4000-8000-000000000001';
    const sent: CommandRequest[] = [requests[0]!, requests[0]!, { aggregate: 'Tally', id: 't-1', command: { type: 'Add', data: { by: 2 } } }, requests[11]!];
    const direct = await outcomes(storeAt(), repeating(), sent);
    const general = await outcomes({ ...storeAt() }, repeating(), sent);
    assert.deepStrictEqual(direct, general);
    assert.equal((direct[1] as { replayed?: boolean }).replayed, true);
  });

  it('gives the example domains the same answers as the general path', async () => {
    const sent: CommandRequest[] = [];
    for (let i = 0; i < 12; i++) {
      for (const id of ['a-1', 'a-2']) {
        const command = i === 0 ? { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 5 } } : i % 4 === 0 ? { type: 'Withdraw', data: { amount: 9 } } : { type: 'Deposit', data: { amount: 2, reference: `r-${i}` } };
        sent.push({ aggregate: 'Account', id, command });
      }
    }
    const run = async (store: EventStore) => {
      const handler = createCommandHandler({ domain: examples, store, clock: controllableClock('2025-03-01T10:00:00Z'), ids: sequentialIds() });
      const seen: unknown[] = [];
      for (const request of sent) seen.push(await handler.handle(request));
      return [...seen, await store.readAll()];
    };
    assert.deepStrictEqual(await run(storeAt()), await run({ ...storeAt() }));
  });
});

describe('when the direct path is taken, and what it leaves behind', () => {
  const Snapped = defineAggregate({ name: 'Snapped', events: [Added], commands: [Add], initialState: { total: 0 }, snapshot: { every: 1 } }).behavior({
    evolve: { Added: (state, { by }) => ({ total: state.total + by }) },
    decide: { Add: ({ by }) => ({ type: 'Added', data: { by } }) },
  });
  const both = defineDomain({ name: 'Both', aggregates: [Tally, Snapped] });
  const add = (aggregate: string, id: string, by = 1): CommandRequest => ({ aggregate, id, command: { type: 'Add', data: { by } } });

  /** Whether the command's events are stored before handle returns, as only the direct path stores them. */
  function storedAtOnce(handler: CommandHandler, store: EventStore, request: CommandRequest, pending: Promise<unknown>[]): boolean {
    const streamId = `${request.aggregate}-${request.id}`;
    const before = directAccessOf(store)!.streamOf(streamId)?.events.length ?? 0;
    pending.push(handler.handle(request));
    return (directAccessOf(store)!.streamOf(streamId)?.events.length ?? 0) > before;
  }

  it('is taken when either the snapshot store or the aggregate\'s snapshot policy is missing, not when both are there', async () => {
    const pending: Promise<unknown>[] = [];
    const store = storeAt();
    const withSnapshots = createCommandHandler({ domain: both, store, snapshots: inMemorySnapshotStore() });
    assert.equal(storedAtOnce(withSnapshots, store, add('Tally', 't-1'), pending), true, 'a snapshot store, an aggregate without a policy');
    assert.equal(storedAtOnce(withSnapshots, store, add('Snapped', 's-1'), pending), false, 'a snapshot store and a policy');
    const bare = storeAt();
    assert.equal(storedAtOnce(createCommandHandler({ domain: both, store: bare }), bare, add('Snapped', 's-1'), pending), true, 'a policy, no snapshot store');
    for (const result of await Promise.all(pending)) assert.equal((result as CommandResult).status, 'accepted');
  });

  it('is taken again for the next command on the same stream once one has run', async () => {
    const pending: Promise<unknown>[] = [];
    const store = storeAt();
    const handler = createCommandHandler({ domain, store });
    for (let i = 1; i <= 3; i++) assert.equal(storedAtOnce(handler, store, add('Tally', 't-1'), pending), true, `command ${i}`);
    assert.deepEqual((await Promise.all(pending)).map((r) => (r as { version?: number }).version), [1, 2, 3]);
  });

  it('marks the events it stores as parsed by their aggregate, so loading them again copies instead of parsing', async () => {
    const store = storeAt();
    const handler = createCommandHandler({ domain, store, cacheSize: 0 });
    await handler.handle(add('Tally', 't-1', 2));
    await handler.handle(add('Tally', 't-1', 3));
    const stream = directAccessOf(store)!.streamOf('Tally-t-1')!;
    assert.equal(stream.parsedBy, domain.aggregate('Tally'));
    assert.equal(stream.parsedUpTo, 2);
    assert.deepEqual((await handler.load(Tally, 't-1')).state, { total: 5, log: [2, 3] });
  });

  // A decide that writes to its own stream once, as another writer's append would land between a
  // command's load and its append (the in-memory store's append runs at once).
  function racing(store: EventStore) {
    let intrude: (() => void) | undefined = () => {
      void store.append('Racy-r-1', [{ id: 'foreign-1', type: 'Added', schemaVersion: 1, data: { by: 10, note: 'foreign' }, metadata: { occurredAt: '2025-03-01T09:00:00.000Z' } }]);
    };
    const Racy = defineAggregate({ name: 'Racy', events: [Added], commands: [Add], initialState: { total: 0 } }).behavior({
      evolve: { Added: (state, { by }) => ({ total: state.total + by }) },
      decide: {
        Add: ({ by }) => {
          if (by === 1) {
            intrude?.();
            intrude = undefined;
          }
          return { type: 'Added', data: { by } };
        },
      },
    });
    return defineDomain({ name: 'Racing', aggregates: [Racy] });
  }

  for (const expectedVersion of [undefined, 1]) {
    it(`answers a stream that changed between its load and its append as the general path does (expectedVersion ${expectedVersion ?? 'not given'})`, async () => {
      const run = async (store: EventStore) => {
        const handler = createCommandHandler({ domain: racing(store), store, ids: sequentialIds(), clock: controllableClock('2025-03-01T10:00:00Z') });
        const seen: unknown[] = [await handler.handle(add('Racy', 'r-1', 5))];
        try {
          seen.push(await handler.handle({ ...add('Racy', 'r-1', 1), ...(expectedVersion !== undefined ? { expectedVersion } : {}) }));
        } catch (error) {
          seen.push({ error: (error as Error).name, message: (error as Error).message });
        }
        return [...seen, await store.readAll()];
      };
      const direct = await run(storeAt());
      assert.deepStrictEqual(direct, await run({ ...storeAt() }));
      if (expectedVersion === undefined) {
        // Retried in the stream's line on the stream as it now is: after the foreign event.
        assert.equal((direct[1] as CommandResult).status, 'accepted');
        assert.equal((direct[1] as { version?: number }).version, 3);
      } else {
        assert.equal((direct[1] as { error: string }).error, 'WrongExpectedVersionError');
      }
    });
  }

  it('does not log the ids it generated, also when a command is answered from the stream after a conflict', async () => {
    for (const store of [storeAt(), { ...storeAt() }]) {
      const recorded: CommandResult[] = [];
      const commandLog: CommandLog = { get: async () => undefined, record: async (result) => void recorded.push(result) };
      const handler = createCommandHandler({ domain, store, commandLog, ids: () => '00000000-0000-4000-8000-000000000001' });
      await handler.handle(requests[0]!);
      const again = await handler.handle(requests[0]!);
      assert.equal(again.replayed, true);
      assert.deepEqual(recorded, []);
    }
  });
});
