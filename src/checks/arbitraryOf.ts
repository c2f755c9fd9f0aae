import fc from 'fast-check';
import type { z } from 'zod';
import { defOf as schemaDef } from '../contracts/schemaFields';
import type { Def } from '../contracts/schemaFields';

interface CheckedDef extends Def {
  checks?: readonly { _zod: { def: Check } }[];
}

interface Check {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: unknown;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
}

function defOf(schema: z.ZodType): CheckedDef {
  return schemaDef(schema);
}

function checksOf(def: CheckedDef): Check[] {
  return (def.checks ?? []).map((c) => c._zod.def);
}

/**
 * A few readable words, so generated commands collide (the same sku added then removed) and a
 * counterexample reads well in a Gherkin table. Trimmed, non-empty, free of `|`: they survive a cell.
 */
const WORDS = ['alpha', 'bravo', 'charlie'];

/**
 * A fast-check arbitrary of values the schema accepts, for property checks. Covers the schema
 * kinds contracts use; anything else must be given as an explicit arbitrary. Refinements zod can
 * check but we cannot derive are honoured by filtering on the schema itself.
 */
export function arbitraryOf(schema: z.ZodType, where = 'schema'): fc.Arbitrary<unknown> {
  const raw = rawArbitrary(schema, where);
  return raw.filter((value) => schema.safeParse(value).success);
}

function rawArbitrary(schema: z.ZodType, where: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      const optional: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        fields[key] = rawArbitrary(field, `${where}.${key}`);
        if (isOptional(field)) optional.push(key);
      }
      const required = Object.keys(shape).filter((k) => !optional.includes(k));
      // Optional fields are left out entirely (never set to undefined), as parsed data would be.
      return fc.record(fields, { requiredKeys: required }).map(withoutUndefined);
    }
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'int':
      return numberArbitrary({ ...def, format: 'safeint' });
    case 'boolean':
      return fc.boolean();
    case 'bigint':
      return fc.bigInt({ min: -1000n, max: 1000n });
    case 'date':
      return dateArbitrary(def);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'any':
    case 'unknown':
      return fc.oneof(fc.constantFrom(...WORDS), fc.integer({ min: 0, max: 100 }), fc.boolean());
    case 'array': {
      const { min, max } = lengthBounds(checksOf(def), 0, 4);
      return fc.array(rawArbitrary(def.element as z.ZodType, `${where}[]`), { minLength: min, maxLength: max });
    }
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map((item, i) => rawArbitrary(item, `${where}[${i}]`)));
    case 'record': {
      const keys = rawArbitrary(def.keyType as z.ZodType, `${where} keys`).filter((k): k is string => typeof k === 'string');
      return fc.dictionary(keys, rawArbitrary(def.valueType as z.ZodType, `${where} values`), { maxKeys: 3 });
    }
    case 'optional':
      return fc.option(rawArbitrary(def.innerType as z.ZodType, where), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(rawArbitrary(def.innerType as z.ZodType, where), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
      // Absent is the interesting case: the default fills it in.
      return fc.option(rawArbitrary(def.innerType as z.ZodType, where), { nil: undefined, freq: 2 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => rawArbitrary(option, where)));
    case 'pipe':
      return rawArbitrary(def.in as z.ZodType, where);
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return rawArbitrary(def.innerType as z.ZodType, where);
    case 'lazy':
      return fc.constant(null).chain(() => rawArbitrary((def.getter as () => z.ZodType)(), where));
    default:
      throw new TypeError(
        `${where}: cannot derive test data for a zod ${def.type} schema; give an arbitrary for it (checks: { arbitraries: { Name: fc... } })`,
      );
  }
}

function isOptional(schema: z.ZodType): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default' || type === 'prefault';
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out;
}

