import type { z } from 'zod';

interface Def {
  type: string;
  [key: string]: unknown;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/**
 * A value written so the step library's table coercion reads it back: numbers plain (20, 20.5),
 * booleans true/false, strings as they are, dates in ISO form, JSON for arrays and objects, and an
 * empty cell for an absent field. `|`, `\` and newlines are escaped as Gherkin requires.
 */
export function cellText(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return escapeCell(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  return escapeCell(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '\\n');
}

/**
 * Data as table fields: nested objects become dotted columns (`address.city`), absent fields are
 * left out, everything else is one cell. With a schema, only object schemas are opened up (a
 * record or union stays one JSON cell); without one, every plain object is.
 */
export function tableFields(value: unknown, schema?: z.ZodType, prefix = ''): [string, unknown][] {
  const shape = schema ? objectShape(schema) : undefined;
  const open = isPlainObject(value) && Object.keys(value).length > 0 && (schema ? shape !== undefined : true) && prefix.split('.').length < 6;
  if (!open) return value === undefined ? [] : [[prefix, value]];
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

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return def.shape as Record<string, z.ZodType>;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return objectShape(def.innerType as z.ZodType);
    case 'pipe':
      return objectShape(def.in as z.ZodType);
    default:
      return undefined;
  }
}

/** Rows of cells as an aligned Gherkin table, each line indented. */
export function renderTable(rows: readonly (readonly string[])[], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => `${indent}| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`);
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
