import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from '../../src';
import { ok, problem } from './cellReading';


describe('reading table cells by their schema', () => {
  it('reads numbers written the plain way', () => {
    assert.equal(ok(z.number(), '20.00'), 20);
    assert.equal(ok(z.number(), '-3.5'), -3.5);
    assert.equal(ok(z.number().int(), '1_000'), 1000);
    assert.equal(ok(z.number().optional(), ' 7 '), 7);
    assert.match(problem(z.number(), 'twenty'), /"twenty" is not a number; write it like 20 or 20.00/);
    assert.match(problem(z.number(), '€20'), /no currency sign/);
    assert.match(problem(z.number(), '20,00'), /a dot for decimals/);
  });

  it('reads booleans as true/false or yes/no', () => {
    assert.equal(ok(z.boolean(), 'true'), true);
    assert.equal(ok(z.boolean(), 'No'), false);
    assert.match(problem(z.boolean(), 'maybe'), /not true or false/);
  });

  it('reads dates and keeps date-time strings as written', () => {
    assert.deepEqual(ok(z.date(), '2025-03-01'), new Date('2025-03-01'));
    assert.equal(ok(z.iso.datetime(), '2025-03-01T10:00:00Z'), '2025-03-01T10:00:00Z');
    assert.match(problem(z.date(), 'next tuesday'), /^"next tuesday" is not a date or time eventspec reads; write it as ISO 8601: 2025-03-01, /);
  });

  it('matches enums exactly, then ignoring case, else suggests', () => {
    const carrier = z.enum(['DHL', 'UPS', 'FedEx']);
    assert.equal(ok(carrier, 'UPS'), 'UPS');
    assert.equal(ok(carrier, 'fedex'), 'FedEx');
    assert.equal(problem(carrier, 'DHLL'), '"DHLL" is not one of "DHL", "UPS", "FedEx" — did you mean "DHL"?');
  });

  it('keeps strings as written, spaces included', () => {
    assert.equal(ok(z.string(), ' two words '), ' two words ');
  });

  it('treats an empty cell as not given, and null only where the schema allows it', () => {
    assert.equal(ok(z.number(), ''), undefined);
    assert.equal(ok(z.string().nullable(), 'null'), null);
    assert.equal(ok(z.string(), 'null'), 'null');
  });

  it('reads lists as JSON or as comma-separated values', () => {
    assert.deepEqual(ok(z.array(z.string()), 'red, green'), ['red', 'green']);
    assert.deepEqual(ok(z.array(z.number()), '[1, 2]'), [1, 2]);
    assert.deepEqual(ok(z.array(z.number()), '1, 2.5'), [1, 2.5]);
    assert.match(problem(z.array(z.number()), '1, two'), /"two" is not a number/);
  });

  it('reads objects as JSON and says where JSON is broken', () => {
    assert.deepEqual(ok(z.object({ a: z.number() }), '{"a": 1}'), { a: 1 });
    assert.match(problem(z.object({ a: z.number() }), '{a: 1}'), /not valid JSON/);
  });

  it('reads literals, unions and coerced values', () => {
    assert.equal(ok(z.literal(3), '3'), 3);
    assert.match(problem(z.literal('x'), 'y'), /must be "x"/);
    assert.equal(ok(z.union([z.number(), z.string()]), '12'), 12);
    assert.equal(ok(z.union([z.number(), z.string()]), 'twelve'), 'twelve');
    assert.equal(ok(z.number().default(1), '4'), 4);
  });

  it('guesses plain types when there is no schema', () => {
    assert.equal(ok(undefined, '12.5'), 12.5);
    assert.equal(ok(undefined, 'true'), true);
    assert.deepEqual(ok(undefined, '{"a":1}'), { a: 1 });
    assert.equal(ok(undefined, 'alice'), 'alice');
  });
});
