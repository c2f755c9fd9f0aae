import type { z } from 'zod';

/**
 * Whether parsing a schema's own output again surely gives an equal value, so data the contract
 * has already parsed need not be parsed again (the handler parses a new event once, not again to
 * evolve it, nor on every replay of the in-memory store). Decided from zod 4's schema definitions
 * (`schema._zod.def`, zod 4.x as installed) by a list of kinds known to give their valid input
 * back: plain types, objects, arrays, tuples, records, discriminated unions, optional, nullable,
 * and the built-in checks that only refuse (sizes, lengths, bounds, formats). Anything else says no
 * and is parsed as before: a transform or preprocess (a `pipe`), an overwrite check (`trim`,
 * `toLowerCase`, `overwrite`), a custom check (`refine`, `superRefine`, `check` may change the
 * value), coercion, `catch`, `readonly` (freezes its output), `lazy`, `custom`/`instanceof`, a
 * default (zod 4 does not parse a default it fills in, so a second parse fills the defaults inside
 * it, or refuses it), a plain union (its first parse may pick an option the second does not), or a
 * schema not from zod 4.
 */
export function parsesToItself(schema: z.ZodType): boolean {
  let known = verdicts.get(schema);
  if (known === undefined) {
    known = stable(schema, new Set());
    verdicts.set(schema, known);
  }
  return known;
}

const verdicts = new WeakMap<object, boolean>();

interface Def {
  type?: string;
  discriminator?: string;
  checks?: readonly { _zod?: { def?: { check?: string } } }[];
  coerce?: boolean;
  shape?: Record<string, unknown>;
  catchall?: unknown;
  element?: unknown;
  items?: readonly unknown[];
  rest?: unknown;
  keyType?: unknown;
  valueType?: unknown;
  options?: readonly unknown[];
  innerType?: unknown;
}

/**
 * Built-in checks that refuse a value or let it through unchanged, on the kinds judged here (sizes
 * and MIME types belong to sets, maps and files, which are not).
 */
const REFUSING_CHECKS = new Set(['less_than', 'greater_than', 'multiple_of', 'number_format', 'max_length', 'min_length', 'length_equals', 'string_format']);

const LEAVES = new Set(['string', 'number', 'boolean', 'null', 'undefined', 'literal', 'enum', 'any', 'unknown', 'date', 'template_literal', 'never']);

function stable(schema: unknown, seen: Set<unknown>): boolean {
  // A schema inside itself (a recursive getter) says no; the same schema in two fields is judged twice.
  if (seen.has(schema)) return false;
  seen.add(schema);
  try {
    return judged(schema, seen);
  } finally {
    seen.delete(schema);
  }
}

function judged(schema: unknown, seen: Set<unknown>): boolean {
  const def = (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  if (def === undefined || typeof def.type !== 'string' || def.coerce === true) return false;
  if (def.checks?.some((check) => !REFUSING_CHECKS.has(check._zod?.def?.check ?? ''))) return false;
  const all = (schemas: readonly unknown[]) => schemas.every((inner) => stable(inner, seen));
  switch (def.type) {
    case 'object':
      return def.shape !== undefined && all(Object.values(def.shape)) && (def.catchall === undefined || all([def.catchall]));
    case 'array':
      return all([def.element]);
    case 'tuple':
      return all(def.items ?? []) && (def.rest === undefined || def.rest === null || all([def.rest]));
    case 'record':
      return all([def.keyType, def.valueType]);
    case 'union':
      // A discriminated union picks its option by a literal the output keeps, so the same one again.
      return typeof def.discriminator === 'string' && all(def.options ?? [undefined]);
    case 'optional':
    case 'nullable':
    case 'nonoptional':
      return all([def.innerType]);
    default:
      return LEAVES.has(def.type);
  }
}
