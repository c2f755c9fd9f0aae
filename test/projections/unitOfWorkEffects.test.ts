import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineDomain, inMemoryEventStore, z } from '../../src';
import { ItemAdded, OrderPlaced } from '../../src/domains/ordering/events';
import { Order } from '../../src/domains/ordering/order';
import { defineProjection, inMemoryReadModelStore, projectionRunner, type ReadModelAccess } from '../../src/projections';
import { unitOfWork } from '../../src/projections/unitOfWork';
import { event } from './support';

const Placed = z.object({ customer: z.string() });

describe('what a handler does to read models reaches the store', () => {
  it('a delete removes the document: get and find no longer see it', async () => {
    const projection = defineProjection({
      name: 'OpenOrders',
      readModels: { Open: Placed },
      from: [OrderPlaced, ItemAdded],
      handlers: {
        OrderPlaced: ({ data, streamId }, { Open }) => Open.put(streamId, { customer: data.customer }),
        // Closing by way of an item with sku CLOSE, to delete with a second event type.
        ItemAdded: ({ data, streamId }, { Open }) => {
          if (data.sku === 'CLOSE') Open.delete(streamId);
        },
      },
    });
    const events = inMemoryEventStore();
    await events.append('Order-o-1', [event('OrderPlaced', { customer: 'alice' })]);
    await events.append('Order-o-2', [event('OrderPlaced', { customer: 'bob' })]);
    await events.append('Order-o-1', [event('ItemAdded', { sku: 'CLOSE', quantity: 1, price: 1 })]);
    const readModels = inMemoryReadModelStore();
    await projectionRunner({ events, readModels, projections: [projection] }).caughtUp();
    assert.equal(await readModels.get('Open', 'Order-o-1'), undefined);
    assert.deepEqual((await readModels.find('Open')).map((d) => d.id), ['Order-o-2']);
  });

  it('refuses a write made after the handler returned, saying to await every update', async () => {
    let kept: ReadModelAccess<{ customer: string }> | undefined;
    const projection = defineProjection({
      name: 'Leaky',
      readModels: { Open: Placed },
      from: [OrderPlaced],
      handlers: {
        OrderPlaced: (_event, { Open }) => {
          kept = Open;
        },
      },
    });
    const events = inMemoryEventStore();
    await events.append('Order-o-1', [event('OrderPlaced', { customer: 'alice' })]);
    const readModels = inMemoryReadModelStore();
    await projectionRunner({ events, readModels, projections: [projection] }).caughtUp();
    assert.ok(kept);
    assert.throws(() => kept!.put('late', { customer: 'x' }), {
      message: 'projection Leaky, read model Open "late": written after its handler returned; await every update in the handler',
    });
    assert.deepEqual(await readModels.find('Open'), []);
  });

  it('a runner given a domain runs only its projections, and one given nothing runs none', async () => {
    const projection = defineProjection({
      name: 'Customers',
      readModels: { Seen: Placed },
      from: [OrderPlaced],
      handlers: { OrderPlaced: ({ data }, { Seen }) => Seen.put(data.customer, { customer: data.customer }) },
    });
    const events = inMemoryEventStore();
    await events.append('Order-o-1', [event('OrderPlaced', { customer: 'alice' })]);
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events, readModels, domain: defineDomain({ name: 'd', aggregates: [Order], projections: [projection] }) });
    await runner.caughtUp();
    assert.deepEqual((await runner.status()).map((s) => s.name), ['Customers']);
    assert.deepEqual(await readModels.get('Seen', 'alice'), { customer: 'alice' });
    assert.deepEqual(await projectionRunner({ events, readModels }).status(), []);
  });
});

describe('unitOfWork', () => {
  it('counts its writes, stages undefined as a delete, and keeps nothing upward when it is the outermost', async () => {
    const work = unitOfWork(inMemoryReadModelStore());
    work.write('M', 'a', { n: 1 });
    work.write('M', 'b', undefined);
    assert.equal(work.size, 2);
    assert.deepEqual(work.changes(), [
      { kind: 'put', readModel: 'M', id: 'a', doc: { n: 1 } },
      { kind: 'delete', readModel: 'M', id: 'b' },
    ]);
    work.keep();
    assert.equal(work.size, 2);
  });

  it('an update returning undefined deletes the document', async () => {
    const projection = defineProjection({
      name: 'Closing',
      readModels: { Open: Placed },
      from: [OrderPlaced, ItemAdded],
      handlers: {
        OrderPlaced: ({ data, streamId }, { Open }) => Open.put(streamId, { customer: data.customer }),
        ItemAdded: async ({ streamId }, { Open }) => void (await Open.update(streamId, () => undefined)),
      },
    });
    const events = inMemoryEventStore();
    await events.append('Order-o-1', [event('OrderPlaced', { customer: 'alice' }), event('ItemAdded', { sku: 'X', quantity: 1, price: 1 })]);
    const readModels = inMemoryReadModelStore();
    await projectionRunner({ events, readModels, projections: [projection] }).caughtUp();
    assert.deepEqual(await readModels.find('Open'), []);
  });

  it('refuses an empty document id, naming projection and read model', async () => {
    const projection = defineProjection({
      name: 'Nameless',
      readModels: { Open: Placed },
      from: [OrderPlaced],
      handlers: { OrderPlaced: ({ data }, { Open }) => Open.put('', { customer: data.customer }) },
    });
    const events = inMemoryEventStore();
    await events.append('Order-o-1', [event('OrderPlaced', { customer: 'alice' })]);
    await assert.rejects(
      projectionRunner({ events, readModels: inMemoryReadModelStore(), projections: [projection] }).caughtUp(),
      /projection Nameless, read model Open "": a document id must be a non-empty string/,
    );
  });
});

describe('document ids written by a handler', () => {
  it('refuses an id that is not a string (a number from untyped data), naming projection and read model', async () => {
    const projection = defineProjection({
      name: 'Numbered',
      readModels: { Open: Placed },
      from: [OrderPlaced],
      // A JavaScript handler, or one fed untyped data, can pass a number where the id goes.
      handlers: { OrderPlaced: ({ data }, { Open }) => Open.put(7 as unknown as string, { customer: data.customer }) },
    });
    const events = inMemoryEventStore();
    await events.append('Order-o-1', [event('OrderPlaced', { customer: 'alice' })]);
    const readModels = inMemoryReadModelStore();
    await assert.rejects(
      projectionRunner({ events, readModels, projections: [projection] }).caughtUp(),
      /projection Numbered, read model Open "7": a document id must be a non-empty string/,
    );
    assert.deepEqual(await readModels.find('Open'), []);
  });
});
