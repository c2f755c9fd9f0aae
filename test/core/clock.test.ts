import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { controllableClock, toDate } from '../../src/core/clock';
import { ACCEPTED_TIMES } from '../../src/core/readTime';

describe('the controllable clock reads times as strictly as a feature file', () => {
  it('sets ISO times and Dates', () => {
    const clock = controllableClock('2025-03-01');
    assert.equal(clock.now().toISOString(), '2025-03-01T00:00:00.000Z');
    clock.set('2025-03-02T10:00+01:00');
    assert.equal(clock.now().toISOString(), '2025-03-02T09:00:00.000Z');
    clock.set(new Date(Date.UTC(2025, 3, 1)));
    assert.equal(clock.now().toISOString(), '2025-04-01T00:00:00.000Z');
  });

  it('refuses "1" and an impossible date instead of guessing, and keeps the time it had', () => {
    const clock = controllableClock('2025-03-01T10:00:00Z');
    assert.throws(() => clock.set('1'), { name: 'EventspecError', message: `the time "1" is not a date or time eventspec reads; write it as ISO 8601: ${ACCEPTED_TIMES}` });
    assert.throws(() => clock.set('2025-02-30'), { message: `the time "2025-02-30" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}` });
    assert.throws(() => controllableClock('March 1'), { message: `the clock start "March 1" is not a date or time eventspec reads; write it as ISO 8601: ${ACCEPTED_TIMES}` });
    assert.equal(clock.now().toISOString(), '2025-03-01T10:00:00.000Z');
  });

  it('refuses an invalid Date and a step that is not a number', () => {
    const clock = controllableClock();
    assert.throws(() => clock.set(new Date(NaN)), { message: 'the time is an invalid Date; give a valid Date or text such as 2025-03-01T10:00:00Z' });
    assert.throws(() => clock.advance(NaN), { message: 'the clock cannot advance by NaN milliseconds; give a finite number' });
    assert.equal(clock.now().toISOString(), '2025-01-01T00:00:00.000Z');
  });

  it('reads `as of` the same way', () => {
    assert.throws(() => toDate('2025-02-30T10:00:00Z', 'as of'), { message: `as of "2025-02-30T10:00:00Z" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}` });
  });
});
