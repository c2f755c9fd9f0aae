import { defineEvent, z } from '../../index';

const money = z.number().nonnegative();
const item = z.object({ sku: z.string().min(1), quantity: z.number().int().positive(), price: money });

export const OrderPlaced = defineEvent('OrderPlaced', z.object({ customer: z.string().min(1), total: money.default(0) }), {
  description: 'A customer opened an order.',
  example: { customer: 'alice', total: 0 },
});
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
