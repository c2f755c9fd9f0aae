import type { z } from 'zod';
import { objectShape } from '../contracts/schemaFields';
import { tableText } from '../testing/tableText';

export { cellText } from '../testing/tableText';

/**
 * Data as table fields: nested objects become dotted columns (`address.city`), absent fields are
 * left out, everything else is one cell. With a schema, only object schemas are opened up (a
 * record or union stays one JSON cell); without one, every plain object is.
 */
export function tableFields(value: unknown, schema?: z.ZodType, prefix = ''): [string, unknown][] {
  const shape = schema ? objectShape(schema) : undefined;
  const open = isPlainObject(value) && Object.keys(value).length > 0 && (schema ? shape !== undefined : true) && prefix.split('.').length < 6;
  // Data with no fields at all (`{}`) states nothing: a table cannot have a nameless column.
  if (!open) return value === undefined || (prefix === '' && isPlainObject(value) && Object.keys(value).length === 0) ? [] : [[prefix, value]];
  const out: [string, unknown][] = [];
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (field === undefined) continue;
    out.push(...tableFields(field, shape?.[key], prefix ? `${prefix}.${key}` : key));
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Rows of cells as an aligned Gherkin table, one line each. */
export function renderTable(rows: readonly (readonly string[])[], indent: string): string[] {
  return tableText(rows, indent).split('\n');
}

/** The longest prefix of a dotted path that a table can name: object fields only, per the schema. */
export function tablePath(schema: z.ZodType, path: string): string {
  const keys = path.split('.');
  const kept: string[] = [];
  let current: z.ZodType | undefined = schema;
  for (const key of keys) {
    const shape: Record<string, z.ZodType> | undefined = current ? objectShape(current) : undefined;
    if (!shape || !(key in shape)) break;
    kept.push(key);
    current = shape[key];
  }
  return kept.length > 0 ? kept.join('.') : keys[0]!;
}

/** The schema of the object field at a dotted path, if the path runs through object schemas. */
export function schemaAt(schema: z.ZodType, path: string): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path.split('.')) current = current ? objectShape(current)?.[key] : undefined;
  return current;
}
