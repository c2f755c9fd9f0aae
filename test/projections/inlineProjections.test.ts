import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandHandler, inMemoryEventStore, sequentialIds } from '../../src';
import { OrderPlaced } from '../../src/domains/ordering/events';
import { Order } from '../../src/domains/ordering/order';
import { defineProjection, inMemoryReadModelStore, inlineProjections, projectionRunner } from '../../src/projections';
import { z } from '../../src';
import { event, ordering } from './support';

describe('inline projections', () => {
  it('read models are up to date as soon as the command returns', async () => {
    const events = inMemoryEventStore();
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events, readModels, domain: ordering });
    const handler = createCommandHandler({ domain: ordering, store: inlineProjections(events, runner), ids: sequentialIds() });
    await handler.send(Order, 'o-1', { type: 'PlaceOrder', data: { customer: 'alice', amount: 0, currency: 'EUR' } });
    assert.deepEqual(await readModels.get('OrderSummary', 'alice'), { customer: 'alice', orders: 1, open: 1, shipped: 0, cancelled: 0, spent: {} });
    await handler.send(Order, 'o-1', { type: 'AddItem', data: { sku: 'BOOK', quantity: 2, price: 12.5 } });
    await handler.send(Order, 'o-1', { type: 'ShipOrder', data: { carrier: 'DHL' } });
    assert.deepEqual(await readModels.get('OrderSummary', 'alice'), { customer: 'alice', orders: 1, open: 0, shipped: 1, cancelled: 0, spent: { EUR: 25 } });
    assert.deepEqual((await runner.status()).map((s) => s.lag), [0]);
  });

  it('concurrent appends through the wrapper are each projected once', async () => {
    const events = inMemoryEventStore();
    const readModels = inMemoryReadModelStore();
    const store = inlineProjections(events, projectionRunner({ events, readModels, domain: ordering, batchSize: 3 }));
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`Order-o-${i}`, [event('OrderPlaced', { customer: 'alice' })])));
    assert.equal(((await readModels.get('OrderSummary', 'alice')) as { orders: number }).orders, 20);
  });

  it('a failing projection does not undo the append, and the error says the events are stored', async () => {
    const events = inMemoryEventStore();
    const picky = defineProjection({
      name: 'Picky',
      readModels: { PickyModel: z.object({}) },
      from: [OrderPlaced],
      handlers: {
        OrderPlaced: ({ data }) => {
          if (data.customer === 'mallory') throw new Error('no mallory');
        },
      },
    });
    const store = inlineProjections(events, projectionRunner({ events, readModels: inMemoryReadModelStore(), projections: [picky] }));
    await store.append('Order-o-1', [event('OrderPlaced', { customer: 'alice' })]);
    await assert.rejects(
      store.append('Order-o-2', [event('OrderPlaced', { customer: 'mallory' })]),
      /the events were stored \(stream "Order-o-2" versions 1–1\), but the read models are behind: projection Picky failed on OrderPlaced at position 2 .*no mallory/,
    );
    assert.equal(await events.streamVersion('Order-o-2'), 1);
    assert.equal(await store.headPosition(), 2, 'reads go straight to the store');
  });
});
