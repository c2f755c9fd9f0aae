import { EventspecError } from './errors';
import { readTime } from './readTime';

/** Where "now" comes from. Scenarios inject a controllable clock so recorded times are deterministic. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ControllableClock extends Clock {
  set(time: Date | string): void;
  advance(milliseconds: number): void;
}

export function controllableClock(start: Date | string = '2025-01-01T00:00:00.000Z'): ControllableClock {
  let current = toDate(start, 'the clock start');
  return {
    now: () => new Date(current.getTime()),
    set(time) {
      current = toDate(time, 'the time');
    },
    advance(milliseconds) {
      if (!Number.isFinite(milliseconds)) throw new EventspecError(`the clock cannot advance by ${String(milliseconds)} milliseconds; give a finite number`);
      current = new Date(current.getTime() + milliseconds);
    },
  };
}

/**
 * A time given to the clock, `as of` or the CLI: a valid Date, or text in one of the ISO forms of
 * `readTime` (never `new Date(text)`, which reads "1" as 2001 and 2025-02-30 as March).
 */
export function toDate(value: Date | string, what: string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new EventspecError(`${what} is an invalid Date; give a valid Date or text such as 2025-03-01T10:00:00Z`);
    return new Date(value.getTime());
  }
  if (typeof value !== 'string') throw new EventspecError(`${what} must be a Date or ISO 8601 text such as 2025-03-01T10:00:00Z, not ${typeof value}`);
  const read = readTime(value);
  if (!read.ok) throw new EventspecError(`${what} ${read.problem}`);
  return read.value;
}
