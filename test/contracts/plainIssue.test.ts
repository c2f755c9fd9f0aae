import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { describeIssues } from '../../src/contracts/zodIssues';

/** The message for one field's value under one schema. */
function said(schema: z.ZodType, value: unknown): string {
  const data = { field: value };
  const result = z.object({ field: schema }).safeParse(data);
  assert.ok(!result.success, `expected ${JSON.stringify(value)} to be refused`);
  return describeIssues(result.error, data).text;
}

describe('zod issues in plain words', () => {
  it('says how to write a date, a time and other formats', () => {
    assert.equal(said(z.iso.date(), '2025-02-30'), 'field: is not a calendar date, written like 2025-03-01 (got "2025-02-30")');
    assert.equal(said(z.iso.datetime(), '2025-03-01'), 'field: is not a date and time, written like 2025-03-01T10:00:00Z (got "2025-03-01")');
    assert.equal(said(z.email(), 'ana'), 'field: is not an email address, like ana@example.com (got "ana")');
    assert.equal(said(z.url(), 'nope'), 'field: is not a web address, like https://example.com (got "nope")');
    assert.equal(said(z.string().regex(/^[A-Z]{3}$/), 'ab'), 'field: does not have the expected form (the pattern /^[A-Z]{3}$/) (got "ab")');
    assert.equal(said(z.string().startsWith('INV-'), 'X'), 'field: must start with "INV-" (got "X")');
  });

  it('says limits as limits', () => {
    assert.equal(said(z.number().min(1), 0), 'field: must be at least 1 (got 0)');
    assert.equal(said(z.number().positive(), 0), 'field: must be more than 0 (got 0)');
    assert.equal(said(z.number().max(10), 11), 'field: must be at most 10 (got 11)');
    assert.equal(said(z.number().lt(5), 5), 'field: must be less than 5 (got 5)');
    assert.equal(said(z.number().int(), 1.5), 'field: must be a whole number (got 1.5)');
    assert.equal(said(z.number().multipleOf(5), 7), 'field: must be a multiple of 5 (got 7)');
    assert.equal(said(z.string().min(2), 'a'), 'field: must have at least 2 characters (got "a")');
    assert.equal(said(z.string().length(3), 'ab'), 'field: must have exactly 3 characters (got "ab")');
    assert.equal(said(z.array(z.string()).min(1), []), 'field: must have at least 1 item (got [])');
    assert.equal(said(z.date().min(new Date('2025-01-01')), new Date('2024-06-01')), 'field: must be on or after 2025-01-01 (got 2024-06-01T00:00:00.000Z)');
  });

  it('lists the allowed values', () => {
    assert.equal(said(z.enum(['slow', 'fast', 'warp']), 'x'), 'field: must be one of "slow", "fast" or "warp" (got "x")');
    assert.equal(said(z.literal('EUR'), 'USD'), 'field: must be "EUR" (got "USD")');
  });

  it("keeps the schema author's own message, and zod's where there are no plainer words", () => {
    assert.equal(said(z.number().min(1, 'bring at least one book'), 0), 'field: bring at least one book (got 0)');
    assert.equal(said(z.number(), 'x'), 'field: expected number, received string (got "x")');
    assert.equal(said(z.string().refine(() => false), 'x'), 'field: Invalid input (got "x")');
  });
});

describe('a field left out where one of a few values is expected', () => {
  it('is told as missing, with the values', () => {
    const data = {};
    const result = z.object({ format: z.enum(['paperback', 'ebook']) }).safeParse(data);
    assert.ok(!result.success);
    assert.equal(describeIssues(result.error, data).text, 'format: is missing (expected one of "paperback" or "ebook")');
  });
});

describe('a limit made from an invalid Date', () => {
  it('is said as an invalid date, not thrown as a RangeError', () => {
    const data = { field: new Date(0) };
    const result = z.object({ field: z.date().min(new Date('not a date')) }).safeParse(data);
    assert.ok(!result.success);
    assert.equal(describeIssues(result.error, data).text, 'field: must be on or after an invalid date (got 1970-01-01T00:00:00.000Z)');
  });
});
