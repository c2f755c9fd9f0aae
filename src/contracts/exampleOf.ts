import type { z } from 'zod';

interface Def {
  type: string;
  [key: string]: unknown;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/**
 * A plausible value for a schema, used when a scenario names an event or command without
 * giving its fields. Meta `examples` win; otherwise the simplest valid value of each type.
 */
export function exampleOf(schema: z.ZodType): unknown {
  const meta = (schema as { meta?: () => { examples?: unknown } | undefined }).meta?.();
  if (meta?.examples !== undefined) {
    const examples = meta.examples;
    return Array.isArray(examples) ? examples[0] : Object.values(examples as object)[0];
  }
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        if (defOf(field).type === 'optional') continue;
        out[key] = exampleOf(field);
      }
      return out;
    }
    case 'string':
      return stringExample(def);
    case 'number':
    case 'int':
      return numberExample(schema);
    case 'bigint':
      return 0n;
    case 'boolean':
      return false;
    case 'date':
      return new Date('2025-01-01T00:00:00.000Z');
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array':
      return [];
    case 'record':
    case 'map':
      return {};
    case 'nullable':
      return null;
    case 'optional':
      return undefined;
    case 'default':
      return typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
    case 'union':
      return exampleOf((def.options as z.ZodType[])[0]!);
    case 'pipe':
      return exampleOf(def.in as z.ZodType);
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return exampleOf(def.innerType as z.ZodType);
    default:
      return null;
  }
}

function stringExample(def: Def): string {
  switch (def.format) {
    case 'datetime':
      return '2025-01-01T00:00:00.000Z';
    case 'date':
      return '2025-01-01';
    case 'email':
      return 'someone@example.com';
    case 'uuid':
    case 'guid':
      return '00000000-0000-4000-8000-000000000000';
    case 'url':
      return 'https://example.com';
    default:
      return 'example';
  }
}

/** The simplest number the schema's checks accept: 0 when allowed, else its minimum, else just above it. */
function numberExample(schema: z.ZodType): number {
  const min = (schema as { minValue?: number | null }).minValue;
  const floor = typeof min === 'number' && Number.isFinite(min) ? min : 0;
  const candidates = [0, floor, Math.ceil(floor), Math.floor(floor) + 1, floor + 0.01, 1];
  return candidates.find((n) => schema.safeParse(n).success) ?? floor;
}
