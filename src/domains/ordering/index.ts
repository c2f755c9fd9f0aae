import { defineDomain, phrase } from '../../index';
import { Order } from './order';

import { orderSummaries } from './orderSummary';

export { Order };
export * from './events';
export * from './commands';
export * from './orderSummary';

export const ordering = defineDomain({
  name: 'ordering',
  description: 'Customer orders: place, add or remove items, ship, cancel.',
  aggregates: [Order],
  projections: [orderSummaries],
  phrasings: [
    phrase.given(Order, 'OrderPlaced', '{customer} placed order {id}'),
    phrase.given(Order, 'ItemAdded', 'order {id} contains {quantity} x {sku} at {price}'),
    phrase.when(Order, 'ShipOrder', '{actor} ships order {id} with {carrier}'),
    phrase.when(Order, 'CancelOrder', '{actor} cancels order {id}'),
    phrase.then(Order, 'OrderShipped', 'order {id} is shipped with {carrier}'),
  ],
});
