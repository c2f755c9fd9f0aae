import type { z } from 'zod';

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string;
}

export function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under optional/nullable/default/pipe wrappers: what a cell must become. */
export function unwrap(schema: z.ZodType): { schema: z.ZodType; nullable: boolean } {
  let current = schema;
  let nullable = false;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'nullable') nullable = true;
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy') current = (current as unknown as { _zod: { innerType: z.ZodType } })._zod.innerType;
    else return { schema: current, nullable };
  }
}

/** The schema of a dotted field inside an object schema, or undefined when there is no such field. */
export function fieldSchema(root: z.ZodType, path: string): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const key of path.split('.')) {
    if (!current) return undefined;
    const def = defOf(unwrap(current).schema);
    if (def.type === 'object') current = def.shape![key];
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
  }
  return current;
}

/** Every field a table may name, dotted for nested objects (for did-you-mean and for docs). */
export function fieldPaths(root: z.ZodType, prefix = ''): string[] {
  const def = defOf(unwrap(root).schema);
  if (def.type !== 'object') return [];
  return Object.entries(def.shape!).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(inner, path)];
  });
}
