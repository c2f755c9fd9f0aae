import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CommandIdReusedError,
  ConcurrencyError,
  InvariantViolation,
  WrongExpectedVersionError,
  controllableClock,
  createCommandHandler,
  defineAggregate,
  defineCommand,
  defineDomain,
  defineEvent,
  inMemoryEventStore,
  inMemorySnapshotStore,
  sequentialIds,
  z,
} from '../../src';
import type { EventStore } from '../../src';
import { domain } from '../../src/domains';
import { Account } from '../../src/domains/banking';
import { Order } from '../../src/domains/ordering';

const setup = (options: { snapshots?: boolean; store?: EventStore } = {}) => {
  const clock = controllableClock('2025-03-01T10:00:00Z');
  const store = options.store ?? inMemoryEventStore({ clock });
  const snapshots = options.snapshots ? inMemorySnapshotStore() : undefined;
  const handler = createCommandHandler({ domain, store, clock, ids: sequentialIds(), ...(snapshots ? { snapshots } : {}) });
  return { clock, store, snapshots, handler };
};

describe('command handling', () => {
  it('records the decided events with metadata linking them to the command', async () => {
    const { handler } = setup();
    const result = await handler.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } }, {
      commandId: 'cmd-1',
      correlationId: 'corr-9',
      metadata: { user: 'teller-3' },
    });
    assert.equal(result.status, 'accepted');
    if (result.status !== 'accepted') return;
    assert.equal(result.version, 1);
    const [event] = result.events;
    assert.equal(event!.type, 'AccountOpened');
    assert.deepEqual(event!.data, { owner: 'alice', overdraftLimit: 0 });
    assert.equal(event!.metadata.commandId, 'cmd-1');
    assert.equal(event!.metadata.causationId, 'cmd-1');
    assert.equal(event!.metadata.correlationId, 'corr-9');
    assert.equal(event!.metadata.user, 'teller-3');
    assert.equal(event!.metadata.occurredAt, '2025-03-01T10:00:00.000Z');
  });

  it('answers a rejection with its name and message, and records nothing', async () => {
    const { handler, store } = setup();
    await handler.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    const result = await handler.send(Account, 'a-1', { type: 'Withdraw', data: { amount: 5 } });
    assert.equal(result.status, 'rejected');
    if (result.status === 'rejected') {
      assert.equal(result.rejection, 'InsufficientFunds');
      assert.match(result.message, /balance is 0/);
    }
    assert.equal(await store.streamVersion('Account-a-1'), 1);
  });

  it('answers a repeated command id from the log without running it again', async () => {
    const { handler, store } = setup();
    await handler.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    const first = await handler.send(Account, 'a-1', { type: 'Deposit', data: { amount: 10 } }, { commandId: 'pay-1' });
    const again = await handler.send(Account, 'a-1', { type: 'Deposit', data: { amount: 10 } }, { commandId: 'pay-1' });
    assert.equal(again.replayed, true);
    assert.equal(first.replayed, false);
    assert.ok(first.status === 'accepted' && again.status === 'accepted', 'both answers are the acceptance');
    assert.deepEqual(again.events.map((e) => e.id), first.events.map((e) => e.id));
    assert.equal(await store.streamVersion('Account-a-1'), 2);
    const { state } = await handler.load(Account, 'a-1');
    assert.equal(state.balance, 10);
  });

  it('answers a repeated rejected command with the same rejection', async () => {
    const { handler } = setup();
    const first = await handler.send(Account, 'a-9', { type: 'Deposit', data: { amount: 10 } }, { commandId: 'dep-9' });
    await handler.send(Account, 'a-9', { type: 'OpenAccount', data: { owner: 'bob', overdraftLimit: 0 } });
    const again = await handler.send(Account, 'a-9', { type: 'Deposit', data: { amount: 10 } }, { commandId: 'dep-9' });
    assert.equal(first.status, 'rejected');
    assert.equal(again.status, 'rejected');
    assert.equal(again.replayed, true);
  });

  it('refuses a command id repeated with other data', async () => {
    const { handler, store } = setup();
    await handler.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    await handler.send(Account, 'a-1', { type: 'Deposit', data: { amount: 10 } }, { commandId: 'pay-7' });
    await assert.rejects(
      handler.send(Account, 'a-1', { type: 'Deposit', data: { amount: 99 } }, { commandId: 'pay-7' }),
      (error: Error) => error instanceof CommandIdReusedError && error.name === 'CommandIdReusedError' && /command id pay-7 was already used for Deposit on "Account-a-1" with other data \(\{"amount":10\}, now \{"amount":99\}\)/.test(error.message),
    );
    assert.equal(await store.streamVersion('Account-a-1'), 2);
  });

  it('refuses a command id reused for a different command', async () => {
    const { handler } = setup();
    await handler.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } }, { commandId: 'k-1' });
    await assert.rejects(
      handler.send(Account, 'a-2', { type: 'OpenAccount', data: { owner: 'bob', overdraftLimit: 0 } }, { commandId: 'k-1' }),
      /command id k-1 was already used for OpenAccount on "Account-a-1"/,
    );
  });

  it('retries after a conflicting write and decides on the new state', async () => {
    const clock = controllableClock();
    const inner = inMemoryEventStore({ clock });
    let interfere = 2;
    // Another writer slips in between this handler's load and its append, twice.
    const store: EventStore = {
      ...inner,
      async append(streamId, events, options) {
        if (interfere > 0 && streamId === 'Account-a-1' && events[0]?.type === 'MoneyWithdrawn') {
          interfere -= 1;
          await inner.append(streamId, [{ id: `other-${interfere}`, type: 'MoneyDeposited', schemaVersion: 1, data: { amount: 1 }, metadata: { occurredAt: clock.now().toISOString() } }]);
        }
        return inner.append(streamId, events, options);
      },
    };
    const { handler } = setup({ store });
    await handler.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    await handler.send(Account, 'a-1', { type: 'Deposit', data: { amount: 10 } });
    const result = await handler.send(Account, 'a-1', { type: 'Withdraw', data: { amount: 9 } });
    assert.equal(result.status, 'accepted');
    assert.equal(interfere, 0, 'two conflicting writes happened');
    assert.equal(result.status === 'accepted' && result.version, 5, 'appended after the two writes that raced in');
    assert.equal((await handler.load(Account, 'a-1')).state.balance, 3);
    assert.deepEqual((await inner.readStream('Account-a-1')).map((e) => e.type), ['AccountOpened', 'MoneyDeposited', 'MoneyDeposited', 'MoneyDeposited', 'MoneyWithdrawn']);
  });

  it('gives up with a ConcurrencyError after the bounded retries', async () => {
    const inner = inMemoryEventStore();
    let deposits = 0;
    const store: EventStore = {
      ...inner,
      async append(streamId, events, options) {
        if (events.length > 0 && events[0]!.type === 'MoneyDeposited') {
          deposits++;
          throw new WrongExpectedVersionError(streamId, 'version 1', 99);
        }
        return inner.append(streamId, events, options);
      },
    };
    const handler = createCommandHandler({ domain, store, retries: 2 });
    await handler.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    await assert.rejects(handler.send(Account, 'a-1', { type: 'Deposit', data: { amount: 1 } }), (error: unknown) => {
      assert.ok(error instanceof ConcurrencyError);
      assert.match(error.message, /after 3 attempts/);
      return true;
    });
    assert.equal(deposits, 3, 'one attempt and two retries');
  });

  it('does not retry when the caller stated the version it expects', async () => {
    const { handler } = setup();
    await handler.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    await assert.rejects(handler.send(Account, 'a-1', { type: 'Deposit', data: { amount: 1 } }, { expectedVersion: 0 }), WrongExpectedVersionError);
  });

  it('refuses bad command data with the type, field and value', async () => {
    const { handler } = setup();
    await assert.rejects(
      handler.handle({ aggregate: 'Account', id: 'a-1', command: { type: 'Deposit', data: { amount: 'lots' } } }),
      /command Deposit v1 is invalid — amount: expected number, received string \(got "lots"\)/,
    );
    await assert.rejects(handler.handle({ aggregate: 'Account', id: 'a-1', command: { type: 'Deposti' } }), /did you mean `Deposit`/);
    await assert.rejects(handler.handle({ aggregate: 'Acount', id: 'a-1', command: { type: 'Deposit' } }), /unknown aggregate `Acount` — did you mean `Account`/);
  });

  it('checks invariants before storing, so a broken invariant stores nothing', async () => {
    const Counted = defineEvent('Counted', z.object({ by: z.number() }));
    const Count = defineCommand('Count', z.object({ by: z.number() }));
    const Counter = defineAggregate({ name: 'Counter', events: [Counted], commands: [Count], initialState: { n: 0 } }).behavior({
      evolve: { Counted: (s, { by }) => ({ n: s.n + by }) },
      decide: { Count: ({ by }) => ({ type: 'Counted', data: { by } }) },
      invariants: [{ name: 'never below zero', holds: (s) => s.n >= 0 }],
    });
    const store = inMemoryEventStore();
    const handler = createCommandHandler({ domain: defineDomain({ name: 't', aggregates: [Counter] }), store });
    await handler.send(Counter, 'c', { type: 'Count', data: { by: 2 } });
    await assert.rejects(handler.send(Counter, 'c', { type: 'Count', data: { by: -3 } }), (error: unknown) => {
      assert.ok(error instanceof InvariantViolation);
      assert.equal(error.invariant, 'never below zero');
      assert.deepEqual(error.state, { n: -1 });
      return true;
    });
    assert.equal(await store.streamVersion('Counter-c'), 1);
  });

  it('refuses events from decide that break their contract, naming the handler', async () => {
    const Said = defineEvent('Said', z.object({ words: z.string().min(1) }));
    const Say = defineCommand('Say', z.object({ words: z.string() }));
    const Parrot = defineAggregate({ name: 'Parrot', events: [Said], commands: [Say], initialState: {} }).behavior({
      evolve: {},
      decide: { Say: ({ words }) => ({ type: 'Said', data: { words } }) },
    });
    const handler = createCommandHandler({ domain: defineDomain({ name: 't', aggregates: [Parrot] }), store: inMemoryEventStore() });
    await assert.rejects(handler.send(Parrot, 'p', { type: 'Say', data: { words: '' } }), /Parrot\.decide\.Say on "Parrot-p", event 1: event Said v1 is invalid — words/);
  });
});

