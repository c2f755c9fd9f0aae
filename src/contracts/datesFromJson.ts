import type { z } from 'zod';
import { readTime } from '../core/readTime';
import { defOf, unwrap } from './schemaFields';

export type DatesFromJson = { ok: true; value: unknown } | { ok: false; path: string; problem: string };

/**
 * JSON has no dates: where the schema asks for a Date (`z.date()`), the ISO text JSON carries is
 * read as one, by the same rule a table cell is (`readTime`: 2025-03-01 or 2025-03-01T10:00:00Z,
 * never `new Date`'s guesses). A field whose text is not such a time is told with its path. Anything
 * else is left to the schema, unions too (which option is meant is not guessed); the data is not changed.
 */
export function datesFromJson(schema: z.ZodType, data: unknown, path = ''): DatesFromJson {
  const inner = unwrap(schema).schema;
  const def = defOf(inner);
  if (def.type === 'date') {
    if (typeof data !== 'string') return { ok: true, value: data };
    const read = readTime(data);
    return read.ok ? { ok: true, value: read.value } : { ok: false, path: path.slice(0, -1), problem: read.problem };
  }
  if (def.type === 'array' && def.element && Array.isArray(data)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < data.length; i++) {
      const item = datesFromJson(def.element, data[i], `${path}${i}.`);
      if (!item.ok) return item;
      if (item.value !== data[i]) (copy ??= [...data])[i] = item.value;
    }
    return { ok: true, value: copy ?? data };
  }
  const shape = def.type === 'object' ? def.shape : undefined;
  const values = def.type === 'record' ? def.valueType : undefined;
  if ((!shape && !values) || data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: true, value: data };
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(data)) {
    const field = shape ? (Object.hasOwn(shape, key) ? shape[key] : undefined) : values;
    if (field === undefined) continue;
    const read = datesFromJson(field, value, `${path}${key}.`);
    if (!read.ok) return read;
    if (read.value !== value) (copy ??= { ...(data as Record<string, unknown>) })[key] = read.value;
  }
  return { ok: true, value: copy ?? data };
}
