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