describe('the state cache', () => {
  it('never serves stale state when another handler writes to the same store', async () => {
    const store = inMemoryEventStore();
    const one = createCommandHandler({ domain, store });
    const two = createCommandHandler({ domain, store });
    await one.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    for (let i = 0; i < 5; i++) {
      await one.send(Account, 'a-1', { type: 'Deposit', data: { amount: 10 } });
      await two.send(Account, 'a-1', { type: 'Deposit', data: { amount: 1 } });
    }
    // 55 in the account: a withdrawal of 55 is possible only if `one` sees `two`'s deposits.
    const result = await one.send(Account, 'a-1', { type: 'Withdraw', data: { amount: 55 } });
    assert.equal(result.status, 'accepted');
    assert.equal((await two.load(Account, 'a-1')).state.balance, 0);
  });

  it('forgets a state that an evolve changed in place when the append then fails', async () => {
    const Added = defineEvent('Added', z.object({ n: z.number(), seen: z.number() }));
    const Add = defineCommand('Add', z.object({ n: z.number() }));
    const Bag = defineAggregate({ name: 'Bag', events: [Added], commands: [Add], initialState: () => ({ items: [] as number[] }) }).behavior({
      // Deliberately mutates: a common mistake the cache must survive.
      evolve: { Added: (s, { n }) => (s.items.push(n), s) },
      decide: { Add: ({ n }, state) => ({ type: 'Added', data: { n, seen: state.items.length } }) },
    });
    const inner = inMemoryEventStore();
    let failNext = 0;
    const store: EventStore = {
      ...inner,
      async append(streamId, events, options) {
        if (failNext > 0) {
          failNext -= 1;
          throw new Error('disk full');
        }
        return inner.append(streamId, events, options);
      },
    };
    const handler = createCommandHandler({ domain: defineDomain({ name: 't', aggregates: [Bag] }), store });
    await handler.send(Bag, 'b', { type: 'Add', data: { n: 1 } });
    failNext = 2; // the handler tries an append of unknown outcome twice
    await assert.rejects(handler.send(Bag, 'b', { type: 'Add', data: { n: 2 } }), /disk full/);
    const third = await handler.send(Bag, 'b', { type: 'Add', data: { n: 3 } });
    assert.deepEqual(third.status === 'accepted' && third.events[0]!.data, { n: 3, seen: 1 }, 'decided on the stored history, not on the failed attempt');
  });

  it('keeps a cached state consistent when a command that read newer events is rejected', async () => {
    const Added = defineEvent('Added', z.object({ n: z.number(), seen: z.number() }));
    const Add = defineCommand('Add', z.object({ n: z.number() }));
    const Bag = defineAggregate({ name: 'Bag', events: [Added], commands: [Add], initialState: () => ({ items: [] as number[] }), rejections: { Negative: 'no negatives' } }).behavior({
      // Deliberately mutates, as above.
      evolve: { Added: (s, { n }) => (s.items.push(n), s) },
      decide: { Add: ({ n }, state, { reject }) => (n < 0 ? reject('Negative') : { type: 'Added', data: { n, seen: state.items.length } }) },
    });
    const store = inMemoryEventStore();
    const bags = defineDomain({ name: 't', aggregates: [Bag] });
    const one = createCommandHandler({ domain: bags, store });
    const two = createCommandHandler({ domain: bags, store });
    await one.send(Bag, 'b', { type: 'Add', data: { n: 1 } });
    await two.send(Bag, 'b', { type: 'Add', data: { n: 2 } });
    // `one` replays event 2 onto its cached state, then the command is rejected.
    assert.equal((await one.send(Bag, 'b', { type: 'Add', data: { n: -1 } })).status, 'rejected');
    const next = await one.send(Bag, 'b', { type: 'Add', data: { n: 3 } });
    assert.deepEqual(next.status === 'accepted' && next.events[0]!.data, { n: 3, seen: 2 }, 'event 2 applied once, not twice');
  });
});

