// Internal: not re-exported from core/index, it is a speed detail of the stores and the handler.
let lastTime = NaN;
let lastIso = '';

/**
 * `date.toISOString()`, remembering the last answer: formatting costs ~0.4 µs, and a busy
 * handler stamps thousands of events within the same millisecond. Invalid dates throw as before.
 */
export function isoTime(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    lastIso = date.toISOString();
    lastTime = time;
  }
  return lastIso;
}

// A date, a time to the second (fractions allowed) and a zone: what toISOString and RFC 3339 write.
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Whether `text` is a time as events carry it: RFC 3339 with a zone, and a real date and time
 * (Date.parse reads 2025-02-30 as March 2nd). Loads "as of" a time and process deadlines read it
 * with Date.parse; text it cannot read would silently drop the event from those, so the stores
 * refuse it on append.
 */
export function isIsoTimeText(text: string): boolean {
  if (text === lastIso) return true;
  const parts = ISO_TIME.exec(text);
  if (parts === null) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  // Day 0 of the next month is this month's last (setUTCFullYear, unlike Date.UTC, takes years 0–99 as given).
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  const daysInMonth = last.getUTCDate();
  const offsetOk = parts[7] === undefined || (Number(parts[7]) <= 23 && Number(parts[8]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59 && offsetOk;
}
