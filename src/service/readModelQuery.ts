import type { z } from 'zod';
import { fieldPaths, fieldSchema } from '../contracts/schemaFields';
import { EventspecError } from '../core/errors';
import { didYouMean } from '../core/suggest';
import { coerceCell } from '../gherkin/coerceCell';

export interface ReadModelQuery {
  filter: Record<string, unknown>;
  limit?: number;
  after?: string;
}

/** `filter[total]=12`: a filter on `total` whatever its name, so a field called `limit` or `after` can be filtered too. */
const BRACKETED = /^filter\[(.+)\]$/;

/**
 * The query of `GET /read-models/{ReadModel}`: `limit` and `after` page, every other parameter
 * (or `filter[<field>]`) is a field's value, read by the field's type. Throws what to fix.
 */
export function readModelQuery(readModel: string, schema: z.ZodType, query: Record<string, string | string[] | undefined>): ReadModelQuery {
  const result: ReadModelQuery = { filter: {} };
  const known = fieldPaths(schema);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      throw new EventspecError(key === 'after' ? 'after= is given more than once; give the one id the page starts after (the next of the previous page)' : `${key}= is given more than once; give it one value`);
    }
    if (key === 'limit') {
      if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > 1000) {
        const field = fieldSchema(schema, 'limit') ? `; to filter the ${readModel} field \`limit\`, write filter[limit]=` : '';
        throw new EventspecError(`limit=${JSON.stringify(value)} must be a whole number from 1 to 1000${field}`);
      }
      result.limit = Number(value);
      continue;
    }
    if (key === 'after') {
      result.after = value;
      continue;
    }
    const field = BRACKETED.exec(key)?.[1] ?? key;
    if (field in result.filter) throw new EventspecError(`${field} is filtered twice (as ${field}= and filter[${field}]=); give it one value`);
    const fieldType = fieldSchema(schema, field);
    if (!fieldType) throw new EventspecError(`the ${readModel} read model has no field \`${field}\`${didYouMean(field, known)}`);
    const coerced = coerceCell(fieldType, value);
    if (!coerced.ok) throw new EventspecError(`${field}: ${coerced.problem}`);
    result.filter[field] = coerced.value;
  }
  return result;
}
