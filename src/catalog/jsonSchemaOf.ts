import { z } from 'zod';

/** A JSON Schema object as zod emits it; kept loose because it is data we only pass on. */
export type JsonSchema = Record<string, unknown>;

export interface ConvertedSchema {
  /** The schema itself, its internal references pointing into the catalog's `$defs`. */
  schema: JsonSchema;
  /** Sub-schemas zod extracted (registry ids, shared or recursive parts), keyed by catalog `$defs` name. */
  defs: Record<string, JsonSchema>;
  /** Paths of parts with no JSON Schema equivalent (transforms, bigints…), accepted as any value. */
  unrepresentable: string[];
}

/**
 * Converts one zod schema with zod's own converter, as the `$defs` entry `key` of a larger document.
 * zod writes `#` and `#/$defs/<name>` relative to a standalone document; here those become
 * `#/$defs/<key>` and `#/$defs/<key>.<name>` so the schema keeps working inside the catalog.
 *
 * `io` matters: stored events are zod's *output* (defaults filled, unknown keys stripped), while a
 * command is sent as *input* (defaults may be left out).
 */
export function jsonSchemaOf(schema: z.ZodType, key: string, io: 'input' | 'output'): ConvertedSchema {
  const unrepresentable: string[] = [];
  const converted = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: ({ zodSchema, path }) => {
      const type = zodSchema._zod.def.type;
      // A Date travels through JSON as its ISO string, which is what a consumer of the catalog sees.
      if (type === 'date') return { type: 'string', format: 'date-time' };
      unrepresentable.push(`${pointerOf(path)} (${type})`);
      return { $comment: `zod ${type}: no JSON Schema equivalent, so any value is accepted here` };
    },
  }) as JsonSchema;
  const { $schema: _dialect, $defs: inner, ...body } = converted;
  const names = Object.keys((inner as Record<string, JsonSchema> | undefined) ?? {});
  const rename = (ref: string): string => {
    if (ref === '#') return `#/$defs/${escape(key)}`;
    const name = names.find((n) => ref === `#/$defs/${escape(n)}`);
    return name === undefined ? ref : `#/$defs/${escape(`${key}.${name}`)}`;
  };
  const defs: Record<string, JsonSchema> = {};
  for (const name of names) {
    defs[`${key}.${name}`] = rewriteRefs((inner as Record<string, JsonSchema>)[name], rename) as JsonSchema;
  }
  return { schema: rewriteRefs(body, rename) as JsonSchema, defs, unrepresentable };
}

function rewriteRefs(value: unknown, rename: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, rename));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === '$ref' && typeof v === 'string' ? rename(v) : rewriteRefs(v, rename);
  }
  return out;
}

/** JSON Pointer escaping of one reference token (RFC 6901). */
function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function pointerOf(path: readonly (string | number)[]): string {
  return `/${path.map((p) => escape(String(p))).join('/')}`;
}
