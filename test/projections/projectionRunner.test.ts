import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandHandler, defineDomain, defineEvent, eventually, inMemoryEventStore, sequentialIds, upcaster, z } from '../../src';
import { Order } from '../../src/domains/ordering/order';
import { ItemAdded, OrderPlaced } from '../../src/domains/ordering/events';
import { orderSummaries } from '../../src/domains/ordering/orderSummary';
import {
  CheckpointConflict,
  ProjectionFailed,
  defineProjection,
  inMemoryReadModelStore,
  isProjection,
  projectionRunner,
} from '../../src/projections';
import { checkpoints, Counter, dump, event, exampleProjections, mixedHistoryStore, ordering, placedCounter, sleep } from './support';

describe('defineProjection', () => {
  it('is a domain part of kind projection that a domain can register', () => {
    const domain = defineDomain({ name: 'd', aggregates: [Order], projections: [orderSummaries] });
    assert.equal(orderSummaries.kind, 'projection');
    assert.deepEqual(domain.projections.filter(isProjection).map((p) => p.name), ['OrderSummaries']);
    assert.equal(isProjection({ kind: 'projection', name: 'bare' }), false);
  });

  it('refuses a declaration that cannot work, saying why', () => {
    const base = { name: 'P', readModels: { M: Counter }, from: [OrderPlaced] };
    const handlers = { OrderPlaced: () => undefined };
    assert.throws(() => defineProjection({ ...base, name: 'no spaces', handlers }), /projection no spaces: the name must start with an ASCII letter/);
    assert.throws(() => defineProjection({ ...base, readModels: {}, handlers }), /at least one read model/);
    assert.throws(() => defineProjection({ ...base, readModels: { 'a.b': Counter }, handlers }), /read model name "a.b"/);
    assert.throws(() => defineProjection({ ...base, from: [OrderPlaced, OrderPlaced], handlers }), /OrderPlaced is listed twice/);
    assert.throws(() => defineProjection({ ...base, handlers: {} as typeof handlers }), /OrderPlaced is in from but has no handler/);
    assert.throws(
      () => defineProjection({ ...base, handlers: { ...handlers, ItemAdded: () => undefined } as typeof handlers }),
      /handler ItemAdded is not for an event in from; add the ItemAdded contract to from/,
    );
  });
});

