import { defineProjection, z } from '../../index';
import { ItemAdded, ItemRemoved, OrderCancelled, OrderPlaced, OrderShipped } from './events';

// Money is added in cents, so 0.1 + 0.2 is 0.3 in a total.
const add = (a: number, b: number) => Math.round(a * 100 + b * 100) / 100;
const count = z.number().int().nonnegative();

export const OrderSummary = z.object({
  customer: z.string(),
  orders: count,
  open: count,
  shipped: count,
  cancelled: count,
  /** What the customer's shipped orders were worth, per currency: `spent.EUR`. */
  spent: z.record(z.string(), z.number()),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

/** One order as the summary needs it: whose it is, where it stands, what it is worth now. */
export const CustomerOrder = z.object({
  customer: z.string(),
  status: z.enum(['open', 'shipped', 'cancelled']),
  currency: z.string(),
  /** What was due when the order was placed, before any item. */
  placedAmount: z.number(),
  items: z.record(z.string(), z.object({ quantity: z.number(), price: z.number() })),
  total: z.number(),
});
export type CustomerOrder = z.infer<typeof CustomerOrder>;

const noOrders = (customer: string): OrderSummary => ({ customer, orders: 0, open: 0, shipped: 0, cancelled: 0, spent: {} });
// The same sum as the Order aggregate: the placed amount plus each line, in cents.
const totalOf = (placedAmount: number, items: CustomerOrder['items']) =>
  Object.values(items).reduce((sum, i) => add(sum, Math.round(i.quantity * i.price * 100) / 100), placedAmount);

/** Per customer: how many orders, how many open, shipped, cancelled, and what the shipped ones cost per currency. */
export const orderSummaries = defineProjection({
  name: 'OrderSummaries',
  description: 'Orders per customer: counts by status and what was spent on shipped orders, per currency.',
  readModels: { OrderSummary, CustomerOrder },
  from: [OrderPlaced, ItemAdded, ItemRemoved, OrderShipped, OrderCancelled],
  handlers: {
    OrderPlaced: async ({ aggregateId, data }, { OrderSummary, CustomerOrder }) => {
      const order = { customer: data.customer, status: 'open' as const, currency: data.currency, placedAmount: data.amount, items: {} };
      CustomerOrder.put(aggregateId, { ...order, total: totalOf(data.amount, {}) });
      await OrderSummary.update(data.customer, (s = noOrders(data.customer)) => ({ ...s, orders: s.orders + 1, open: s.open + 1 }));
    },
    ItemAdded: async ({ aggregateId, data }, { CustomerOrder }) => {
      await CustomerOrder.update(aggregateId, (order) => {
        const o = placed(order, aggregateId);
        const items = { ...o.items, [data.sku]: { quantity: (o.items[data.sku]?.quantity ?? 0) + data.quantity, price: data.price } };
        return { ...o, items, total: totalOf(o.placedAmount, items) };
      });
    },
    ItemRemoved: async ({ aggregateId, data }, { CustomerOrder }) => {
      await CustomerOrder.update(aggregateId, (order) => {
        const o = placed(order, aggregateId);
        const { [data.sku]: _removed, ...items } = o.items;
        return { ...o, items, total: totalOf(o.placedAmount, items) };
      });
    },
    OrderShipped: async ({ aggregateId }, { OrderSummary, CustomerOrder }) => {
      const order = placed(await CustomerOrder.get(aggregateId), aggregateId);
      CustomerOrder.put(aggregateId, { ...order, status: 'shipped' });
      await OrderSummary.update(order.customer, (s = noOrders(order.customer)) => ({
        ...s,
        open: s.open - 1,
        shipped: s.shipped + 1,
        spent: { ...s.spent, [order.currency]: add(s.spent[order.currency] ?? 0, order.total) },
      }));
    },
    OrderCancelled: async ({ aggregateId }, { OrderSummary, CustomerOrder }) => {
      const order = placed(await CustomerOrder.get(aggregateId), aggregateId);
      CustomerOrder.put(aggregateId, { ...order, status: 'cancelled' });
      await OrderSummary.update(order.customer, (s = noOrders(order.customer)) => ({ ...s, open: s.open - 1, cancelled: s.cancelled + 1 }));
    },
  },
});

function placed(order: CustomerOrder | undefined, id: string): CustomerOrder {
  if (!order) throw new Error(`order ${id} has events but was never placed; its history should start with OrderPlaced`);
  return order;
}
