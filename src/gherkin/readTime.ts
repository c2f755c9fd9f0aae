const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export const ACCEPTED_TIMES = '2025-03-01, 2025-03-01T10:00, 2025-03-01T10:00:00, 2025-03-01T10:00:00Z or 2025-03-01T10:00:00+01:00 (without a zone, UTC)';

/**
 * A date or time as a feature file writes it: ISO 8601 only, because `01/03/2025` is the 1st of
 * March to some readers and the 3rd of January to others (and to JavaScript). A time without a
 * zone is UTC, so a scenario means the same on every machine.
 */
export function readTime(text: string): { ok: true; value: Date } | { ok: false; problem: string } {
  const match = ISO.exec(text.trim());
  const refused = { ok: false as const, problem: `"${text}" is not a date or time eventspec reads; write it as ISO 8601: ${ACCEPTED_TIMES}` };
  if (!match) return refused;
  const [, year, month, day, hour, minute, second, zone] = match;
  const value = new Date(hour === undefined ? `${text.trim()}T00:00:00Z` : zone === undefined ? `${text.trim()}Z` : text.trim());
  if (Number.isNaN(value.getTime())) return refused;
  // `new Date` rolls 2025-02-30 over to March; a calendar date that does not exist is a mistake.
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day) || Number(hour ?? 0) > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59) {
    return { ok: false, problem: `"${text}" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}` };
  }
  return { ok: true, value };
}
