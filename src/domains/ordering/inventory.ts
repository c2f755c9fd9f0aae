import { defineAggregate, defineCommand, defineEvent, z } from '../../index';

const quantity = z.number().int().positive();

export const StockReceived = defineEvent('StockReceived', z.object({ quantity }), {
  description: 'Items of this kind arrived in the warehouse.',
  example: { quantity: 10 },
});
export const StockReserved = defineEvent('StockReserved', z.object({ order: z.string().min(1), quantity }), {
  description: 'Items were set aside for an order.',
  example: { order: 'o-1', quantity: 1 },
});
export const StockReleased = defineEvent('StockReleased', z.object({ order: z.string().min(1), quantity }), {
  description: 'Items set aside for an order went back on the shelf.',
  example: { order: 'o-1', quantity: 1 },
});

export const ReceiveStock = defineCommand('ReceiveStock', z.object({ quantity }), {
  description: 'Book items that arrived into the warehouse.',
  example: { quantity: 10 },
});
export const ReserveStock = defineCommand('ReserveStock', z.object({ order: z.string().min(1), quantity }), {
  description: 'Set items aside for an order.',
  example: { order: 'o-1', quantity: 1 },
});
export const ReleaseStock = defineCommand('ReleaseStock', z.object({ order: z.string().min(1) }), {
  description: 'Put back what was set aside for an order; nothing happens if nothing was.',
  example: { order: 'o-1' },
});

export const Inventory = defineAggregate({
  name: 'Inventory',
  description: 'The stock of one item (by SKU): what is on the shelf and what is set aside for orders.',
  events: [StockReceived, StockReserved, StockReleased],
  commands: [ReceiveStock, ReserveStock, ReleaseStock],
  state: z.object({ available: z.number(), reserved: z.record(z.string(), z.number()) }),
  initialState: { available: 0, reserved: {} },
  rejections: { OutOfStock: 'Only items on the shelf can be set aside.' },
}).behavior({
  evolve: {
    StockReceived: (state, { quantity }) => ({ ...state, available: state.available + quantity }),
    StockReserved: (state, { order, quantity }) => ({ available: state.available - quantity, reserved: { ...state.reserved, [order]: (state.reserved[order] ?? 0) + quantity } }),
    StockReleased: (state, { order, quantity }) => {
      const { [order]: _released, ...reserved } = state.reserved;
      return { available: state.available + quantity, reserved };
    },
  },
  decide: {
    ReceiveStock: (data) => ({ type: 'StockReceived', data }),
    ReserveStock: ({ order, quantity }, state, { reject }) => {
      if (state.available < quantity) reject('OutOfStock', `${quantity} asked, ${state.available} on the shelf`);
      return { type: 'StockReserved', data: { order, quantity } };
    },
    ReleaseStock: ({ order }, state) => {
      const quantity = state.reserved[order];
      return quantity === undefined ? [] : [{ type: 'StockReleased', data: { order, quantity } }];
    },
  },
  invariants: [{ name: 'never more set aside than there was', holds: (state) => state.available >= 0 }],
});
