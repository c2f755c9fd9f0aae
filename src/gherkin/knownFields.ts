import type { z } from 'zod';
import { fieldPaths, fieldSchema } from '../contracts/schemaFields';

// A suite's tables name the same few types in every scenario: each schema is walked once.
const fieldSets = new WeakMap<z.ZodType, ReadonlySet<string>>();
const fieldTypes = new WeakMap<z.ZodType, Map<string, z.ZodType | undefined>>();

/** Every field a table may name for this schema (dotted for nested objects). */
export function knownFields(schema: z.ZodType): ReadonlySet<string> {
  let fields = fieldSets.get(schema);
  if (!fields) {
    fields = new Set(fieldPaths(schema));
    fieldSets.set(schema, fields);
  }
  return fields;
}

/** The schema of one (dotted) field, or undefined when the schema has no such field. */
export function fieldTypeOf(schema: z.ZodType, path: string): z.ZodType | undefined {
  let types = fieldTypes.get(schema);
  if (!types) {
    types = new Map();
    fieldTypes.set(schema, types);
  }
  if (types.has(path)) return types.get(path);
  const type = fieldSchema(schema, path);
  types.set(path, type);
  return type;
}
