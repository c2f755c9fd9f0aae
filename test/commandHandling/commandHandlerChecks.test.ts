import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ConcurrencyError,
  WrongExpectedVersionError,
  controllableClock,
  createCommandHandler,
  defineAggregate,
  defineCommand,
  defineDomain,
  defineEvent,
  inMemoryEventStore,
  inMemorySnapshotStore,
  z,
} from '../../src';
import type { EventStore } from '../../src';

// What the mutation run showed commandHandler.test.ts leaves open (docs/testing.md).
const Counted = defineEvent('Counted', z.object({ by: z.number() }));
const Count = defineCommand('Count', z.object({ by: z.number() }));
const Uncount = defineCommand('Uncount', z.object({ by: z.number() }));
const CountTwice = defineCommand('CountTwice', z.object({ by: z.number() }));
const Misbehave = defineCommand('Misbehave', z.object({ how: z.enum(['throw', 'nothing', 'unknown']) }));
const Counter = defineAggregate({
  name: 'Counter',
  events: [Counted],
  commands: [Count, Uncount, CountTwice, Misbehave],
  snapshot: { every: 1 },
  initialState: { n: 0, seen: [] as string[] },
}).behavior({
  // Records what each event looked like to evolve: its version and recording time.
  evolve: { Counted: (s, { by }, event) => ({ n: s.n + by, seen: [...s.seen, `${event.version}@${event.metadata.recordedAt}`] }) },
  decide: {
    Count: ({ by }) => ({ type: 'Counted', data: { by } }),
    Uncount: ({ by }) => ({ type: 'Counted', data: { by: -by } }),
    CountTwice: ({ by }) => [
      { type: 'Counted', data: { by } },
      { type: 'Counted', data: { by } },
    ],
    Misbehave: ({ how }): { type: 'Counted'; data: { by: number } } => {
      if (how === 'throw') throw new TypeError('a bug in decide');
      if (how === 'nothing') return undefined as unknown as { type: 'Counted'; data: { by: number } };
      return { type: 'Countd', data: { by: 1 } } as unknown as { type: 'Counted'; data: { by: number } };
    },
  },
  // Checked on the provisional events before they are stored: each must carry its own version and time.
  invariants: [{ name: 'events are evolved as stored', holds: (s) => s.seen.every((seen, i) => seen === `${i + 1}@2025-03-01T10:00:00.000Z`) }],
});
const counters = defineDomain({ name: 'counters', aggregates: [Counter] });

const clock = controllableClock('2025-03-01T10:00:00Z');

function setup(store: EventStore = inMemoryEventStore({ clock }), retries?: number) {
  const handler = createCommandHandler({ domain: counters, store, clock, ...(retries === undefined ? {} : { retries }) });
  return { handler, store };
}

