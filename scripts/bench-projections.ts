// Projection throughput on the in-memory stores: prints figures, asserts nothing.
// Run: TS_NODE_TRANSPILE_ONLY=true node -r ts-node/register scripts/bench-projections.ts
import { inMemoryEventStore } from '../src';
import type { NewEvent } from '../src';
import { accountBalances, accountStatements } from '../src/domains/banking/accountReadModels';
import { orderSummaries } from '../src/domains/ordering/orderSummary';
import { inMemoryReadModelStore, inlineProjections, projectionRunner } from '../src/projections';

let n = 0;
const ev = (type: string, data: unknown): NewEvent => ({ id: `b-${++n}`, type, schemaVersion: 1, data, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } });

async function history(orders: number) {
  const events = inMemoryEventStore();
  for (let i = 0; i < orders; i++) {
    await events.append(`Order-o${i}`, [
      ev('OrderPlaced', { customer: `c${i % 500}`, total: 0 }),
      ev('ItemAdded', { sku: 'A', quantity: 1, price: 2.5 }),
      ev('ItemAdded', { sku: 'B', quantity: 2, price: 1 }),
      ev('ItemRemoved', { sku: 'A' }),
      ev(i % 3 === 0 ? 'OrderCancelled' : 'OrderShipped', i % 3 === 0 ? {} : { carrier: 'DHL' }),
    ]);
  }
  return events;
}

async function main() {
  const orders = Number(process.argv[2] ?? 20_000);
  const events = await history(orders);
  const total = await events.headPosition();
  console.log(`catch-up of OrderSummaries over ${total} events (${orders} orders, 500 customers):`);
  for (const batchSize of [1, 100, 500, 2000]) {
    const readModels = inMemoryReadModelStore();
    const started = process.hrtime.bigint();
    await projectionRunner({ events, readModels, projections: [orderSummaries], batchSize }).caughtUp();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`  batch ${String(batchSize).padStart(4)}: ${ms.toFixed(0).padStart(6)} ms  ${Math.round(total / (ms / 1000)).toLocaleString('en').padStart(9)} events/s`);
  }

  const appends = 10_000;
  for (const inline of [false, true]) {
    const store = inMemoryEventStore();
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events: store, readModels, projections: [accountBalances, accountStatements] });
    const target = inline ? inlineProjections(store, runner) : store;
    await target.append('Account-a', [ev('AccountOpened', { owner: 'alice', overdraftLimit: 0 })]);
    const started = process.hrtime.bigint();
    for (let i = 0; i < appends; i++) await target.append(`Account-a`, [ev('MoneyDeposited', { amount: 1 })]);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`${appends} single-event appends${inline ? ' with 2 inline projections' : ', no projections'}: ${(ms / appends * 1000).toFixed(1)} µs per append`);
  }
}

void main();
