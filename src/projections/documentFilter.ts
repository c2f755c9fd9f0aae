import { isDeepStrictEqual } from 'node:util';
import { EventspecError } from '../core/errors';
import { valueAtPath } from '../core/valueAtPath';
import type { ReadModelFilter } from './readModelStore';

/** Splits `a.b.c`; empty segments are refused so a typo cannot silently match nothing. */
export function filterPath(key: string): string[] {
  const segments = key.split('.');
  if (segments.some((s) => s.length === 0)) {
    throw new EventspecError(`read-model filter field "${key}" has an empty segment; write nested fields like address.city`);
  }
  return segments;
}


/** True when every field of the filter equals the document's value there (deep, strict: 1 ≠ "1"). */
export function matchesFilter(doc: unknown, filter: ReadModelFilter): boolean {
  for (const [key, expected] of Object.entries(filter)) {
    if (!isDeepStrictEqual(valueAtPath(doc, filterPath(key)), expected)) return false;
  }
  return true;
}
