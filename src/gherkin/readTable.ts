import type { z } from 'zod';
import { didYouMean } from '../core/suggest';
import { describeIssues } from '../contracts/parseContract';
import { setAtPath } from '../testing/fieldPaths';
import { coerceCell } from './coerceCell';
import { ScenarioError } from './scenarioError';
import type { CellRef } from './scenarioError';
import { fieldPaths, fieldSchema } from './schemaField';
import type { StepPlace } from './stepPlace';

export type Rows = readonly (readonly string[])[];

/** One named value of a table, with where it was written. */
export interface TableField {
  name: string;
  text: string;
  ref: CellRef;
}

const FIELD_HEADER = /^(field|name|key)$/i;
const VALUE_HEADER = /^value$/i;

/**
 * The fields of a table that describes one thing: vertical (`| carrier | DHL |` per field, optional
 * `| field | value |` header) or horizontal (a header row and one row of values).
 */
export function singleRecord(rows: Rows, isField: (name: string) => boolean, place: StepPlace | undefined, what: string): TableField[] {
  if (rows.length === 0) return [];
  const width = rows[0]!.length;
  const firstColumn = rows.map((r) => r[0]!.trim());
  const hasHeader = width === 2 && FIELD_HEADER.test(firstColumn[0]!) && VALUE_HEADER.test(rows[0]![1]!.trim());
  const vertical =
    hasHeader ||
    (width === 2 && (rows.length === 1 || firstColumn.every(isField) || !rows[0]!.every((c) => isField(c.trim()))));
  if (vertical) {
    return rows.slice(hasHeader ? 1 : 0).map((row, i) => {
      const index = i + (hasHeader ? 1 : 0);
      return { name: row[0]!.trim(), text: row[1]!, ref: { row: index, column: row[0]!.trim() } };
    });
  }
  if (rows.length !== 2) {
    throw new ScenarioError(
      place,
      `a table for ${what} has either one "| field | value |" row per field, or a header row and exactly one row of values (this one has ${rows.length - 1} rows of values)`,
    );
  }
  return rows[0]!.map((name, column) => ({ name: name.trim(), text: rows[1]![column]!, ref: { row: 1, dataRow: 1, column: name.trim() } }));
}

/** The rows of a table with a header, as fields per row. */
export function headedRows(rows: Rows): { header: string[]; records: TableField[][] } {
  const header = (rows[0] ?? []).map((h) => h.trim());
  const records = rows.slice(1).map((row, i) =>
    header.map((name, column) => ({ name, text: row[column]!, ref: { row: i + 1, dataRow: i + 1, column: name } })),
  );
  return { header, records };
}

/**
 * Builds data for a contract from table fields: each cell is read as its field's type, unknown
 * columns are refused with a suggestion, and the result is checked by the schema.
 */
export function buildData(
  fields: readonly TableField[],
  schema: z.ZodType,
  typeName: string,
  place: StepPlace | undefined,
): { data: Record<string, unknown>; refs: Map<string, CellRef> } {
  const data: Record<string, unknown> = {};
  const refs = new Map<string, CellRef>();
  const known = fieldPaths(schema);
  for (const field of fields) {
    const fieldType = fieldSchema(schema, field.name);
    if (!fieldType) {
      throw new ScenarioError(place, `${typeName} has no field \`${field.name}\`${didYouMean(field.name, known, 'a field such as')}`, field.ref);
    }
    const coerced = coerceCell(fieldType, field.text);
    if (!coerced.ok) throw new ScenarioError(place, coerced.problem, field.ref);
    if (coerced.value !== undefined) setAtPath(data, field.name, coerced.value);
    refs.set(field.name, field.ref);
  }
  return { data, refs };
}

/** Parses assembled data by a schema, pointing a failure at the cell it came from. */
export function checkData(
  schema: z.ZodType,
  data: unknown,
  typeName: string,
  refs: ReadonlyMap<string, CellRef>,
  place: StepPlace | undefined,
  fallback: CellRef = {},
): unknown {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  const ref = refs.get(path) ?? fallback;
  const { text } = describeIssues(result.error, data);
  const missing = !refs.has(path) && issue.code === 'invalid_type';
  const hint = missing ? ` — add a "${path}" column` : '';
  throw new ScenarioError(place, `${typeName} is not valid: ${text}${hint}`, ref);
}
