// What both hand-written baselines (kitOverhead.rawSteps.ts, kitOverhead.emmettSteps.ts) know of the
// example domains without eventspec's tables: the aggregates by name, default event and command
// fields, and which fields are numbers.
import type { AnyAggregate } from '../../src/aggregate';
import { Account } from '../../src/domains/banking';
import { Order } from '../../src/domains/ordering';

export const aggregates: Record<string, AnyAggregate> = { Order, Account };
export const defaults: Record<string, Record<string, unknown>> = {
  OrderPlaced: { customer: 'alice', amount: 0, currency: 'EUR' },
  ItemAdded: { sku: 'BOOK-1', quantity: 1, price: 10 },
  OrderShipped: { carrier: 'DHL' },
  OrderCancelled: { reason: 'no reason given' },
  AccountOpened: { owner: 'alice', overdraftLimit: 0 },
  MoneyDeposited: { amount: 100 },
  MoneyWithdrawn: { amount: 10 },
};
export const commandDefaults: Record<string, Record<string, unknown>> = { ShipOrder: { carrier: 'DHL' }, CancelOrder: {}, AddItem: { sku: 'BOOK-1', quantity: 1, price: 10 } };
export const numeric = new Set(['amount', 'total', 'price', 'quantity', 'overdraftLimit', 'balance']);
export const value = (field: string, cell: string): unknown => (numeric.has(field) ? Number(cell) : cell);
export const same = (actual: unknown, cell: string) => String(actual) === cell;
