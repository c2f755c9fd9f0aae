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
      current = new Date(current.getTime() + milliseconds);
    },
  };
}

export function toDate(value: Date | string, what: string): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`${what} "${String(value)}" is not a date; write it like 2025-03-01 or 2025-03-01T10:00:00Z`);
  }
  return date;
}
