import { defineEvent, upcaster, z } from '../../index';

const money = z.number().nonnegative();
const item = z.object({ sku: z.string().min(1), quantity: z.number().int().positive(), price: money });

const currency = z.enum(['EUR', 'USD', 'GBP']);

/** v1 carried a bare `total`; v2 names the amount and its currency. Stored v1 events are read as EUR. */
const OrderPlacedV1 = z.object({ customer: z.string().min(1), total: money.default(0) });

export const OrderPlaced = defineEvent(
  'OrderPlaced',
  z.object({ customer: z.string().min(1), amount: money.default(0), currency: currency.default('EUR') }),
  {
    description: 'A customer opened an order, possibly with an amount already due (from a cart or a quote).',
    example: { customer: 'alice', amount: 0, currency: 'EUR' },
    upcasters: [upcaster(1, OrderPlacedV1, ({ customer, total }) => ({ customer, amount: total, currency: 'EUR' }))],
  },
);
export const ItemAdded = defineEvent('ItemAdded', item, {
  description: 'An item was put in the order.',
  example: { sku: 'BOOK-1', quantity: 1, price: 10 },
});
export const ItemRemoved = defineEvent('ItemRemoved', z.object({ sku: z.string().min(1) }), {
  description: 'An item was taken out of the order.',
});
export const OrderShipped = defineEvent('OrderShipped', z.object({ carrier: z.string().min(1) }), {
  description: 'The order left the warehouse with a carrier.',
  example: { carrier: 'DHL' },
});
export const OrderCancelled = defineEvent('OrderCancelled', z.object({ reason: z.string().default('no reason given') }), {
  description: 'The order will not be fulfilled.',
});
export const OrderConfirmed = defineEvent(
  'OrderConfirmed',
  z.object({
    items: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() })),
    amount: z.number().nonnegative(),
    currency: z.enum(['EUR', 'USD', 'GBP']),
  }),
  {
    description: 'The customer confirmed the order, with the items and the amount to pay as they were then.',
    example: { items: [{ sku: 'BOOK-1', quantity: 1 }], amount: 10, currency: 'EUR' },
  },
);
