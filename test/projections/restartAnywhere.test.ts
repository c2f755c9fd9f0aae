import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { EventStore, NewEvent } from '../../src';
import { inMemoryEventStore } from '../../src';
import { inMemoryReadModelStore } from '../../src/projections';
import { checkpoints, dump, event, exampleProjections, mixedHistoryStore, runWithCrashes } from './support';
import type { CrashRun, StoreMaker } from './support';

/**
 * A deliberately wrong store that commits the documents and the checkpoint separately.
 * The restart checks below must catch it, or they prove nothing.
 */
const nonAtomicStore: StoreMaker = (tick) => {
  const inner = inMemoryReadModelStore();
  return {
    ...inner,
    async commit(commit) {
      await inner.commit({ ...commit, checkpoint: commit.expectedCheckpoint });
      tick();
      await inner.commit({ ...commit, changes: [] });
    },
  };
};

async function expectSameAsUninterrupted(events: EventStore, run: CrashRun, what: string) {
  const baseline = await runWithCrashes(events, exampleProjections, { batchSize: 1000, crashAt: () => false });
  assert.deepEqual(await dump(run.readModels, exampleProjections), await dump(baseline.readModels, exampleProjections), what);
  const head = await events.headPosition();
  assert.deepEqual(await checkpoints(run.readModels, exampleProjections), exampleProjections.map(() => head), what);
}

describe('a crash at any step, then a restart, gives the same read models as an uninterrupted run', () => {
  for (const batchSize of [1, 4, 17]) {
    it(`every single step of every batch (batch size ${batchSize})`, async () => {
      const events = await mixedHistoryStore();
      const { steps } = await runWithCrashes(events, exampleProjections, { batchSize, crashAt: () => false });
      // read + handled per event + one write per change + checkpoint + committed, per batch and projection
      assert.ok(steps > 3 * 17, `${steps} steps`);
      for (let k = 1; k <= steps; k++) {
        const run = await runWithCrashes(events, exampleProjections, { batchSize, crashAt: (s) => s === k });
        assert.equal(run.restarts, 1, `crash at step ${k} of ${steps} happened`);
        await expectSameAsUninterrupted(events, run, `crash at step ${k} of ${steps}`);
      }
    });
  }

  it('the check has teeth: a store that commits documents and checkpoint separately is caught', async () => {
    const events = await mixedHistoryStore();
    const { steps } = await runWithCrashes(events, exampleProjections, { batchSize: 4, crashAt: () => false, store: nonAtomicStore });
    const baseline = await dump((await runWithCrashes(events, exampleProjections, { batchSize: 4, crashAt: () => false })).readModels, exampleProjections);
    const wrong: number[] = [];
    for (let k = 1; k <= steps; k++) {
      try {
        const run = await runWithCrashes(events, exampleProjections, { batchSize: 4, crashAt: (s) => s === k, store: nonAtomicStore });
        if (!isDeepEqual(await dump(run.readModels, exampleProjections), baseline)) wrong.push(k);
      } catch {
        wrong.push(k); // double-applied so badly that a read model broke its own schema
      }
    }
    assert.ok(wrong.length > 0, 'crashing between the documents and the checkpoint must double-apply somewhere');
  });

  it('property: random histories, batch sizes and several crashes, driven or following live', async () => {
    await fc.assert(
      fc.asyncProperty(history(), fc.integer({ min: 1, max: 6 }), fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 6 }), fc.boolean(), async (batches, batchSize, crashes, follow) => {
        const events = inMemoryEventStore();
        for (const { streamId, events: batch } of batches) await events.append(streamId, batch);
        const crashSet = new Set(crashes);
        const run = await runWithCrashes(events, exampleProjections, { batchSize, crashAt: (s) => crashSet.has(s), follow });
        await expectSameAsUninterrupted(events, run, `batch size ${batchSize}, crashes at ${crashes.join(', ')}`);
      }),
      { numRuns: 150 },
    );
  });
});

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

type Batch = { streamId: string; events: NewEvent[] };
const cents = (max: number) => fc.integer({ min: 1, max }).map((c) => c / 100);

/** Valid histories of orders and accounts, as append batches, interleaved across streams. */
function history(): fc.Arbitrary<Batch[]> {
  const order = fc.record({
    customer: fc.constantFrom('alice', 'bob', 'carol'),
    placed: fc.option(fc.record({ amount: cents(3000), currency: fc.constantFrom('EUR', 'USD') }), { nil: undefined }),
    items: fc.array(fc.record({ sku: fc.constantFrom('A', 'B', 'C'), quantity: fc.integer({ min: 1, max: 3 }), price: cents(5000) }), { maxLength: 4 }),
    removeOne: fc.boolean(),
    end: fc.constantFrom('ship', 'cancel', 'open'),
  });
  const account = fc.record({
    owner: fc.constantFrom('alice', 'bob'),
    moves: fc.array(fc.record({ deposit: fc.boolean(), amount: cents(20000), together: fc.boolean(), reverse: fc.boolean() }), { maxLength: 5 }),
    close: fc.boolean(),
  });
  return fc
    .record({ orders: fc.array(order, { maxLength: 4 }), accounts: fc.array(account, { maxLength: 3 }), schedule: fc.array(fc.nat(), { maxLength: 60 }) })
    .map(({ orders, accounts, schedule }) => {
      const streams: Batch[][] = [];
      orders.forEach((o, i) => {
        const streamId = `Order-o${i}`;
        // Some orders stored at OrderPlaced v1 (bare total), others at v2 (amount + currency).
        const placed = o.placed
          ? event('OrderPlaced', { customer: o.customer, ...o.placed }, undefined, 2)
          : event('OrderPlaced', { customer: o.customer, total: 0 });
        const batches: NewEvent[][] = [[placed]];
        for (const item of o.items) batches.push([event('ItemAdded', item)]);
        if (o.removeOne && o.items.length > 0) batches.push([event('ItemRemoved', { sku: o.items[0]!.sku })]);
        if (o.end === 'ship') batches.push([event('OrderShipped', { carrier: 'DHL' })]);
        if (o.end === 'cancel') batches.push([event('OrderCancelled', {})]);
        streams.push(batches.map((events) => ({ streamId, events })));
      });
      accounts.forEach((a, i) => {
        const streamId = `Account-a${i}`;
        const batches: NewEvent[][] = [[event('AccountOpened', { owner: a.owner, overdraftLimit: 0 })]];
        a.moves.forEach((move, m) => {
          const reference = `ref-${m}`;
          const e = event(move.deposit ? 'MoneyDeposited' : 'MoneyWithdrawn', { amount: move.amount, reference });
          if (move.together && batches.length > 1) batches[batches.length - 1]!.push(e);
          else batches.push([e]);
          if (move.deposit && move.reverse) batches.push([event('DepositReversed', { reference, amount: move.amount })]);
        });
        if (a.close) batches.push([event('AccountClosed', {})]);
        streams.push(batches.map((events) => ({ streamId, events })));
      });
      const out: Batch[] = [];
      let turn = 0;
      while (streams.some((s) => s.length > 0)) {
        const open = streams.filter((s) => s.length > 0);
        out.push(open[(schedule[turn++] ?? 0) % open.length]!.shift()!);
      }
      return out;
    });
}
