import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { datesFromJson } from '../../src/contracts/datesFromJson';

const Loan = z.object({ dueOn: z.date(), note: z.string(), at: z.date().nullable().optional(), steps: z.array(z.object({ on: z.date() })), byName: z.record(z.string(), z.date()), either: z.union([z.date(), z.number()]).optional() });

describe('dates from JSON text', () => {
  it('reads ISO text where the schema asks for a Date, at any depth, and leaves the data given unchanged', () => {
    const data = { dueOn: '2025-03-01', note: '2025-03-01', at: null, steps: [{ on: '2025-03-01T10:00:00+01:00' }], byName: { a: '2025-03-02T00:00:00Z' } };
    const read = datesFromJson(Loan, data);
    assert.ok(read.ok);
    assert.deepEqual(read.value, { dueOn: new Date('2025-03-01T00:00:00Z'), note: '2025-03-01', at: null, steps: [{ on: new Date('2025-03-01T09:00:00Z') }], byName: { a: new Date('2025-03-02T00:00:00Z') } });
    assert.equal(data.dueOn, '2025-03-01');
    assert.equal(Loan.safeParse(read.value).success, true);
  });

  it('names the path of text that is no ISO time, and leaves unions and non-text values to the schema', () => {
    assert.deepEqual(datesFromJson(Loan, { steps: [{ on: '1/3/2025' }] }), { ok: false, path: 'steps.0.on', problem: '"1/3/2025" is not a date or time eventspec reads; write it as ISO 8601: 2025-03-01, 2025-03-01T10:00, 2025-03-01T10:00:00, 2025-03-01T10:00:00Z or 2025-03-01T10:00:00+01:00 (without a zone, UTC)' });
    const same = { dueOn: 5, either: '2025-03-01', steps: 'none' };
    assert.deepEqual(datesFromJson(Loan, same), { ok: true, value: same });
  });
});
