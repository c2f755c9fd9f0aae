import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryReadModelStore, projectionRunner } from '../../src/projections';
import { exampleProjections, mixedHistoryStore } from './support';

describe('example read models over a mixed history', () => {
  it('summarise orders per customer, and give balances and statements per account', async () => {
    const events = await mixedHistoryStore();
    const readModels = inMemoryReadModelStore();
    await projectionRunner({ events, readModels, projections: exampleProjections, batchSize: 4 }).caughtUp();

    assert.deepEqual(await readModels.get('OrderSummary', 'alice'), { customer: 'alice', orders: 2, open: 0, shipped: 2, cancelled: 0, spent: { EUR: 20.2 } });
    assert.deepEqual(await readModels.get('OrderSummary', 'bob'), { customer: 'bob', orders: 1, open: 0, shipped: 0, cancelled: 1, spent: {} });
    assert.deepEqual(await readModels.get('OrderSummary', 'carol'), { customer: 'carol', orders: 1, open: 0, shipped: 1, cancelled: 0, spent: { USD: 7.5 } });
    assert.deepEqual(await readModels.get('CustomerOrder', 'o-2'), {
      customer: 'bob',
      status: 'cancelled',
      currency: 'EUR',
      placedAmount: 0,
      items: { MUG: { quantity: 1, price: 7.5 } },
      total: 7.5,
    });
    assert.deepEqual((await readModels.find('CustomerOrder', { customer: 'alice' })).map((d) => d.id), ['o-1', 'o-3']);

    assert.deepEqual(await readModels.get('AccountBalance', 'a-1'), { owner: 'alice', status: 'open', balance: -30.2, overdraftLimit: 50 });
    assert.deepEqual(await readModels.get('AccountBalance', 'b-1'), { owner: 'bob', status: 'open', balance: 0, overdraftLimit: 0 });
    assert.deepEqual(await readModels.get('AccountStatement', 'a-1'), { owner: 'alice', balance: -30.2, movements: 4 });
    assert.deepEqual(await readModels.find('StatementLine', { account: 'a-1' }), [
      { id: 'a-1/0000000002', doc: { account: 'a-1', version: 2, date: '2025-03-02', kind: 'deposit', amount: 100, reference: 'salary', balanceAfter: 100 } },
      { id: 'a-1/0000000003', doc: { account: 'a-1', version: 3, date: '2025-03-03', kind: 'withdrawal', amount: 130.2, balanceAfter: -30.2 } },
      { id: 'a-1/0000000004', doc: { account: 'a-1', version: 4, date: '2025-03-04', kind: 'deposit', amount: 40, reference: 'bonus', balanceAfter: 9.8 } },
      { id: 'a-1/0000000005', doc: { account: 'a-1', version: 5, date: '2025-03-05', kind: 'reversal', amount: 40, reference: 'bonus', balanceAfter: -30.2 } },
    ]);
    assert.deepEqual((await readModels.find('StatementLine', { account: 'b-1' })).map((d) => d.doc), [
      { account: 'b-1', version: 2, date: '2025-03-01', kind: 'deposit', amount: 0.1, balanceAfter: 0.1 },
      { account: 'b-1', version: 3, date: '2025-03-01', kind: 'withdrawal', amount: 0.1, balanceAfter: 0 },
    ]);
  });

  it('refuse a movement on an account that was never opened, naming it', async () => {
    const events = await mixedHistoryStore();
    await events.append('Account-ghost', [
      { id: 'ghost-1', type: 'MoneyDeposited', schemaVersion: 1, data: { amount: 5 }, metadata: { occurredAt: '2025-03-01T00:00:00Z' } },
    ]);
    const runner = projectionRunner({ events, readModels: inMemoryReadModelStore(), projections: exampleProjections });
    await assert.rejects(runner.caughtUp(), /projection AccountBalances failed on MoneyDeposited at position 23 \(stream "Account-ghost" version 1\): account ghost has money movements but was never opened/);
  });
});
