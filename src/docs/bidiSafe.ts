/**
 * Bidirectional controls in a name (U+202E and its kin) would reorder what a reader sees (a name
 * ending `U+202E txt.exe` reads as ending `exe.txt`): the site shows their codes (`\u202E`)
 * instead. Applied to every string of the page's data, keys included, so every name the site shows
 * is covered and links built from names still meet the names they point at.
 */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const HAS_BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export function bidiSafeText(text: string): string {
  return HAS_BIDI.test(text) ? text.replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`) : text;
}

/** A copy of plain JSON data with every string and key made bidi-safe (the same value where none had any). */
export function bidiSafe<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return bidiSafeText(value);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const safe = walk(item);
      changed ||= safe !== item;
      return safe;
    });
    return changed ? out : value;
  }
  if (value === null || typeof value !== 'object') return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key in source) {
    if (!Object.hasOwn(source, key)) continue;
    const item = source[key];
    const safeKey = bidiSafeText(key);
    const safe = walk(item);
    changed ||= safe !== item || safeKey !== key;
    out[safeKey] = safe;
  }
  return changed ? out : value;
}
