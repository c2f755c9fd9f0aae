import type { z } from 'zod';
import { defOf, unwrap } from './schemaFields';

/** A field the data has and its schema does not: zod would drop it without a word. */
export interface UnknownField {
  /** Dotted path of the field, e.g. `address.zpi` or `lines.0.skuu`. */
  readonly path: string;
  readonly name: string;
  /** The fields the schema has at that place. */
  readonly known: readonly string[];
}

/**
 * The fields of `data` that an object schema (at any depth, through arrays and optional wrappers)
 * does not declare. A loose or catch-all object accepts anything, a strict one refuses on its own,
 * and unions are not guessed at: all three are left to zod.
 */
export function unknownFields(schema: z.ZodType, data: unknown, path = ''): UnknownField[] {
  const inner = unwrap(schema).schema;
  const def = defOf(inner);
  if (def.type === 'array' && def.element && Array.isArray(data)) {
    return data.flatMap((item, i) => unknownFields(def.element!, item, `${path}${i}.`));
  }
  if (def.type !== 'object' || !def.shape || def.catchall !== undefined) return [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const shape = def.shape;
  const found: UnknownField[] = [];
  for (const key of Object.keys(data)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (field === undefined) found.push({ path: `${path}${key}`, name: key, known: Object.keys(shape) });
    else found.push(...unknownFields(field, (data as Record<string, unknown>)[key], `${path}${key}.`));
  }
  return found;
}
