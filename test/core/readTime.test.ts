import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCEPTED_TIMES, readTime } from '../../src/core/readTime';

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

  it('suggests the T for a date and time written with a space between them', () => {
    assert.match(value('2025-03-01 10:00'), /^"2025-03-01 10:00" is not a date or time eventspec reads — did you mean 2025-03-01T10:00\?; write it as ISO 8601: /);
    assert.doesNotMatch(value('2025-03-01 99:00'), /did you mean/);
  });

  it('refuses a date that is not on the calendar rather than rolling it over', () => {
    assert.match(value('2025-02-30'), /^"2025-02-30" is not a date on the calendar; write it as ISO 8601: /);
    assert.match(value('2025-03-01T24:00'), /^"2025-03-01T24:00" is not a/);
  });
});

describe('the one strict reading of a time, wherever a person writes one', () => {
  it('builds the time from its parts: leap days, old years, offsets and fractions', () => {
    assert.equal(value('2024-02-29'), '2024-02-29T00:00:00.000Z');
    assert.equal(value('0050-06-01'), '0050-06-01T00:00:00.000Z');
    assert.equal(value('2025-03-01T10:00-05:30'), '2025-03-01T15:30:00.000Z');
    assert.equal(value('2025-03-01T10:00:00.5Z'), '2025-03-01T10:00:00.500Z');
    assert.equal(value(' 2025-03-01 '), '2025-03-01T00:00:00.000Z');
  });

  it('refuses what `new Date` would have guessed at', () => {
    assert.equal(value('1'), `"1" is not a date or time eventspec reads; write it as ISO 8601: ${ACCEPTED_TIMES}`);
    assert.equal(value('2025-02-29'), `"2025-02-29" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}`);
    assert.equal(value('2025-13-01'), `"2025-13-01" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}`);
    assert.equal(value('2025-03-01T10:60'), `"2025-03-01T10:60" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}`);
    assert.equal(value('2025-03-01T10:00+01:99'), `"2025-03-01T10:00+01:99" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}`);
    for (const text of ['', '2025', '2025-3-1', 'Sat, 01 Mar 2025 10:00:00 GMT', '1740823200000']) {
      assert.equal(value(text), `"${text}" is not a date or time eventspec reads; write it as ISO 8601: ${ACCEPTED_TIMES}`);
    }
  });
});
