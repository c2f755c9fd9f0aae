import assert from 'node:assert/strict';
import type { EventStore, NewEvent } from '../../src';
import { defineDomain, inMemoryEventStore, z } from '../../src';
import type { AnyProjection, ReadModelStore } from '../../src/projections';
import { defineProjection, inMemoryReadModelStore, projectionRunner } from '../../src/projections';
import { OrderPlaced } from '../../src/domains/ordering/events';
import { accountBalances, accountStatements } from '../../src/domains/banking/accountReadModels';
import { orderSummaries } from '../../src/domains/ordering/orderSummary';
import { Order } from '../../src/domains/ordering/order';

export const exampleProjections: readonly AnyProjection[] = [orderSummaries, accountBalances, accountStatements];
export const ordering = defineDomain({ name: 'ordering', aggregates: [Order], projections: [orderSummaries] });

let counter = 0;
export function event(type: string, data: unknown, occurredAt = '2025-03-01T10:00:00.000Z', schemaVersion = 1): NewEvent {
  counter += 1;
  return { id: `pe-${process.pid}-${counter}`, type, schemaVersion, data, metadata: { occurredAt } };
}

/** Every document of every read model of the projections, and their checkpoints: what "the same result" means. */
export async function dump(store: ReadModelStore, projections: readonly AnyProjection[]) {
  const out: Record<string, unknown> = {};
  for (const projection of projections) {
    for (const model of Object.keys(projection.readModels)) out[model] = await store.find(model);
  }
  return out;
}

export async function checkpoints(store: ReadModelStore, projections: readonly AnyProjection[]) {
  return Promise.all(projections.map((p) => store.checkpoint(p.name)));
}

/** A small mixed history of both example domains (22 events over 6 streams), interleaved. */
export async function appendMixedHistory(events: EventStore): Promise<void> {
  await events.append('Order-o-1', [event('OrderPlaced', { customer: 'alice', total: 0 })]);
  await events.append('Account-a-1', [event('AccountOpened', { owner: 'alice', overdraftLimit: 50 })]);
  await events.append('Order-o-1', [event('ItemAdded', { sku: 'BOOK', quantity: 2, price: 10 }), event('ItemAdded', { sku: 'PEN', quantity: 1, price: 0.1 })]);
  await events.append('Order-o-2', [event('OrderPlaced', { customer: 'bob', total: 0 })]);
  await events.append('Account-a-1', [event('MoneyDeposited', { amount: 100, reference: 'salary' }, '2025-03-02T09:00:00.000Z')]);
  await events.append('Order-o-2', [event('ItemAdded', { sku: 'MUG', quantity: 1, price: 7.5 })]);
  await events.append('Order-o-1', [event('ItemRemoved', { sku: 'PEN' }), event('OrderShipped', { carrier: 'DHL' })]);
  await events.append('Account-a-1', [event('MoneyWithdrawn', { amount: 130.2 }, '2025-03-03T09:00:00.000Z')]);
  await events.append('Order-o-3', [event('OrderPlaced', { customer: 'alice', total: 0 })]);
  await events.append('Order-o-2', [event('OrderCancelled', { reason: 'changed mind' })]);
  await events.append('Account-b-1', [event('AccountOpened', { owner: 'bob', overdraftLimit: 0 })]);
  await events.append('Order-o-3', [event('ItemAdded', { sku: 'LAMP', quantity: 1, price: 0.2 })]);
  await events.append('Account-b-1', [event('MoneyDeposited', { amount: 0.1 }), event('MoneyWithdrawn', { amount: 0.1 })]);
  await events.append('Order-o-3', [event('OrderShipped', { carrier: 'UPS' })]);
  // Written at OrderPlaced v2; the ones above are v1 (`total`) and reach handlers upcast.
  await events.append('Order-o-4', [event('OrderPlaced', { customer: 'carol', amount: 5, currency: 'USD' }, undefined, 2)]);
  await events.append('Order-o-4', [event('ItemAdded', { sku: 'CAP', quantity: 1, price: 2.5 }), event('OrderShipped', { carrier: 'DHL' })]);
  await events.append('Account-a-1', [event('MoneyDeposited', { amount: 40, reference: 'bonus' }, '2025-03-04T09:00:00.000Z')]);
  await events.append('Account-a-1', [event('DepositReversed', { reference: 'bonus', amount: 40 }, '2025-03-05T09:00:00.000Z')]);
}

export async function mixedHistoryStore(): Promise<EventStore> {
  const events = inMemoryEventStore();
  await appendMixedHistory(events);
  return events;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a process death looks like to the code: it stops at that step and writes nothing more. */
export class SimulatedCrash extends Error {}

/** Makes a read-model store whose failpoint calls `tick` at each step of a commit. */
export type StoreMaker = (tick: () => void) => ReadModelStore;

/** The real in-memory store: the failpoint fires before each write and before the checkpoint, inside one commit. */
export const atomicStore: StoreMaker = (tick) => inMemoryReadModelStore({ failpoint: () => tick() });

export interface CrashRun {
  readModels: ReadModelStore;
  steps: number;
  restarts: number;
}

/** Runs the projections to the head, "restarting the process" (a fresh runner) after every crash. */
export async function runWithCrashes(
  events: EventStore,
  projections: readonly AnyProjection[],
  options: { batchSize: number; crashAt: (step: number) => boolean; follow?: boolean; store?: StoreMaker },
): Promise<CrashRun> {
  let steps = 0;
  const tick = () => {
    steps += 1;
    if (options.crashAt(steps)) throw new SimulatedCrash(`crash at step ${steps}`);
  };
  const readModels = (options.store ?? atomicStore)(tick);
  for (let restarts = 0; ; restarts++) {
    assert.ok(restarts < 10_000, 'the runs must end');
    const runner = projectionRunner({ events, readModels, projections, batchSize: options.batchSize, failpoint: tick });
    try {
      if (options.follow) await runner.start();
      await runner.caughtUp();
      await runner.stop();
      return { readModels, steps, restarts };
    } catch (error) {
      await runner.stop();
      if (!(error instanceof SimulatedCrash)) throw error;
    }
  }
}

export const Counter = z.object({ count: z.number().int(), last: z.string().optional() });

/** Counts OrderPlaced per customer; throws on the customer "boom". */
export const placedCounter = defineProjection({
  name: 'PlacedCounter',
  readModels: { Placed: Counter },
  from: [OrderPlaced],
  handlers: {
    OrderPlaced: async ({ data, streamId }, { Placed }) => {
      if (data.customer === 'boom') throw new Error('cannot count boom');
      await Placed.update(data.customer, (c) => ({ count: (c?.count ?? 0) + 1, last: streamId }));
    },
  },
});