function lengthBounds(checks: Check[], min: number, max: number): { min: number; max: number } {
  let lo = min;
  let hi: number | undefined;
  for (const c of checks) {
    if (c.check === 'min_length' && typeof c.minimum === 'number') lo = Math.max(lo, c.minimum);
    if (c.check === 'max_length' && typeof c.maximum === 'number') hi = Math.min(hi ?? Infinity, c.maximum);
    if (c.check === 'length_equals' && typeof c.length === 'number') lo = hi = c.length;
  }
  return { min: lo, max: hi ?? Math.max(lo, max) };
}

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const format = def.format ?? checks.find((c) => c.check === 'string_format' && c.format !== 'regex')?.format;
  switch (format) {
    case 'email':
      return fc.constantFrom('alice@example.com', 'bob@example.com', 'carol@example.org');
    case 'uuid':
    case 'guid':
      return fc.uuid({ version: 4 });
    case 'url':
      return fc.constantFrom('https://example.com', 'https://example.org/a', 'http://localhost:8080/b');
    case 'datetime':
      return isoDate().map((d) => d.toISOString());
    case 'date':
      return isoDate().map((d) => d.toISOString().slice(0, 10));
    case 'time':
      return fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}:00`);
    case 'cuid':
    case 'cuid2':
    case 'nanoid':
    case 'ulid':
      return fc.ulid().map((u) => u.toLowerCase());
    default:
      break;
  }
  const regex = [...checks.filter((c) => c.pattern instanceof RegExp).map((c) => c.pattern!), ...(def.pattern instanceof RegExp ? [def.pattern] : [])][0];
  if (regex) return fc.stringMatching(regex).filter(fitsCell);
  const { min, max } = lengthBounds(checks, 1, 12);
  const words = WORDS.filter((w) => w.length >= min && w.length <= max);
  const free = fc
    .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: Math.max(min, 1), maxLength: Math.max(max, 1) })
    .filter(fitsCell);
  if (min === 0 && max === 0) return fc.constant('');
  return words.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: free }) : free;
}

/** A value that a Gherkin cell gives back unchanged: cells are trimmed and an empty one means "absent". */
function fitsCell(text: string): boolean {
  return text.length > 0 && text.trim() === text;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(): fc.Arbitrary<Date> {
  // Whole minutes in a few years around now: readable, and exact through JSON and tables.
  const from = Date.UTC(2024, 0, 1) / 60000;
  const to = Date.UTC(2027, 0, 1) / 60000;
  return fc.integer({ min: from, max: to }).map((minutes) => new Date(minutes * 60000));
}

function dateArbitrary(def: Def): fc.Arbitrary<Date> {
  let min: number | undefined;
  let max: number | undefined;
  for (const c of checksOf(def)) {
    const at = c.value instanceof Date ? c.value.getTime() : typeof c.value === 'number' ? c.value : undefined;
    if (at === undefined) continue;
    if (c.check === 'greater_than') min = at + (c.inclusive ? 0 : 1);
    if (c.check === 'less_than') max = at - (c.inclusive ? 0 : 1);
  }
  if (min === undefined && max === undefined) return isoDate();
  return fc.date({ min: new Date(min ?? (max ?? 0) - 3 * 365 * 86400000), max: new Date(max ?? (min ?? 0) + 3 * 365 * 86400000), noInvalidDate: true });
}

/**
 * Numbers a product owner would write: whole numbers, or amounts with two decimals (20, 20.5),
 * within the schema's bounds (−1000…1000 when it has none).
 */
function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const whole = def.format === 'safeint' || def.format === 'int32' || def.format === 'uint32' ||
    checks.some((c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32' || c.format === 'uint32'));
  let lo = -1000;
  let hi = 1000;
  let loExclusive = false;
  let hiExclusive = false;
  let step: number | undefined;
  for (const c of checks) {
    if (typeof c.value !== 'number') continue;
    if (c.check === 'greater_than') {
      lo = c.value;
      loExclusive = !c.inclusive;
      if (hi < lo) hi = lo + 1000;
    }
    if (c.check === 'less_than') {
      hi = c.value;
      hiExclusive = !c.inclusive;
      if (lo > hi) lo = hi - 1000;
    }
    if (c.check === 'multiple_of') step = c.value;
  }
  const inRange = (n: number) => (loExclusive ? n > lo : n >= lo) && (hiExclusive ? n < hi : n <= hi);
  if (step !== undefined) {
    const s = step;
    const first = Math.ceil(lo / s);
    const last = Math.floor(hi / s);
    return fc.integer({ min: first, max: Math.max(first, last) }).map((k) => round(k * s)).filter((n) => inRange(n));
  }
  const ints = fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) }).filter(inRange);
  if (whole) return ints;
  const cents = fc.integer({ min: Math.ceil(lo * 100), max: Math.floor(hi * 100) }).map((c) => c / 100).filter(inRange);
  return fc.oneof({ weight: 3, arbitrary: ints }, { weight: 1, arbitrary: cents });

  function round(n: number): number {
    return Math.round(n * 1e9) / 1e9;
  }
}
