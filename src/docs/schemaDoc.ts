import { z } from 'zod';
import type { FieldDoc, SchemaDoc } from './docsData';

type Json = Record<string, unknown>;

/**
 * A contract's schema as a field list a product owner can read (dotted paths for nested fields,
 * as in feature tables) plus the JSON Schema itself, both from zod's own converter.
 */
export function schemaDoc(schema: z.ZodType): SchemaDoc {
  let jsonSchema: Json;
  try {
    // input side: what a scenario or a caller has to provide (fields with defaults are optional)
    // A Date is written in a table (and travels in JSON) as its ISO text, as the catalog says too.
    jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: ({ zodSchema }) => (zodSchema._zod.def.type === 'date' ? { type: 'string', format: 'date-time' } : {}) }) as Json;
  } catch (error) {
    return { fields: [], jsonSchema: null, problem: `zod could not describe this schema as JSON Schema: ${(error as Error).message}` };
  }
  const fields: FieldDoc[] = [];
  collect(jsonSchema, '', true, fields, jsonSchema, 0);
  return { fields, jsonSchema };
}

function collect(node: Json, path: string, required: boolean, out: FieldDoc[], root: Json, depth: number): void {
  const resolved = resolveRef(node, root);
  const properties = resolved.properties as Record<string, Json> | undefined;
  if (resolved.type === 'object' && properties && depth < 6) {
    const requiredKeys = new Set((resolved.required as string[] | undefined) ?? []);
    for (const [key, child] of Object.entries(properties)) {
      collect(child, path ? `${path}.${key}` : key, requiredKeys.has(key), out, root, depth + 1);
    }
    return;
  }
  if (path === '') return;
  out.push({
    path,
    type: typeName(resolved, root),
    required,
    ...(typeof resolved.description === 'string' ? { description: resolved.description } : {}),
    ...('default' in resolved ? { default: resolved.default } : {}),
  });
}

function resolveRef(node: Json, root: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let current: unknown = root;
  for (const part of ref.slice(2).split('/')) current = (current as Json | undefined)?.[part];
  return (current as Json | undefined) ?? node;
}

const FORMATS: Record<string, string> = {
  'date-time': 'date and time (like 2025-03-01T10:00:00Z)',
  date: 'date (like 2025-03-01)',
  time: 'time of day (like 10:30:00)',
  email: 'email address',
  uri: 'web address',
  uuid: 'UUID',
};

let formatOfPatternCache: Map<string, string> | undefined;

/**
 * zod writes a format's own regular expression as a pattern, and when a schema adds a `.regex()` of
 * its author's it drops `format` and lists every pattern under `allOf`: the format is then told
 * by its pattern. The table comes from this zod itself, so the patterns are its exact text.
 */
function formatOfPattern(): Map<string, string> {
  if (formatOfPatternCache) return formatOfPatternCache;
  const known: [string, z.ZodType][] = [['date-time', z.iso.datetime()], ['date', z.iso.date()], ['time', z.iso.time()], ['email', z.email()], ['uuid', z.uuid()], ['uuid', z.guid()]];
  formatOfPatternCache = new Map();
  for (const [format, schema] of known) {
    const pattern = (z.toJSONSchema(schema) as Json).pattern;
    if (typeof pattern === 'string') formatOfPatternCache.set(pattern, format);
  }
  return formatOfPatternCache;
}

function typeName(node: Json, root: Json): string {
  const n = resolveRef(node, root);
  if (Array.isArray(n.enum)) return `one of ${n.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if ('const' in n) return `exactly ${JSON.stringify(n.const)}`;
  const options = (n.anyOf ?? n.oneOf) as Json[] | undefined;
  if (Array.isArray(options)) return options.map((o) => typeName(o, root)).join(' or ');
  let base: string;
  if (Array.isArray(n.type)) base = n.type.join(' or ');
  else if (n.type === 'array') base = `list of ${n.items && typeof n.items === 'object' ? typeName(n.items as Json, root) : 'anything'}`;
  else if (n.type === 'object') base = n.additionalProperties && typeof n.additionalProperties === 'object' ? `map of ${typeName(n.additionalProperties as Json, root)}` : 'object';
  else if (n.type === 'integer') base = 'whole number';
  else if (typeof n.type === 'string') base = n.type;
  else base = 'anything';
  // A known format is the type a reader knows (its regex says nothing more to them); an author's
  // own patterns beside it are rules the reader needs.
  const patterns = [n.pattern, ...(Array.isArray(n.allOf) ? (n.allOf as Json[]).map((part) => part.pattern) : [])].filter((p): p is string => typeof p === 'string');
  const formatName = typeof n.format === 'string' ? n.format : patterns.map((p) => formatOfPattern().get(p)).find((f) => f !== undefined);
  const format = formatName === undefined ? undefined : FORMATS[formatName];
  if (n.type === 'string' && format !== undefined) base = format;
  const notes: string[] = [];
  if (formatName !== undefined && format === undefined) notes.push(formatName);
  // zod states the safe-integer range on every int; it says nothing to a reader
  const bound = (v: unknown): v is number => typeof v === 'number' && Math.abs(v) < Number.MAX_SAFE_INTEGER;
  if (bound(n.minimum)) notes.push(`≥ ${n.minimum}`);
  if (bound(n.exclusiveMinimum)) notes.push(`> ${n.exclusiveMinimum}`);
  if (bound(n.maximum)) notes.push(`≤ ${n.maximum}`);
  if (bound(n.exclusiveMaximum)) notes.push(`< ${n.exclusiveMaximum}`);
  if (typeof n.minLength === 'number' && n.minLength > 0) notes.push(`at least ${n.minLength} character${n.minLength === 1 ? '' : 's'}`);
  if (typeof n.maxLength === 'number') notes.push(`at most ${n.maxLength} characters`);
  for (const pattern of patterns) {
    // The format's own expression: by zod's text, or the one beside `format` at the same level.
    if (format !== undefined && (formatOfPattern().has(pattern) || pattern === n.pattern)) continue;
    notes.push(`matching ${pattern}`);
  }
  if (notes.length === 0) return base;
  // A format's own example already opened parentheses: the notes join it.
  return base.endsWith(')') ? `${base.slice(0, -1)}; ${notes.join(', ')})` : `${base} (${notes.join(', ')})`;
}
