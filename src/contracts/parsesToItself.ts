import type { z } from 'zod';

/**
 * Whether parsing a schema's own output again surely gives an equal value, so data the contract
 * has already parsed need not be parsed again (the handler parses a new event once, not again to
 * evolve it, nor on every replay of the in-memory store). Decided from zod 4's schema definitions
 * (`schema._zod.def`, zod 4.x as installed) by a list of kinds known to give their valid input
 * back: plain types, objects, arrays, tuples, records, unions, optional, nullable, defaults, and
 * checks that only refuse. Anything else says no and is parsed as before: a transform or
 * preprocess (a `pipe`), an overwrite check (`trim`, `toLowerCase`, `overwrite`), coercion,
 * `catch`, `readonly` (freezes its output), `lazy`, `custom`/`instanceof`, or a schema not from zod 4.
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

const LEAVES = new Set(['string', 'number', 'boolean', 'null', 'undefined', 'literal', 'enum', 'any', 'unknown', 'date', 'template_literal', 'never']);

function stable(schema: unknown, seen: Set<unknown>): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  const def = (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  if (def === undefined || typeof def.type !== 'string' || def.coerce === true) return false;
  if (def.checks?.some((check) => check._zod?.def?.check === 'overwrite')) return false;
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
      return all(def.options ?? [undefined]);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
      return all([def.innerType]);
    default:
      return LEAVES.has(def.type);
  }
}
