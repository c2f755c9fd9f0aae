import type { z } from 'zod';

/** True when a value surely has the schema's shape; false when it may not (zod then decides, and says why). */
export type QuickCheck = (value: unknown) => boolean;

type Def = { type: string; shape?: Record<string, z.ZodType>; catchall?: unknown; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; entries?: Record<string, unknown>; checks?: unknown[] };

const never: QuickCheck = () => false;

/**
 * A check of a zod schema's shape that allocates nothing, for the kinds a message stream uses:
 * objects, arrays, strings, numbers, booleans, optional fields, enums, unions. zod's own parse
 * copies every object it checks (most of the time the shape check took, on a 165 MB stream); this
 * answers the common case, a valid message. Anything it cannot judge exactly (a refinement, a
 * check on a string, a strict object) is "maybe not", so zod still has the last word. `known` gives
 * the checks of custom schemas.
 */
export function quickCheckOf(schema: z.ZodType, known: ReadonlyMap<z.ZodType, QuickCheck> = new Map()): QuickCheck {
  const given = known.get(schema);
  if (given) return given;
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  if (def.checks !== undefined && def.checks.length > 0) return never;
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'optional': {
      const inner = quickCheckOf(def.innerType!, known);
      return (v) => v === undefined || inner(v);
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries!));
      return (v) => values.has(v);
    }
    case 'array': {
      const element = quickCheckOf(def.element!, known);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (const item of v) if (!element(item)) return false;
        return true;
      };
    }
    case 'union': {
      const options = def.options!.map((o) => quickCheckOf(o, known));
      return (v) => options.some((o) => o(v));
    }
    case 'object': {
      if (def.catchall !== undefined) return never;
      const fields = Object.entries(def.shape!).map(([key, field]) => [key, quickCheckOf(field, known)] as const);
      return (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
        for (const [key, check] of fields) if (!check((v as Record<string, unknown>)[key])) return false;
        return true;
      };
    }
    default:
      return never;
  }
}