describe('projection runner', () => {
  it('applies only the events a projection listens to, and moves its checkpoint past all of them', async () => {
    const events = await mixedHistoryStore();
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events, readModels, projections: [placedCounter], batchSize: 5 });
    await runner.caughtUp();
    assert.deepEqual(await dump(readModels, [placedCounter]), {
      Placed: [
        { id: 'alice', doc: { count: 2, last: 'Order-o-3' } },
        { id: 'bob', doc: { count: 1, last: 'Order-o-2' } },
        { id: 'carol', doc: { count: 1, last: 'Order-o-4' } },
      ],
    });
    assert.equal(await readModels.checkpoint('PlacedCounter'), 22);
  });

  it('gives handlers the event upcast to its current version, by the domain’s contract', async () => {
    const PriceSetV2 = defineEvent('ItemAdded', z.object({ sku: z.string(), quantity: z.number(), price: z.object({ amount: z.number(), currency: z.string() }) }), {
      upcasters: [upcaster(1, ItemAdded.schema, (d) => ({ ...d, price: { amount: d.price, currency: 'EUR' } }))],
    });
    const seen: unknown[] = [];
    const projection = defineProjection({
      name: 'Prices',
      readModels: { Price: z.object({ amount: z.number(), currency: z.string() }) },
      from: [PriceSetV2],
      handlers: {
        ItemAdded: ({ data, schemaVersion }, { Price }) => {
          seen.push(schemaVersion);
          Price.put(data.sku, data.price);
        },
      },
    });
    const events = inMemoryEventStore();
    await events.append('Order-o-1', [event('ItemAdded', { sku: 'OLD', quantity: 1, price: 3 }, undefined, 1)]);
    await events.append('Order-o-1', [event('ItemAdded', { sku: 'NEW', quantity: 1, price: { amount: 4, currency: 'USD' } }, undefined, 2)]);
    const readModels = inMemoryReadModelStore();
    await projectionRunner({ events, readModels, projections: [projection] }).caughtUp();
    assert.deepEqual(await readModels.get('Price', 'OLD'), { amount: 3, currency: 'EUR' });
    assert.deepEqual(await readModels.get('Price', 'NEW'), { amount: 4, currency: 'USD' });
    assert.deepEqual(seen, [1, 2], 'the envelope still says how the event was stored');

    // A domain with the v1 contract: the runner refuses the drift instead of misreading data.
    assert.throws(
      () => projectionRunner({ events, readModels, projections: [projection], domain: ordering }),
      /projection Prices handles ItemAdded v2, but domain ordering has ItemAdded v1; update the projection/,
    );
  });

  it('refuses projections whose names or read models clash', () => {
    const events = inMemoryEventStore();
    const readModels = inMemoryReadModelStore();
    assert.throws(() => projectionRunner({ events, readModels, projections: [placedCounter, placedCounter] }), /registered twice/);
    const clash = defineProjection({ ...placedCounter, name: 'Other', handlers: placedCounter.handlers });
    assert.throws(() => projectionRunner({ events, readModels, projections: [placedCounter, clash] }), /read model Placed belongs to both PlacedCounter and Other/);
    assert.throws(() => projectionRunner({ events, readModels, projections: [], batchSize: 0 }), /batchSize/);
  });

  it('takes the projections of a domain when none are listed', async () => {
    const runner = projectionRunner({ events: inMemoryEventStore(), readModels: inMemoryReadModelStore(), domain: ordering });
    assert.deepEqual(runner.projections.map((p) => p.name), ['OrderSummaries']);
  });

  describe('a failing handler', () => {
    async function failingSetup() {
      const events = inMemoryEventStore();
      await events.append('Order-o-1', [event('OrderPlaced', { customer: 'alice' })]); // 1
      await events.append('Order-o-2', [event('OrderPlaced', { customer: 'carol' })]); // 2
      await events.append('Order-o-3', [event('OrderPlaced', { customer: 'boom' })]); // 3
      await events.append('Order-o-4', [event('OrderPlaced', { customer: 'dave' })]); // 4
      return events;
    }

    it('stops that projection with an error naming it, the event type and position; the checkpoint stays before it', async () => {
      const events = await failingSetup();
      const readModels = inMemoryReadModelStore();
      const runner = projectionRunner({ events, readModels, projections: [placedCounter, orderSummaries], batchSize: 10 });
      const error = await runner.caughtUp().then(
        () => assert.fail('expected the projection to fail'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof ProjectionFailed, String(error));
      assert.equal(error.projection, 'PlacedCounter');
      assert.equal(error.eventType, 'OrderPlaced');
      assert.equal(error.position, 3);
      assert.match(error.message, /projection PlacedCounter failed on OrderPlaced at position 3 \(stream "Order-o-3" version 1\): cannot count boom/);
      assert.equal(await readModels.checkpoint('PlacedCounter'), 2, 'the events before it in the batch are kept');
      assert.deepEqual((await readModels.find('Placed')).map((d) => d.id), ['alice', 'carol']);

      const [counter] = await runner.status();
      assert.equal(counter!.state, 'failed');
      assert.equal(counter!.lag, 2);
      assert.equal(counter!.error, error);
      await assert.rejects(runner.caughtUp(), ProjectionFailed, 'it stays stopped');
      assert.equal(await readModels.checkpoint('PlacedCounter'), 2);
    });

    it('when the first event of a batch fails, nothing is committed', async () => {
      const events = await failingSetup();
      const readModels = inMemoryReadModelStore();
      await projectionRunner({ events, readModels, projections: [placedCounter], batchSize: 2 }).caughtUp().catch(() => undefined);
      assert.equal(await readModels.checkpoint('PlacedCounter'), 2);
      // Counted, not just read back: an empty commit would leave the checkpoint at 2 as well.
      let commits = 0;
      const watched = { ...readModels, commit: (commit: Parameters<typeof readModels.commit>[0]) => (commits++, readModels.commit(commit)) };
      const again = projectionRunner({ events, readModels: watched, projections: [placedCounter], batchSize: 2 });
      await assert.rejects(again.caughtUp(), /position 3/);
      assert.equal(commits, 0);
      assert.equal(await readModels.checkpoint('PlacedCounter'), 2);
    });

    it('a fixed projection, restarted, goes on from the failed event', async () => {
      const events = await failingSetup();
      const readModels = inMemoryReadModelStore();
      await projectionRunner({ events, readModels, projections: [placedCounter] }).caughtUp().catch(() => undefined);
      const fixed = defineProjection({
        ...placedCounter,
        handlers: { OrderPlaced: async ({ data }, { Placed }) => void (await Placed.update(data.customer, (c) => ({ count: (c?.count ?? 0) + 1 }))) },
      });
      await projectionRunner({ events, readModels, projections: [fixed] }).caughtUp();
      assert.deepEqual((await readModels.find('Placed')).map((d) => [d.id, (d.doc as { count: number }).count]), [
        ['alice', 1],
        ['boom', 1],
        ['carol', 1],
        ['dave', 1],
      ]);
    });

    it('a document that breaks its schema fails the event, naming read model, id and field', async () => {
      const bad = defineProjection({
        name: 'Bad',
        readModels: { BadModel: Counter },
        from: [OrderPlaced],
        handlers: { OrderPlaced: ({ data }, { BadModel }) => BadModel.put(data.customer, { count: 'many' as unknown as number }) },
      });
      const events = await failingSetup();
      await assert.rejects(
        projectionRunner({ events, readModels: inMemoryReadModelStore(), projections: [bad] }).caughtUp(),
        /projection Bad failed on OrderPlaced at position 1 .*read model BadModel "alice" does not match its schema — count: expected number, received string/,
      );
    });

    it('an update the handler forgot to await is still applied, and still fails the event if it breaks', async () => {
      const careless = defineProjection({
        name: 'Careless',
        readModels: { CarelessModel: Counter },
        from: [OrderPlaced],
        handlers: {
          OrderPlaced: ({ data }, { CarelessModel }) => {
            void CarelessModel.update(data.customer, (c) => ({ count: data.customer === 'boom' ? -0.5 : (c?.count ?? 0) + 1 }));
          },
        },
      });
      const events = await failingSetup();
      const readModels = inMemoryReadModelStore();
      await assert.rejects(projectionRunner({ events, readModels, projections: [careless] }).caughtUp(), /position 3 .*CarelessModel "boom"/);
      assert.deepEqual((await readModels.find('CarelessModel')).map((d) => d.id), ['alice', 'carol']);
    });

    it('stops only the failing projection when following', async () => {
      const events = await failingSetup();
      const readModels = inMemoryReadModelStore();
      const runner = projectionRunner({ events, readModels, projections: [placedCounter, orderSummaries] });
      await runner.start();
      await assert.rejects(runner.caughtUp(), /PlacedCounter failed/);
      await events.append('Order-o-5', [event('OrderPlaced', { customer: 'erin' })]);
      await eventually(async () => assert.equal(await readModels.checkpoint('OrderSummaries'), 5), { timeoutMs: 30_000, intervalMs: 2 });
      const status = await runner.status();
      assert.deepEqual(
        status.map((s) => [s.name, s.state, s.checkpoint, s.lag]),
        [
          ['PlacedCounter', 'failed', 2, 3],
          ['OrderSummaries', 'following', 5, 0],
        ],
      );
      await runner.stop();
    });
  });

  describe('lag', () => {
    it('is the head position minus the checkpoint, per projection', async () => {
      const events = await mixedHistoryStore();
      const readModels = inMemoryReadModelStore();
      let commits = 0;
      const runner = projectionRunner({
        events,
        readModels,
        projections: exampleProjections,
        batchSize: 5,
        failpoint: (s) => {
          if (s.step === 'committed' && s.projection === 'AccountBalances' && ++commits === 2) throw new Error('stop here');
        },
      });
      assert.deepEqual((await runner.status()).map((s) => [s.name, s.checkpoint, s.head, s.lag]), [
        ['OrderSummaries', 0, 22, 22],
        ['AccountBalances', 0, 22, 22],
        ['AccountStatements', 0, 22, 22],
      ]);
      await assert.rejects(runner.caughtUp(), /stop here/);
      assert.deepEqual((await runner.status()).map((s) => [s.name, s.checkpoint, s.lag]), [
        ['OrderSummaries', 22, 0],
        ['AccountBalances', 10, 12],
        ['AccountStatements', 0, 22],
      ]);
      await events.append('Order-o-9', [event('OrderPlaced', { customer: 'zed' })]);
      assert.deepEqual((await runner.status()).map((s) => s.lag), [1, 13, 23]);
    });
  });

  describe('rebuild', () => {
    it('clears the read models and checkpoint, replays from position 0 and ends equal to the live result', async () => {
      const events = await mixedHistoryStore();
      const readModels = inMemoryReadModelStore();
      const runner = projectionRunner({ events, readModels, projections: exampleProjections, batchSize: 3 });
      await runner.start();
      await runner.caughtUp();
      const live = await dump(readModels, exampleProjections);
      // Damage one read model behind the runner's back: a rebuild must repair it.
      await readModels.commit({
        projection: 'AccountBalances',
        expectedCheckpoint: 22,
        checkpoint: 22,
        changes: [{ kind: 'put', readModel: 'AccountBalance', id: 'a-1', doc: { owner: 'mallory', status: 'open', balance: 1e6, overdraftLimit: 0 } }],
      });
      await runner.rebuild('AccountBalances');
      assert.deepEqual(await dump(readModels, exampleProjections), live);
      await runner.rebuild();
      assert.deepEqual(await dump(readModels, exampleProjections), live);
      assert.deepEqual(await checkpoints(readModels, exampleProjections), [22, 22, 22]);
      // Still following after the rebuild.
      await events.append('Order-o-9', [event('OrderPlaced', { customer: 'zed' })]);
      await runner.caughtUp();
      assert.deepEqual(await readModels.get('OrderSummary', 'zed'), { customer: 'zed', orders: 1, open: 1, shipped: 0, cancelled: 0, spent: {} });
      await runner.stop();
      await assert.rejects(runner.rebuild('Nope'), /no projection named Nope; the runner has OrderSummaries, AccountBalances, AccountStatements/);
    });

    it('gets a failed projection going again once its cause is gone', async () => {
      const events = inMemoryEventStore();
      await events.append('Order-o-1', [event('OrderPlaced', { customer: 'boom' })]);
      const readModels = inMemoryReadModelStore();
      let broken = true;
      const flaky = defineProjection({
        ...placedCounter,
        handlers: {
          OrderPlaced: ({ data }, { Placed }) => {
            if (broken) throw new Error('flaky');
            Placed.put(data.customer, { count: 1 });
          },
        },
      });
      const runner = projectionRunner({ events, readModels, projections: [flaky] });
      await assert.rejects(runner.caughtUp(), /flaky/);
      broken = false;
      await runner.rebuild();
      assert.deepEqual(await readModels.get('Placed', 'boom'), { count: 1 });
      assert.equal((await runner.status())[0]!.state, 'idle');
    });
  });

  describe('following live appends', () => {
    it('applies new events without being asked, and stops following on stop', async () => {
      const events = inMemoryEventStore();
      const readModels = inMemoryReadModelStore();
      const runner = projectionRunner({ events, readModels, projections: [placedCounter] });
      await runner.start();
      await events.append('Order-o-1', [event('OrderPlaced', { customer: 'alice' })]);
      await eventually(async () => assert.notEqual(await readModels.get('Placed', 'alice'), undefined), { timeoutMs: 30_000, intervalMs: 1 });
      assert.deepEqual(await readModels.get('Placed', 'alice'), { count: 1, last: 'Order-o-1' });
      await runner.stop();
      await events.append('Order-o-2', [event('OrderPlaced', { customer: 'alice' })]);
      // Not a sleep: a second runner applies the new event, so it was there to apply, and stop() had
      // already ended the first runner's loop.
      const witnessModels = inMemoryReadModelStore();
      const witness = projectionRunner({ events, readModels: witnessModels, projections: [placedCounter] });
      await witness.start();
      await witness.caughtUp();
      await witness.stop();
      assert.deepEqual(await witnessModels.get('Placed', 'alice'), { count: 2, last: 'Order-o-2' });
      assert.deepEqual(await readModels.get('Placed', 'alice'), { count: 1, last: 'Order-o-1' });
      assert.equal((await runner.status())[0]!.lag, 1);
    });

    it('caughtUp waits for the live loops to reach the head as of the call', async () => {
      const events = inMemoryEventStore();
      const readModels = inMemoryReadModelStore();
      const slow = defineProjection({
        ...placedCounter,
        handlers: {
          OrderPlaced: async ({ data }, { Placed }) => {
            await sleep(2);
            await Placed.update(data.customer, (c) => ({ count: (c?.count ?? 0) + 1 }));
          },
        },
      });
      const runner = projectionRunner({ events, readModels, projections: [slow], batchSize: 2 });
      await runner.start();
      for (let i = 0; i < 10; i++) await events.append(`Order-o-${i}`, [event('OrderPlaced', { customer: 'alice' })]);
      await runner.caughtUp();
      assert.deepEqual(await readModels.get('Placed', 'alice'), { count: 10 });
      await runner.stop();
    });

    it('concurrent writers: each stream is projected in its own order, nothing lost or doubled', async () => {
      const events = inMemoryEventStore();
      const readModels = inMemoryReadModelStore();
      const StreamLog = z.object({ versions: z.array(z.number()), lastPosition: z.number() });
      const order = defineProjection({
        name: 'StreamOrder',
        readModels: { StreamLog },
        from: [OrderPlaced, ItemAdded],
        handlers: {
          OrderPlaced: async (e, { StreamLog }) => void (await StreamLog.update(e.streamId, (log) => append(log, e))),
          ItemAdded: async (e, { StreamLog }) => void (await StreamLog.update(e.streamId, (log) => append(log, e))),
        },
      });
      function append(log: z.infer<typeof StreamLog> | undefined, e: { version: number; position: number }) {
        const versions = log?.versions ?? [];
        if (e.version !== versions.length + 1) throw new Error(`version ${e.version} after ${versions.join(',')}`);
        return { versions: [...versions, e.version], lastPosition: e.position };
      }
      const runner = projectionRunner({ events, readModels, projections: [order, orderSummaries], domain: ordering, batchSize: 7 });
      await runner.start();
      const handler = createCommandHandler({ domain: ordering, store: events, ids: sequentialIds('c0000000-0000-4000-8000-') });
      const writers = Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 5; i++) {
          const id = `w${w}-o${i}`;
          await handler.send(Order, id, { type: 'PlaceOrder', data: { customer: `customer-${w % 3}` } });
          for (let k = 0; k < 4; k++) await handler.send(Order, id, { type: 'AddItem', data: { sku: `S${k}`, quantity: 1, price: 1.25 } });
          if (i % 2 === 0) await handler.send(Order, id, { type: 'ShipOrder', data: { carrier: 'DHL' } });
          await sleep(0);
        }
      });
      await Promise.all(writers);
      await runner.caughtUp();
      await runner.stop();
      const logs = await readModels.find('StreamLog');
      assert.equal(logs.length, 40);
      for (const { id, doc } of logs) assert.deepEqual((doc as { versions: number[] }).versions, [1, 2, 3, 4, 5], id);
      // Per customer: writers w with w % 3 = c, 5 orders each, 3 of them shipped at 5.00.
      const writersOf = (c: number) => [0, 1, 2, 3, 4, 5, 6, 7].filter((w) => w % 3 === c).length;
      for (const c of [0, 1, 2]) {
        const n = writersOf(c);
        assert.deepEqual(await readModels.get('OrderSummary', `customer-${c}`), {
          customer: `customer-${c}`,
          orders: 5 * n,
          open: 2 * n,
          shipped: 3 * n,
          cancelled: 0,
          spent: { EUR: 15 * n },
        });
      }
      assert.deepEqual((await runner.status()).map((s) => s.lag), [0, 0]);
    });
  });

  it('two runners on the same projection never apply an event twice: the later commit is refused', async () => {
    const events = await mixedHistoryStore();
    const readModels = inMemoryReadModelStore();
    const expected = inMemoryReadModelStore();
    await projectionRunner({ events, readModels: expected, projections: exampleProjections }).caughtUp();
    const a = projectionRunner({ events, readModels, projections: exampleProjections, batchSize: 3 });
    const b = projectionRunner({ events, readModels, projections: exampleProjections, batchSize: 3 });
    const results = await Promise.allSettled([a.caughtUp(), b.caughtUp()]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const r of refused) assert.ok(r.reason instanceof CheckpointConflict, String(r.reason));
    assert.ok(refused.length >= 1, 'interleaved runners must collide at least once');
    // Whoever lost, a fresh runner finishes the work; the result is as if one runner did it all.
    await projectionRunner({ events, readModels, projections: exampleProjections }).caughtUp();
    assert.deepEqual(await dump(readModels, exampleProjections), await dump(expected, exampleProjections));
  });
});

