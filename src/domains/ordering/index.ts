import { defineDomain, phrase } from '../../index';
import { Order } from './order';
import { Inventory } from './inventory';
import { Payment } from './payment';
import { OrderFulfilment } from './fulfilment';

import { orderSummaries } from './orderSummary';

export { Order, Inventory, Payment, OrderFulfilment };
export * from './events';
export * from './commands';
export * from './orderSummary';

export const ordering = defineDomain({
  name: 'ordering',
  description: 'Customer orders: place, add or remove items, confirm, ship, cancel; the stock and payment a confirmed order needs.',
  aggregates: [Order, Inventory, Payment],
  projections: [orderSummaries],
  processes: [OrderFulfilment],
  phrasings: [
    phrase.given(Order, 'OrderPlaced', '{customer} placed order {id}'),
    phrase.given(Order, 'ItemAdded', 'order {id} contains {quantity} x {sku} at {price}'),
    phrase.when(Order, 'ShipOrder', '{actor} ships order {id} with {carrier}'),
    phrase.when(Order, 'CancelOrder', '{actor} cancels order {id}'),
    phrase.when(Order, 'ConfirmOrder', '{actor} confirms order {id}'),
    phrase.then(Order, 'OrderShipped', 'order {id} is shipped with {carrier}'),
  ],
});