describe('loading with snapshots', () => {
  it('snapshot + tail gives the same state as a full replay', async () => {
    const withSnapshots = setup({ snapshots: true });
    const without = setup({ store: withSnapshots.store });
    await withSnapshots.handler.send(Order, 'big', { type: 'PlaceOrder', data: { customer: 'alice' } });
    for (let i = 0; i < 120; i++) {
      await withSnapshots.handler.send(Order, 'big', { type: 'AddItem', data: { sku: `SKU-${i % 7}`, quantity: 1 + (i % 3), price: 1.25 } });
      if (i % 9 === 0) await withSnapshots.handler.send(Order, 'big', { type: 'RemoveItem', data: { sku: `SKU-${i % 7}` } });
    }
    const snapshot = await withSnapshots.snapshots!.load('Order-big');
    assert.ok(snapshot, 'a snapshot was taken');
    assert.equal(snapshot.version % 50, 0);
    const fast = await withSnapshots.handler.load(Order, 'big');
    const full = await without.handler.load(Order, 'big');
    assert.ok(fast.fromSnapshot > 0, 'the load started from the snapshot');
    assert.equal(full.fromSnapshot, 0);
    assert.deepEqual(fast.state, full.state);
    assert.equal(fast.version, full.version);
  });

  describe('a snapshot that cannot be saved after the events are stored', () => {
    const Counted = defineEvent('Counted', z.object({ by: z.number() }));
    const Count = defineCommand('Count', z.object({ by: z.number() }));
    const Counter = defineAggregate({ name: 'Counter', events: [Counted], commands: [Count], initialState: { n: 0 }, snapshot: { every: 1 } }).behavior({
      evolve: { Counted: (s, { by }) => ({ n: s.n + by }) },
      decide: { Count: ({ by }) => ({ type: 'Counted', data: { by } }) },
    });
    const failingSnapshots = () => ({ ...inMemorySnapshotStore(), save: async (): Promise<boolean> => { throw new Error('snapshot store down'); } });
    const count = { type: 'Count' as const, data: { by: 1 } };

    it('leaves the command accepted and tells onSnapshotFailure the stream and version, so no caller retries what is recorded', async () => {
      const store = inMemoryEventStore();
      const told: { message: string; streamId: string; version: number }[] = [];
      const handler = createCommandHandler({
        domain: defineDomain({ name: 't', aggregates: [Counter] }),
        store,
        snapshots: failingSnapshots(),
        onSnapshotFailure: (error, at) => told.push({ message: (error as Error).message, ...at }),
      });
      const first = await handler.send(Counter, 'c', count);
      assert.equal(first.status, 'accepted');
      assert.equal(first.version, 1);
      await handler.send(Counter, 'c', count);
      assert.deepEqual(told, [
        { message: 'snapshot store down', streamId: 'Counter-c', version: 1 },
        { message: 'snapshot store down', streamId: 'Counter-c', version: 2 },
      ]);
      assert.equal((await handler.load(Counter, 'c')).state.n, 2);
    });

    it('warns by default, naming the stream and version', async () => {
      const warnings: Error[] = [];
      const onWarning = (warning: Error) => warnings.push(warning);
      process.on('warning', onWarning);
      try {
        const handler = createCommandHandler({ domain: defineDomain({ name: 't', aggregates: [Counter] }), store: inMemoryEventStore(), snapshots: failingSnapshots() });
        assert.equal((await handler.send(Counter, 'w', count)).status, 'accepted');
        await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      } finally {
        process.off('warning', onWarning);
      }
      const ours = warnings.filter((w) => (w as Error & { code?: string }).code === 'EVENTSPEC_SNAPSHOT_FAILED');
      assert.equal(ours.length, 1);
      assert.match(ours[0]!.message, /the events of stream "Counter-w" up to version 1 are stored, but no snapshot was saved: snapshot store down/);
    });

    it('throws what onSnapshotFailure throws, and a retry of the same command id is answered, not run again', async () => {
      const store = inMemoryEventStore();
      const handler = createCommandHandler({
        domain: defineDomain({ name: 't', aggregates: [Counter] }),
        store,
        snapshots: failingSnapshots(),
        onSnapshotFailure: (error) => {
          throw error;
        },
      });
      await assert.rejects(handler.send(Counter, 'c', count, { commandId: 'cmd-1' }), /snapshot store down/);
      const retry = await handler.send(Counter, 'c', count, { commandId: 'cmd-1' });
      assert.equal(retry.replayed, true);
      assert.equal(await store.streamVersion('Counter-c'), 1);
    });
  });

  it('ignores a snapshot that no longer fits the state schema and replays instead', async () => {
    const { handler, snapshots } = setup({ snapshots: true });
    await handler.send(Order, 'o-1', { type: 'PlaceOrder', data: { customer: 'alice' } });
    await snapshots!.save({ streamId: 'Order-o-1', version: 1, snapshotVersion: 1, state: { status: 'bogus' }, takenAt: '2025-01-01T00:00:00Z' });
    const loaded = await handler.load(Order, 'o-1');
    assert.equal(loaded.fromSnapshot, 0);
    assert.equal(loaded.state.customer, 'alice');
  });

  it('loads the state at a version and as of a time', async () => {
    const { handler, clock } = setup({ snapshots: true });
    clock.set('2025-03-01T09:00:00Z');
    await handler.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    clock.set('2025-03-02T09:00:00Z');
    await handler.send(Account, 'a-1', { type: 'Deposit', data: { amount: 30 } });
    clock.set('2025-03-03T09:00:00Z');
    await handler.send(Account, 'a-1', { type: 'Deposit', data: { amount: 12 } });
    assert.equal((await handler.load(Account, 'a-1', { atVersion: 2 })).state.balance, 30);
    assert.equal((await handler.load(Account, 'a-1', { atVersion: 0 })).state.status, 'unopened');
    assert.equal((await handler.load(Account, 'a-1', { asOf: '2025-03-02T12:00:00Z' })).state.balance, 30);
    assert.equal((await handler.load(Account, 'a-1', { asOf: '2025-03-01T00:00:00Z' })).version, 0);
    await assert.rejects(handler.load(Account, 'a-1', { atVersion: 9 }), /has 3 events, so it has no version 9/);
  });

  it('counts backdated events as of the time they occurred', async () => {
    const { handler, store, clock } = setup();
    clock.set('2025-03-05T09:00:00Z');
    await handler.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    await handler.send(Account, 'a-1', { type: 'Deposit', data: { amount: 30 } });
    // Recorded now, about an earlier moment: a correction booked with its own date.
    await store.append('Account-a-1', [{ id: 'late-1', type: 'MoneyDeposited', schemaVersion: 1, data: { amount: 5 }, metadata: { occurredAt: '2025-03-01T09:00:00.000Z' } }]);
    const early = await handler.load(Account, 'a-1', { asOf: '2025-03-02T00:00:00Z' });
    assert.equal(early.state.balance, 5);
    assert.equal(early.version, 3);
    assert.equal((await handler.load(Account, 'a-1', { asOf: '2025-03-06T00:00:00Z' })).state.balance, 35);
  });
});