describe('projection runner: reads it does not need', () => {
  it('caughtUp reads each batch once, and nothing more when the projection is already at the head', async () => {
    const events = inMemoryEventStore();
    await events.append('Order-o-1', [event('OrderPlaced', { customer: 'alice' })]);
    await events.append('Order-o-2', [event('OrderPlaced', { customer: 'bob' })]);
    let reads = 0;
    const counted = { ...events, readAll: (options: Parameters<typeof events.readAll>[0]) => (reads++, events.readAll(options)) };
    const runner = projectionRunner({ events: counted, readModels: inMemoryReadModelStore(), projections: [placedCounter] });
    await runner.caughtUp();
    assert.equal(reads, 1, 'one batch holds both events; reaching the head ends the drive without another read');
    await runner.caughtUp();
    assert.equal(reads, 1, 'at the head already: nothing to read');
  });

  it('a read that finds nothing new is not reported as a read step', async () => {
    const steps: string[] = [];
    const runner = projectionRunner({
      events: inMemoryEventStore(),
      readModels: inMemoryReadModelStore(),
      projections: [placedCounter],
      failpoint: (step) => void steps.push(step.step),
    });
    await runner.start(); // the loop's first read, of an empty log, is queued before caughtUp's look
    await runner.caughtUp();
    await runner.stop();
    assert.deepEqual(steps, []);
  });

  it('reports each step with what it read, handled and committed, batch by batch', async () => {
    const events = inMemoryEventStore();
    for (const customer of ['alice', 'bob', 'carol']) await events.append(`Order-${customer}`, [event('OrderPlaced', { customer })]);
    const steps: unknown[] = [];
    const runner = projectionRunner({ events, readModels: inMemoryReadModelStore(), projections: [placedCounter], batchSize: 2, failpoint: (step) => void steps.push(step) });
    await runner.caughtUp();
    const projection = 'PlacedCounter';
    assert.deepEqual(steps, [
      { step: 'read', projection, after: 0, count: 2 },
      { step: 'handled', projection, position: 1 },
      { step: 'handled', projection, position: 2 },
      { step: 'committed', projection, checkpoint: 2 },
      { step: 'read', projection, after: 2, count: 1 },
      { step: 'handled', projection, position: 3 },
      { step: 'committed', projection, checkpoint: 3 },
    ]);
  });
});
