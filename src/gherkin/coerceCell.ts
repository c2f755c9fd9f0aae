import { jsonProblem } from '../core/jsonProblem';
import { readTime } from '../core/readTime';
import type { z } from 'zod';
import { closest } from '../core/suggest';
import { defOf, unwrap } from '../contracts/schemaFields';

export type Coerced = { ok: true; value: unknown } | { ok: false; problem: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TRUE = new Set(['true', 'yes', 'y']);
const FALSE = new Set(['false', 'no', 'n']);

/**
 * Reads a table cell as the schema's type: numbers, booleans, dates, enums, literals, and JSON for
 * the rest. An empty cell means "not given". Problems are phrased for the person who wrote the cell.
 */
export function coerceCell(schema: z.ZodType | undefined, text: string): Coerced {
  const cell = text.trim();
  if (cell === '') return { ok: true, value: undefined };
  if (!schema) return { ok: true, value: guess(cell) };
  const { schema: leaf, nullable } = unwrap(schema);
  if (cell === 'null' && nullable) return { ok: true, value: null };
  const def = defOf(leaf);
  switch (def.type) {
    case 'string':
      return { ok: true, value: text };
    case 'number':
    case 'int':
      return NUMBER.test(cell.replace(/_/g, ''))
        ? { ok: true, value: Number(cell.replace(/_/g, '')) }
        : { ok: false, problem: `"${cell}" is not a number; write it like 20 or 20.00 (a dot for decimals, no currency sign)` };
    case 'bigint':
      return /^[+-]?\d+$/.test(cell) ? { ok: true, value: BigInt(cell) } : { ok: false, problem: `"${cell}" is not a whole number` };
    case 'boolean': {
      const lower = cell.toLowerCase();
      if (TRUE.has(lower)) return { ok: true, value: true };
      if (FALSE.has(lower)) return { ok: true, value: false };
      return { ok: false, problem: `"${cell}" is not true or false` };
    }
    case 'date': {
      const read = readTime(cell);
      return read.ok ? { ok: true, value: read.value } : { ok: false, problem: read.problem };
    }
    case 'enum': {
      const options = Object.values(def.entries!);
      const exact = options.find((o) => String(o) === cell);
      if (exact !== undefined) return { ok: true, value: exact };
      const loose = options.find((o) => String(o).toLowerCase() === cell.toLowerCase());
      if (loose !== undefined) return { ok: true, value: loose };
      const guessed = closest(cell, options.map(String));
      const list = options.map((o) => `"${String(o)}"`).join(', ');
      return { ok: false, problem: `"${cell}" is not one of ${list}${guessed ? ` — did you mean "${guessed}"?` : ''}` };
    }
    case 'literal': {
      const match = def.values!.find((v) => String(v) === cell);
      return match !== undefined ? { ok: true, value: match } : { ok: false, problem: `"${cell}" must be ${def.values!.map((v) => `"${String(v)}"`).join(' or ')}` };
    }
    case 'union': {
      for (const option of def.options!) {
        const attempt = coerceCell(option, text);
        if (attempt.ok && option.safeParse(attempt.value).success) return attempt;
      }
      return { ok: true, value: guess(cell) };
    }
    case 'array':
      return json(cell) ?? splitList(cell, def.element!);
    default:
      return json(cell) ?? { ok: true, value: cell };
  }
}

function json(cell: string): Coerced | undefined {
  if (!/^[[{"]/.test(cell) && !/^(true|false|null|-?\d)/.test(cell)) return undefined;
  try {
    return { ok: true, value: JSON.parse(cell) };
  } catch (error) {
    return cell.startsWith('[') || cell.startsWith('{')
      ? { ok: false, problem: `"${cell}" starts like JSON but is not valid JSON (${jsonProblem(error, cell)}); write a list as red, green (or as JSON: ["red", "green"]), an object as JSON: {"field": "value"}` }
      : undefined;
  }
}

/** `red, green` for a list of simple values: friendlier than JSON in a table. */
function splitList(cell: string, element: z.ZodType): Coerced {
  const values: unknown[] = [];
  const parts = cell.split(',');
  for (const [i, part] of parts.entries()) {
    // An empty cell means "not given"; an empty item in a list is a stray comma.
    if (part.trim() === '' && parts.length > 1) return { ok: false, problem: `"${cell}" has an empty item (item ${i + 1}, between two commas); remove the extra comma` };
    const item = coerceCell(element, part.trim());
    if (!item.ok) return item;
    values.push(item.value);
  }
  return { ok: true, value: values };
}

/** Without a schema: numbers and booleans look like themselves, JSON parses, the rest is text. */
function guess(cell: string): unknown {
  if (NUMBER.test(cell)) return Number(cell);
  if (cell === 'true' || cell === 'false') return cell === 'true';
  if (cell === 'null') return null;
  const parsed = json(cell);
  return parsed?.ok ? parsed.value : cell;
}
