import type { z } from 'zod';
import { didYouMean } from '../core/suggest';
import { datesFromJson } from '../contracts/datesFromJson';
import { describeIssues, valueAt } from '../contracts/parseContract';
import { unknownFields } from '../contracts/unknownFields';
import { setAtPath } from '../testing/fieldPaths';
import { coerceCell } from './coerceCell';
import { ScenarioError } from './scenarioError';
import type { CellRef } from './scenarioError';
import { fieldTypeOf, knownFields } from './knownFields';
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
    const fields = rows.slice(hasHeader ? 1 : 0).map((row, i) => {
      const index = i + (hasHeader ? 1 : 0);
      return { name: row[0]!.trim(), text: row[1]!, ref: { row: index, column: row[0]!.trim() } };
    });
    const seen = new Map<string, number>();
    for (const field of fields) {
      const first = seen.get(field.name);
      if (first !== undefined) {
        throw new ScenarioError(place, `the field "${field.name}" is given twice (on rows ${first + 1} and ${field.ref.row + 1} of the table), so one value would be lost; keep one row per field`, field.ref);
      }
      seen.set(field.name, field.ref.row);
    }
    return fields;
  }
  // Field names down the first column, but more than two columns: a vertical table with extra cells.
  if (width > 2 && firstColumn.every(isField) && !rows[0]!.every((c) => isField(c.trim()))) {
    throw new ScenarioError(
      place,
      `a table of fields has two columns, the field and its value (| ${firstColumn[0]} | … |); this one has ${width} — remove the extra column${width > 3 ? 's' : ''}, or write a header row of field names and one row of values`,
      { row: 0, column: firstColumn[0]! },
    );
  }
  if (rows.length !== 2) {
    throw new ScenarioError(
      place,
      `a table for ${what} has either one "| field | value |" row per field, or a header row and exactly one row of values (this one has ${rows.length - 1} rows of values)`,
    );
  }
  refuseRepeatedColumns(rows[0]!, place);
  return rows[0]!.map((name, column) => ({ name: name.trim(), text: rows[1]![column]!, ref: { row: 1, dataRow: 1, column: name.trim() } }));
}

/** A column written twice would let its last cell silently win. */
function refuseRepeatedColumns(header: readonly string[], place: StepPlace | undefined): void {
  const names = header.map((h) => h.trim());
  names.forEach((name, column) => {
    const first = names.indexOf(name);
    if (first !== column) {
      throw new ScenarioError(place, `the column "${name}" appears twice in the header (columns ${first + 1} and ${column + 1}), so one value of each row would be lost; keep one "${name}" column`, { row: 0, column: name });
    }
  });
}

/** The rows of a table with a header, as fields per row. */
export function headedRows(rows: Rows, place: StepPlace | undefined): { header: string[]; records: TableField[][] } {
  refuseRepeatedColumns(rows[0] ?? [], place);
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
  for (const field of fields) {
    const fieldType = fieldTypeOf(schema, field.name);
    if (!fieldType) {
      throw new ScenarioError(place, `${typeName} has no field \`${field.name}\`${didYouMean(field.name, [...knownFields(schema)], 'a field such as')}`, field.ref);
    }
    const coerced = coerceCell(fieldType, field.text);
    if (!coerced.ok) throw new ScenarioError(place, coerced.problem, field.ref);
    if (coerced.value !== undefined) setAtPath(data, field.name, coerced.value);
    refs.set(field.name, field.ref);
  }
  return { data, refs };
}

/** Where assembled data came from, so a missing field is asked for in the right place. */
export type DataSource = 'table' | 'docString' | 'phrasing';

/** Parses assembled data by a schema, pointing a failure at the cell it came from. */
export function checkData(
  schema: z.ZodType,
  data: unknown,
  typeName: string,
  refs: ReadonlyMap<string, CellRef>,
  place: StepPlace | undefined,
  fallback: CellRef = {},
  source: DataSource = 'table',
): unknown {
  if (source === 'docString') data = fromJson(schema, data, typeName, place);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  const ref = refs.get(path) ?? fallback;
  const { text } = describeIssues(result.error, data);
  // Every field the data leaves out, asked for at once (not the first alone).
  const missing = result.error.issues
    .filter((i) => (i.code === 'invalid_type' || i.code === 'invalid_value') && (i.path.length === 0 || valueAt(data, i.path) === undefined) && !refs.has(i.path.map(String).join('.')))
    .map((i) => i.path.map(String).join('.'));
  // A field whose cell is there but empty: the reader sees a cell, so say why it counts as nothing.
  const empty = result.error.issues.some((i) => i.code === 'invalid_type' && refs.has(i.path.map(String).join('.')) && valueAt(data, i.path) === undefined);
  const emptyHint = empty && source === 'table' ? ' — an empty cell means "not given"; write a value in it' : '';
  throw new ScenarioError(place, `${typeName} is not valid: ${text}${missing.length > 0 ? missingHint(missing, source) : emptyHint}`, ref);
}

/**
 * A doc string's JSON as the contract reads it: a field the contract does not have is refused (zod
 * would drop it without a word, where a table refuses the column), and ISO text where a Date is
 * asked for is read as one (JSON has no dates), as the service does with a request's body.
 */
function fromJson(schema: z.ZodType, data: unknown, typeName: string, place: StepPlace | undefined): unknown {
  const [unknown] = unknownFields(schema, data);
  if (unknown !== undefined) {
    throw new ScenarioError(place, `${typeName} has no field \`${unknown.path}\`${didYouMean(unknown.name, [...unknown.known], 'a field such as')}; write only its fields in the doc string's JSON`);
  }
  const read = datesFromJson(schema, data);
  if (!read.ok) throw new ScenarioError(place, `${typeName} is not valid: ${read.path}: ${read.problem}`);
  return read.value;
}

function missingHint(paths: readonly string[], source: DataSource): string {
  if (source === 'docString' && paths.includes('')) return ' — write the doc string as a JSON object, like {"field": "value"}';
  const named = paths.filter((p) => p !== '');
  if (named.length === 0) return '';
  const list = named.length === 1 ? `"${named[0]}"` : `${named.slice(0, -1).map((p) => `"${p}"`).join(', ')} and "${named[named.length - 1]}"`;
  if (source === 'docString') return ` — add ${list} to the doc string's JSON`;
  if (source === 'phrasing') return ` — this phrasing gives no ${list}; add ${named.length === 1 ? 'it' : 'them'} to the phrasing's wording or its fixed fields`;
  return ` — add ${list} to the table`;
}
