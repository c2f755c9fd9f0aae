import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { unknownFields } from '../../src/contracts/unknownFields';

const Order = z.object({
  customer: z.string(),
  note: z.string().optional(),
  address: z.object({ street: z.string(), zip: z.string() }).optional(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number() })).default([]),
});

describe('fields a schema would drop', () => {
  it('finds them at any depth, through optional fields and lists', () => {
    const data = { customer: 'alice', nte: 'x', address: { street: 'Main', zpi: '1' }, lines: [{ sku: 'a', quantity: 1 }, { skuu: 'b', quantity: 2 }] };
    assert.deepEqual(
      unknownFields(Order, data).map((f) => [f.path, f.known.join(',')]),
      [
        ['nte', 'customer,note,address,lines'],
        ['address.zpi', 'street,zip'],
        ['lines.1.skuu', 'sku,quantity'],
      ],
    );
    assert.deepEqual(unknownFields(Order, { customer: 'alice', lines: [] }), []);
  });

  it('leaves loose objects, catch-alls and unions to zod, and data of the wrong shape to the schema', () => {
    assert.deepEqual(unknownFields(z.looseObject({ a: z.string() }), { a: 'x', b: 1 }), []);
    assert.deepEqual(unknownFields(z.object({ a: z.string() }).catchall(z.number()), { a: 'x', b: 1 }), []);
    assert.deepEqual(unknownFields(z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]), { a: 'x', c: 1 }), []);
    assert.deepEqual(unknownFields(Order, 'not an object'), []);
    assert.deepEqual(unknownFields(Order, { customer: 'alice', address: 'somewhere' }), []);
  });
});