describe('command handling, in detail', () => {
  it('accepts a command sent with the version the stream is at', async () => {
    const { handler } = setup();
    await handler.send(Counter, 'c', { type: 'Count', data: { by: 1 } });
    const result = await handler.send(Counter, 'c', { type: 'Count', data: { by: 2 } }, { expectedVersion: 1 });
    assert.equal(result.status, 'accepted');
    assert.equal(result.status === 'accepted' && result.version, 2);
    await assert.rejects(
      handler.send(Counter, 'c', { type: 'Count', data: { by: 2 } }, { expectedVersion: 1 }),
      (error: unknown) => error instanceof WrongExpectedVersionError && error.actual === 2 && error.expected === 'version 1' && error.streamId === 'Counter-c',
    );
  });

  it('refuses a command id reused for another command on the same stream, even with equal data', async () => {
    const { handler, store } = setup();
    await handler.send(Counter, 'c', { type: 'Count', data: { by: 1 } }, { commandId: 'k-1' });
    await assert.rejects(
      handler.send(Counter, 'c', { type: 'Uncount', data: { by: 1 } }, { commandId: 'k-1' }),
      /command id k-1 was already used for Count on "Counter-c"; a new command needs a new id/,
    );
    assert.equal(await store.streamVersion('Counter-c'), 1);
  });

  it('tries exactly 1 + retries times before giving up with a ConcurrencyError', async () => {
    const inner = inMemoryEventStore();
    let appends = 0;
    const store: EventStore = {
      ...inner,
      append: async () => {
        appends++;
        throw new WrongExpectedVersionError('Counter-c', 'no_stream', appends);
      },
    };
    const { handler } = setup(store, 2);
    await assert.rejects(handler.send(Counter, 'c', { type: 'Count', data: { by: 1 } }), (error: unknown) => error instanceof ConcurrencyError && error.name === 'ConcurrencyError');
    assert.equal(appends, 3);
  });

  it('lets an ordinary error thrown by decide through, and logs nothing for its command id', async () => {
    const { handler, store } = setup();
    await assert.rejects(handler.send(Counter, 'c', { type: 'Misbehave', data: { how: 'throw' } }, { commandId: 'm-1' }), {
      name: 'TypeError',
      message: 'a bug in decide',
    });
    // Not answered from the log as a rejection: the same id runs again (and fails again).
    await assert.rejects(handler.send(Counter, 'c', { type: 'Misbehave', data: { how: 'throw' } }, { commandId: 'm-1' }), /a bug in decide/);
    assert.equal(await store.streamVersion('Counter-c'), 0);
  });

  it('refuses bad command data naming the stream', async () => {
    const { handler } = setup();
    await assert.rejects(handler.send(Counter, 'c', { type: 'Count', data: { by: 'one' as unknown as number } }), /Counter-c/);
  });

  it('runs an aggregate with a snapshot policy without a snapshot store, and one without a policy beside a snapshot store', async () => {
    // Counter snapshots every event; Plain has no policy. Neither handler may try to take a snapshot.
    const Plain = defineAggregate({ name: 'Plain', events: [Counted], commands: [Count], initialState: { n: 0 } }).behavior({
      evolve: { Counted: (s, { by }) => ({ n: s.n + by }) },
      decide: { Count: ({ by }) => ({ type: 'Counted', data: { by } }) },
    });
    const domain = defineDomain({ name: 'mixed', aggregates: [Counter, Plain] });
    // The general path (a wrapped store) and the in-memory store's direct one.
    for (const store of [{ ...inMemoryEventStore({ clock }) }, inMemoryEventStore({ clock })]) {
      const failures: unknown[] = [];
      const onSnapshotFailure = (error: unknown) => void failures.push(error);
      const without = createCommandHandler({ domain, store, clock, onSnapshotFailure });
      assert.equal((await without.send(Counter, 'c', { type: 'Count', data: { by: 1 } })).status, 'accepted');
      const snapshots = inMemorySnapshotStore();
      const beside = createCommandHandler({ domain, store, clock, snapshots, onSnapshotFailure });
      assert.equal((await beside.send(Plain, 'p', { type: 'Count', data: { by: 1 } })).status, 'accepted');
      assert.equal(await snapshots.load('Plain-p'), undefined);
      assert.deepEqual(failures, []);
    }
  });

  it('says which handler returned no event, or an event the aggregate does not have', async () => {
    const { handler } = setup();
    await assert.rejects(
      handler.send(Counter, 'c', { type: 'Misbehave', data: { how: 'nothing' } }),
      { name: 'DomainCodeError', message: /^Counter's decide for Misbehave on "Counter-c" returned undefined: return the events it records/ },
    );
    await assert.rejects(
      handler.send(Counter, 'c', { type: 'Misbehave', data: { how: 'unknown' } }),
      { name: 'DomainCodeError', message: /^Counter\.decide\.Misbehave on "Counter-c", event 1: Counter has no event `Countd`.*Counted/ },
    );
  });

  it('evolves new events with their real version and time before they are stored', async () => {
    const { handler } = setup();
    // The invariant sees each new event as evolve did; later commands start from the cached state built from them.
    for (const type of ['Count', 'CountTwice', 'Count'] as const) {
      const result = await handler.send(Counter, 'c', { type, data: { by: 2 } });
      assert.equal(result.status, 'accepted');
    }
    const { state } = await handler.load(Counter, 'c');
    assert.deepEqual(state.seen, [1, 2, 3, 4].map((v) => `${v}@2025-03-01T10:00:00.000Z`));
  });
});
