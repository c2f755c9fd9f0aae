import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTime } from '../../src/gherkin/readTime';

const value = (text: string) => {
  const read = readTime(text);
  return read.ok ? read.value.toISOString() : read.problem;
};

describe('reading a date or time from a feature file', () => {
  it('reads ISO dates and date-times, a time without a zone as UTC', () => {
    assert.equal(value('2025-03-01'), '2025-03-01T00:00:00.000Z');
    assert.equal(value('2025-03-01T10:00'), '2025-03-01T10:00:00.000Z');
    assert.equal(value('2025-03-01T10:00:00'), '2025-03-01T10:00:00.000Z');
    assert.equal(value('2025-03-01T10:00:00.250Z'), '2025-03-01T10:00:00.250Z');
    assert.equal(value('2025-03-01T10:00:00+01:00'), '2025-03-01T09:00:00.000Z');
  });

  it('refuses a date whose day and month could be read either way, listing the forms it accepts', () => {
    assert.equal(
      value('01/03/2025 10:00'),
      '"01/03/2025 10:00" is not a date or time eventspec reads; write it as ISO 8601: 2025-03-01, 2025-03-01T10:00, 2025-03-01T10:00:00, 2025-03-01T10:00:00Z or 2025-03-01T10:00:00+01:00 (without a zone, UTC)',
    );
    assert.match(value('March 1, 2025'), /^"March 1, 2025" is not a date or time eventspec reads/);
  });

  it('refuses a date that is not on the calendar rather than rolling it over', () => {
    assert.match(value('2025-02-30'), /^"2025-02-30" is not a date on the calendar; write it as ISO 8601: /);
    assert.match(value('2025-03-01T24:00'), /^"2025-03-01T24:00" is not a/);
  });
});
