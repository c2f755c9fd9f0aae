const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))?)?$/;

export const ACCEPTED_TIMES = '2025-03-01, 2025-03-01T10:00, 2025-03-01T10:00:00, 2025-03-01T10:00:00Z or 2025-03-01T10:00:00+01:00 (without a zone, UTC)';

export type ReadTime = { ok: true; value: Date } | { ok: false; problem: string };

/**
 * A date or time as a person writes it (feature files, the clock, `as of`, the CLI): ISO 8601
 * only, because `01/03/2025` is the 1st of March to some readers and the 3rd of January to
 * others (and to JavaScript). A time without a zone is UTC, so it means the same on every
 * machine. Built from its parts, never by `new Date(text)`, which rolls 2025-02-30 over to March.
 */
export function readTime(text: string): ReadTime {
  const written = text.trim();
  const match = ISO.exec(written);
  if (!match) {
    // A space between date and time is the common slip: ISO 8601 puts a T there.
    const spaced = /^(\d{4}-\d{2}-\d{2}) +(\d{2}:\d{2}.*)$/.exec(written);
    const guess = spaced && readTime(`${spaced[1]}T${spaced[2]}`).ok ? ` — did you mean ${spaced[1]}T${spaced[2]}?` : '';
    return { ok: false, problem: `"${text}" is not a date or time eventspec reads${guess}; write it as ISO 8601: ${ACCEPTED_TIMES}` };
  }
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [1, 2, 3, 4, 5, 6, 10, 11].map((i) => Number(match[i] ?? 0)) as [number, number, number, number, number, number, number, number];
  const sign = match[9] === '-' ? -1 : 1;
  const millisecond = Number((match[7] ?? '0').padEnd(3, '0'));
  const calendar = new Date(Date.UTC(year, month - 1, day));
  calendar.setUTCFullYear(year); // Date.UTC reads years 0–99 as 1900–1999
  const onCalendar = calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  if (!onCalendar || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) {
    return { ok: false, problem: `"${text}" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}` };
  }
  const offset = sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  return { ok: true, value: new Date(calendar.getTime() + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond - offset) };
}
