import { defineCommand, z } from '../../index';

export const PlaceOrder = defineCommand(
  'PlaceOrder',
  z.object({ customer: z.string().min(1), amount: z.number().nonnegative().default(0), currency: z.enum(['EUR', 'USD', 'GBP']).default('EUR') }),
  { description: 'Open an order for a customer, with the amount already due if there is one.', example: { customer: 'alice', amount: 0, currency: 'EUR' } },
);
export const AddItem = defineCommand(
  'AddItem',
  z.object({ sku: z.string().min(1), quantity: z.number().int().positive().default(1), price: z.number().nonnegative() }),
  { description: 'Put an item in an open order.', example: { sku: 'BOOK-1', quantity: 1, price: 10 } },
);
export const RemoveItem = defineCommand('RemoveItem', z.object({ sku: z.string().min(1) }), {
  description: 'Take an item out of an open order.',
});
export const ShipOrder = defineCommand('ShipOrder', z.object({ carrier: z.enum(['DHL', 'UPS', 'FedEx', 'PostNL']) }), {
  description: 'Hand the order to a carrier.',
  example: { carrier: 'DHL' },
});
export const CancelOrder = defineCommand('CancelOrder', z.object({ reason: z.string().optional() }), {
  description: 'Stop an order before it ships.',
});
export const ConfirmOrder = defineCommand('ConfirmOrder', z.object({}), {
  description: 'The customer confirms the order: the shop reserves its stock and asks for payment.',
});
