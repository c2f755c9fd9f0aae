/** A span of time as people write it in a process or a scenario: `{ days: 3 }`, `{ hours: 2, minutes: 30 }`. */
export interface Duration {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
}

const UNIT_MS = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1_000 } as const;
type Unit = keyof typeof UNIT_MS;

/** Milliseconds in a duration; throws on a negative, fractional-millisecond or unknown part. */
export function durationMs(duration: Duration, what = 'the duration'): number {
  let total = 0;
  for (const [unit, amount] of Object.entries(duration)) {
    if (!(unit in UNIT_MS)) throw new RangeError(`${what} has an unknown unit "${unit}"; use days, hours, minutes or seconds`);
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) throw new RangeError(`${what}: ${unit} must be a number ≥ 0, got ${String(amount)}`);
    total += amount * UNIT_MS[unit as Unit];
  }
  if (!Number.isSafeInteger(total)) throw new RangeError(`${what} is not a whole number of milliseconds`);
  return total;
}

const WORD: Record<string, Unit> = { day: 'days', days: 'days', hour: 'hours', hours: 'hours', minute: 'minutes', minutes: 'minutes', second: 'seconds', seconds: 'seconds' };
/** Written in weeks, kept in days: a week is always 7 of them here (the clock is UTC). */
const WEEK: Record<string, true> = { week: true, weeks: true };

/** Reads "3 days", "2 hours", "1 day and 6 hours", "90 minutes", "2 weeks" — whole numbers, English units. */
export function readDuration(text: string): { ok: true; value: Duration } | { ok: false; problem: string } {
  const parts = text.trim().split(/\s*(?:,|\band\b)\s*/);
  const value: Partial<Record<Unit, number>> = {};
  const written = new Set<string>();
  for (const part of parts) {
    const match = /^(\d{1,6}) ([a-z]+)$/.exec(part);
    const word = match?.[2] ?? '';
    const inWeeks = WEEK[word] === true;
    const unit = inWeeks ? 'days' : WORD[word];
    // Each unit once ("3 days and 2 days" is a slip): weeks and days are two units, kept as days.
    const name = inWeeks ? 'weeks' : unit;
    if (!match || !unit || written.has(name!)) {
      return { ok: false, problem: `"${text}" is not a span of time eventspec reads; write whole numbers of weeks, days, hours, minutes or seconds, such as "3 days", "2 weeks" or "1 day and 6 hours"` };
    }
    written.add(name!);
    value[unit] = (value[unit] ?? 0) + Number(match[1]) * (inWeeks ? 7 : 1);
  }
  return { ok: true, value };
}
