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

/** Reads "3 days", "2 hours", "1 day and 6 hours", "90 minutes" — whole numbers, English units. */
export function readDuration(text: string): { ok: true; value: Duration } | { ok: false; problem: string } {
  const parts = text.trim().split(/\s*(?:,|\band\b)\s*/);
  const value: Partial<Record<Unit, number>> = {};
  for (const part of parts) {
    const match = /^(\d{1,6}) ([a-z]+)$/.exec(part);
    const unit = match ? WORD[match[2]!] : undefined;
    if (!match || !unit || value[unit] !== undefined) {
      return { ok: false, problem: `"${text}" is not a span of time eventspec reads; write whole numbers of days, hours, minutes or seconds, such as "3 days" or "1 day and 6 hours"` };
    }
    value[unit] = Number(match[1]);
  }
  return { ok: true, value };
}
