import { defineAggregate, z } from '../../index';
import { AddItem, CancelOrder, ConfirmOrder, PlaceOrder, RemoveItem, ShipOrder } from './commands';
import { ItemAdded, ItemRemoved, OrderCancelled, OrderConfirmed, OrderPlaced, OrderShipped } from './events';

const OrderState = z.object({
  status: z.enum(['new', 'placed', 'confirmed', 'shipped', 'cancelled']),
  customer: z.string(),
  currency: z.string(),
  /** What was due when the order was placed, before any item was added. */
  placedAmount: z.number(),
  items: z.record(z.string(), z.object({ quantity: z.number(), price: z.number() })),
  total: z.number(),
  carrier: z.string().optional(),
});
type OrderState = z.infer<typeof OrderState>;

// In cents while summing, so 3 x 0.10 is 0.30.
const totalOf = (placedAmount: number, items: OrderState['items']) =>
  Math.round(Object.values(items).reduce((sum, i) => sum + Math.round(i.quantity * i.price * 100), Math.round(placedAmount * 100))) / 100;

export const Order = defineAggregate({
  name: 'Order',
  description: 'A customer order, from placing it to shipping or cancelling it.',
  events: [OrderPlaced, ItemAdded, ItemRemoved, OrderConfirmed, OrderShipped, OrderCancelled],
  commands: [PlaceOrder, AddItem, RemoveItem, ConfirmOrder, ShipOrder, CancelOrder],
  state: OrderState,
  initialState: { status: 'new', customer: '', currency: 'EUR', placedAmount: 0, items: {}, total: 0 },
  snapshot: { every: 50 },
  rejections: {
    OrderAlreadyPlaced: 'An order id can be placed only once.',
    OrderNotPlaced: 'Nothing can happen to an order before it is placed.',
    OrderAlreadyShipped: 'A shipped order cannot change or ship again.',
    OrderCancelled: 'A cancelled order cannot change or ship.',
    EmptyOrder: 'An order with nothing to charge for cannot ship or be confirmed.',
    OrderAlreadyConfirmed: 'An order is confirmed once; after that its items do not change.',
    ItemNotInOrder: 'Only items in the order can be removed.',
  },
}).behavior({
  evolve: {
    OrderPlaced: (state, { customer, amount, currency }) => ({ ...state, status: 'placed', customer, currency, placedAmount: amount, total: totalOf(amount, state.items) }),
    ItemAdded: (state, { sku, quantity, price }) => {
      const current = state.items[sku]?.quantity ?? 0;
      const items = { ...state.items, [sku]: { quantity: current + quantity, price } };
      return { ...state, items, total: totalOf(state.placedAmount, items) };
    },
    ItemRemoved: (state, { sku }) => {
      const { [sku]: _removed, ...items } = state.items;
      return { ...state, items, total: totalOf(state.placedAmount, items) };
    },
    OrderConfirmed: (state) => ({ ...state, status: 'confirmed' }),
    OrderShipped: (state, { carrier }) => ({ ...state, status: 'shipped', carrier }),
    OrderCancelled: (state) => ({ ...state, status: 'cancelled' }),
  },
  decide: {
    PlaceOrder: (order, state, { reject }) => {
      if (state.status !== 'new') reject('OrderAlreadyPlaced', 'this order has already been placed');
      return { type: 'OrderPlaced', data: order };
    },
    AddItem: (item, state, { reject }) => {
      mustBeOpen(state, reject);
      if (state.status === 'confirmed') reject('OrderAlreadyConfirmed', 'the order was confirmed; its items no longer change');
      return { type: 'ItemAdded', data: item };
    },
    RemoveItem: ({ sku }, state, { reject }) => {
      mustBeOpen(state, reject);
      if (state.status === 'confirmed') reject('OrderAlreadyConfirmed', 'the order was confirmed; its items no longer change');
      if (!state.items[sku]) reject('ItemNotInOrder', `the order has no item ${sku}`);
      return { type: 'ItemRemoved', data: { sku } };
    },
    ConfirmOrder: (_command, state, { reject }) => {
      mustBeOpen(state, reject);
      if (state.status === 'confirmed') reject('OrderAlreadyConfirmed', 'the order was already confirmed');
      if (Object.keys(state.items).length === 0) reject('EmptyOrder', 'add an item before confirming');
      const items = Object.entries(state.items).map(([sku, { quantity }]) => ({ sku, quantity }));
      return { type: 'OrderConfirmed', data: { items, amount: state.total, currency: state.currency as 'EUR' | 'USD' | 'GBP' } };
    },
    ShipOrder: ({ carrier }, state, { reject }) => {
      mustBeOpen(state, reject);
      if (state.total === 0 && Object.keys(state.items).length === 0) reject('EmptyOrder', 'add an item before shipping');
      return { type: 'OrderShipped', data: { carrier } };
    },
    CancelOrder: ({ reason }, state, { reject }) => {
      mustBeOpen(state, reject);
      return { type: 'OrderCancelled', data: { reason: reason ?? 'no reason given' } };
    },
  },
  invariants: [{ name: 'the total is never negative', holds: (state) => state.total >= 0 }],
});

function mustBeOpen(state: OrderState, reject: (name: 'OrderNotPlaced' | 'OrderAlreadyShipped' | 'OrderCancelled', message?: string) => never): void {
  if (state.status === 'new') reject('OrderNotPlaced', 'place the order first');
  if (state.status === 'shipped') reject('OrderAlreadyShipped', 'the order has already shipped');
  if (state.status === 'cancelled') reject('OrderCancelled', 'the order was cancelled');
}
