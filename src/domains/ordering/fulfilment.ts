import { defineProcess, z } from '../../index';
import { OrderCancelled, OrderConfirmed } from './events';
import { Inventory } from './inventory';
import { Order } from './order';
import { Payment, PaymentReceived, PaymentRefused } from './payment';

const FulfilmentState = z.object({
  stage: z.enum(['reserving', 'awaiting payment', 'paid', 'cancelled']),
  items: z.record(z.string(), z.number()),
  amount: z.number(),
  currency: z.enum(['EUR', 'USD', 'GBP']),
});
type FulfilmentState = z.infer<typeof FulfilmentState>;

/**
 * From a confirmed order to a paid one: set the stock aside, then ask for payment, and wait three
 * days for it. Out of stock, a refused payment or no payment in time: put the stock back, withdraw
 * the request to pay, and cancel the order.
 */
export const OrderFulfilment = defineProcess({
  name: 'OrderFulfilment',
  description: 'Reserves the stock of a confirmed order and collects its payment; cancels the order when either fails.',
  from: [OrderConfirmed, PaymentReceived, PaymentRefused, OrderCancelled],
  startedBy: [OrderConfirmed],
  correlate: {
    OrderConfirmed: (event) => event.aggregateId,
    PaymentReceived: (event) => event.aggregateId,
    PaymentRefused: (event) => event.aggregateId,
    OrderCancelled: (event) => event.aggregateId,
  },
  state: FulfilmentState,
  initialState: { stage: 'reserving', items: {}, amount: 0, currency: 'EUR' },
  deadlines: ['PaymentDue'],
}).behavior({
  react: {
    OrderConfirmed: (_state, { items, amount, currency }, process) => {
      for (const { sku, quantity } of items) process.send(Inventory, sku, { type: 'ReserveStock', data: { order: process.id, quantity } });
      process.send(Payment, process.id, { type: 'RequestPayment', data: { amount, currency } });
      process.schedule('PaymentDue', { days: 3 });
      return { stage: 'awaiting payment', items: Object.fromEntries(items.map((i) => [i.sku, i.quantity])), amount, currency };
    },
    PaymentReceived: (state, _data, process) => {
      process.complete();
      return { ...state, stage: 'paid' };
    },
    PaymentRefused: (state, { reason }, process) => undo(state, process, `payment refused: ${reason}`, { voidPayment: false }),
    // The customer cancelled while we waited: nothing more to cancel on the order itself.
    OrderCancelled: (state, _data, process) => undo(state, process, undefined, { voidPayment: true }),
  },
  whenDue: {
    PaymentDue: (state, process) => undo(state, process, 'no payment within 3 days', { voidPayment: true }),
  },
  whenRejected: {
    ReserveStock: (state, refused, process) => {
      // Reservations go in the order of the items and stop at the refused one: release those before it.
      const before = Object.keys(state.items).slice(0, Object.keys(state.items).indexOf(refused.id));
      for (const sku of before) process.send(Inventory, sku, { type: 'ReleaseStock', data: { order: process.id } });
      process.send(Order, process.id, { type: 'CancelOrder', data: { reason: `out of stock: ${refused.id}` } });
      process.complete();
      return { ...state, stage: 'cancelled' };
    },
  },
});

type Actions = Parameters<(typeof OrderFulfilment.whenDue)['PaymentDue']>[1];

function undo(state: FulfilmentState, process: Actions, cancelReason: string | undefined, options: { voidPayment: boolean }): FulfilmentState {
  for (const sku of Object.keys(state.items)) process.send(Inventory, sku, { type: 'ReleaseStock', data: { order: process.id } });
  if (options.voidPayment) process.send(Payment, process.id, { type: 'VoidPayment', data: { reason: cancelReason ?? 'order cancelled' } });
  if (cancelReason !== undefined) process.send(Order, process.id, { type: 'CancelOrder', data: { reason: cancelReason } });
  process.complete();
  return { ...state, stage: 'cancelled' };
}
