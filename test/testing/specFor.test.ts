import assert from 'node:assert/strict';
import { AssertionError } from 'node:assert';
import { describe, it } from 'node:test';
import { specFor } from '../../src';
import { Order } from '../../src/domains/ordering';

const placed = { type: 'OrderPlaced', data: { customer: 'alice' } } as const;
const item = { type: 'ItemAdded', data: { sku: 'A', quantity: 1, price: 5 } } as const;

describe('the programmatic harness', () => {
  const order = specFor(Order);

  it('passes when the command records the expected events, state and rejections', async () => {
    await order.given([placed, item]).when({ type: 'ShipOrder', data: { carrier: 'DHL' } }).thenRecords([{ type: 'OrderShipped', data: { carrier: 'DHL' } }]);
    await order.given([placed, item]).when({ type: 'ShipOrder', data: { carrier: 'DHL' } }).thenState({ status: 'shipped', total: 5 });
    await order.given([placed]).when({ type: 'ShipOrder', data: { carrier: 'DHL' } }).thenRejected('EmptyOrder');
    await order.given([placed]).when({ type: 'ShipOrder', data: { carrier: 'DHL' } }).thenNothing();
  });

  it('fails with a diff when the events differ', async () => {
    await assert.rejects(
      order.given([placed, item]).when({ type: 'ShipOrder', data: { carrier: 'UPS' } }).thenRecords([{ type: 'OrderShipped', data: { carrier: 'DHL' } }]),
      (error: unknown) => {
        assert.ok(error instanceof AssertionError);
        assert.match(error.message, /^ShipOrder recorded other events than expected\n/);
        assert.match(error.message, /\n\+\s+carrier: 'UPS'\n-\s+carrier: 'DHL'\n/);
        assert.equal(error.message.match(/carrier: 'UPS'/g)?.length, 1, 'the diff is shown once');
        return true;
      },
    );
  });

  it('fails when a rejection was expected but the command was accepted, or rejected otherwise', async () => {
    await assert.rejects(order.given([placed, item]).when({ type: 'ShipOrder', data: { carrier: 'DHL' } }).thenRejected('EmptyOrder'), /to be rejected with EmptyOrder, but it was accepted/);
    await assert.rejects(order.given([]).when({ type: 'ShipOrder', data: { carrier: 'DHL' } }).thenRejected('EmptyOrder'), /rejected for another reason/);
    await assert.rejects(order.given([placed, item]).when({ type: 'ShipOrder', data: { carrier: 'DHL' } }).thenNothing(), /expected ShipOrder to record nothing/);
    await assert.rejects(order.given([placed, item]).when({ type: 'ShipOrder', data: { carrier: 'DHL' } }).thenState({ status: 'placed' }), /the state after ShipOrder differs/);
  });
});
