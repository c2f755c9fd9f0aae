import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { arbitraryOf } from '../../src/checks';
import { cellText, tableText } from '../../src/testing';

const sample = <T>(schema: z.ZodType<T>, n = 300): T[] => fc.sample(arbitraryOf(schema), { numRuns: n, seed: 1 }) as T[];

describe('arbitraryOf(zod schema)', () => {
  it('numbers stay in bounds, reach both ends, and are plain (whole or two decimals)', () => {
    const ints = sample(z.number().int().min(3).max(9));
    assert.ok(ints.every((n) => Number.isInteger(n) && n >= 3 && n <= 9));
    assert.ok(ints.includes(3) && ints.includes(9));
    const money = sample(z.number().positive().max(50));
    assert.ok(money.every((n) => n > 0 && n <= 50 && /^\d+(\.\d{1,2})?$/.test(String(n))), String(money.find((n) => !(n > 0 && n <= 50))));
    assert.ok(money.some((n) => !Number.isInteger(n)), 'some amounts have decimals');
    const steps = sample(z.number().min(0).max(10).multipleOf(2.5));
    assert.ok(steps.every((n) => [0, 2.5, 5, 7.5, 10].includes(n)));
  });

  it('strings honour length, formats and patterns, and fit a table cell', () => {
    const short = sample(z.string().min(2).max(4));
    assert.ok(short.every((s) => s.length >= 2 && s.length <= 4 && s.trim() === s));
    assert.ok(sample(z.email()).every((s) => z.email().safeParse(s).success));
    assert.ok(sample(z.string().email()).every((s) => /@/.test(s)));
    assert.ok(sample(z.uuid()).every((s) => z.uuid().safeParse(s).success));
    assert.ok(sample(z.iso.datetime()).every((s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/.test(s)));
    assert.ok(sample(z.iso.date()).every((s) => /^\d{4}-\d\d-\d\d$/.test(s)));
    assert.ok(sample(z.url()).every((s) => z.url().safeParse(s).success));
    assert.ok(sample(z.string().regex(/^[A-Z]{3}-\d{2}$/)).every((s) => /^[A-Z]{3}-\d{2}$/.test(s)));
    const plain = sample(z.string());
    assert.ok(plain.every((s) => s.length > 0 && s.trim() === s && !s.includes('|')));
    assert.ok(new Set(plain).size > 3 && plain.includes('alpha'), 'mostly a few shared words, some free text');
  });

  it('covers boolean, enum, literal, date, array, record, union, optional, nullable and default', () => {
    const schema = z.object({
      flag: z.boolean(),
      carrier: z.enum(['DHL', 'UPS']),
      kind: z.literal(['a', 'b']),
      at: z.date().min(new Date('2025-01-01')),
      tags: z.array(z.string()).min(1).max(2),
      stock: z.record(z.string(), z.number().int().nonnegative()),
      ref: z.union([z.number().int(), z.string()]),
      note: z.string().optional(),
      parent: z.string().nullable(),
      quantity: z.number().int().positive().default(1),
      address: z.object({ city: z.string(), zip: z.string().length(4) }),
    });
    const values = sample(schema, 400) as z.input<typeof schema>[];
    assert.ok(values.every((v) => schema.safeParse(v).success));
    const seen = (f: (v: (typeof values)[number]) => boolean) => values.some(f);
    assert.ok(seen((v) => v.flag) && seen((v) => !v.flag));
    assert.ok(seen((v) => v.carrier === 'UPS') && seen((v) => v.kind === 'b'));
    assert.ok(values.every((v) => v.at instanceof Date && v.at.getTime() >= Date.parse('2025-01-01')));
    assert.ok(seen((v) => v.tags.length === 2));
    assert.ok(seen((v) => Object.keys(v.stock).length > 0));
    assert.ok(seen((v) => typeof v.ref === 'number') && seen((v) => typeof v.ref === 'string'));
    assert.ok(seen((v) => !('note' in v)) && seen((v) => typeof v.note === 'string'), 'optional fields are absent, never undefined');
    assert.ok(values.every((v) => !(Object.values(v) as unknown[]).includes(undefined)));
    assert.ok(seen((v) => v.parent === null) && seen((v) => typeof v.parent === 'string'));
    assert.ok(seen((v) => !('quantity' in v)) && seen((v) => typeof v.quantity === 'number'));
    assert.ok(values.every((v) => v.address.zip.length === 4));
  });

  it('names the schema it cannot derive data for, and how to give it', () => {
    assert.throws(() => arbitraryOf(z.object({ lookup: z.map(z.string(), z.number()) }), 'Order.Tag'), /Order\.Tag\.lookup: cannot derive test data for a zod map schema; give an arbitrary/);
  });
});

describe('cellText: values the step library reads back', () => {
  it('writes numbers plain, booleans, strings, ISO dates, JSON, and empty for absent', () => {
    assert.equal(cellText(20), '20');
    assert.equal(cellText(20.5), '20.5');
    assert.equal(cellText(-0), '0');
    assert.equal(cellText(true), 'true');
    assert.equal(cellText('DHL'), 'DHL');
    assert.equal(cellText(new Date('2025-03-01T10:00:00Z')), '2025-03-01T10:00:00.000Z');
    assert.equal(cellText(['a', 'b']), '["a","b"]');
    assert.equal(cellText({ a: 1 }), '{"a":1}');
    assert.equal(cellText(undefined), '');
    assert.equal(cellText(null), 'null');
    assert.equal(tableText([[cellText('a|b\\c\nd')]], ''), '| a\\|b\\\\c\\nd |', 'a table escapes what Gherkin would misread');
  });
});
