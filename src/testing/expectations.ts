import { isDeepStrictEqual } from 'node:util';
import type { RecordedEvent } from '../core/envelope';
import { cellText, tableText } from './tableText';
import { valueAtPath } from './fieldPaths';

/** An expected event: its type and the fields that matter (dotted paths), nothing else. */
export interface ExpectedEvent {
  type: string;
  fields: Record<string, unknown>;
  /** Metadata keys that matter (`actor`, `correlationId`…), compared with the recorded event's metadata. */
  metadata?: Record<string, unknown>;
}

const METADATA = 'metadata.';

export interface FieldMismatch {
  path: string;
  expected: unknown;
  actual: unknown;
}

/** The fields whose values differ; fields not mentioned are not compared. */
export function compareFields(expected: Record<string, unknown>, actual: unknown): FieldMismatch[] {
  const mismatches: FieldMismatch[] = [];
  for (const [path, value] of Object.entries(expected)) {
    const found = valueAtPath(actual, path);
    if (!sameValue(value, found)) mismatches.push({ path, expected: value, actual: found });
  }
  return mismatches;
}

function sameValue(expected: unknown, actual: unknown): boolean {
  if (expected instanceof Date) return (actual instanceof Date || typeof actual === 'string') && new Date(actual).getTime() === expected.getTime();
  return isDeepStrictEqual(expected, actual);
}

/** Undefined when the events match; otherwise both tables, side by side in words, and the first difference. */
export function describeEventMismatch(expected: readonly ExpectedEvent[], actual: readonly RecordedEvent[]): string | undefined {
  const firstDifference = findFirstDifference(expected, actual);
  if (firstDifference === undefined) return undefined;
  const columns = [...new Set(expected.flatMap((e) => [...Object.keys(e.fields), ...Object.keys(e.metadata ?? {}).map((key) => METADATA + key)]))];
  const cell = (fields: unknown, metadata: unknown, column: string) =>
    column.startsWith(METADATA) && !hasPath(fields, column) ? valueAtPath(metadata, column.slice(METADATA.length)) : valueAtPath(fields, column);
  const render = (rows: { type: string; value: (path: string) => unknown }[]) =>
    rows.length === 0 ? '    (nothing)' : tableText([['event', ...columns], ...rows.map((r) => [r.type, ...columns.map((c) => cellText(r.value(c)))])], '    ');
  return [
    firstDifference,
    '  expected:',
    render(expected.map((e) => ({ type: e.type, value: (c: string) => (c in e.fields ? e.fields[c] : cell(undefined, e.metadata, c)) }))),
    '  recorded:',
    render(actual.map((e) => ({ type: e.type, value: (c: string) => cell(e.data, e.metadata, c) }))),
  ].join('\n');
}

function findFirstDifference(expected: readonly ExpectedEvent[], actual: readonly RecordedEvent[]): string | undefined {
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const want = expected[i];
    const got = actual[i];
    if (!want) return `event ${i + 1}: ${got!.type} was recorded but not expected`;
    if (!got) return `event ${i + 1}: expected ${want.type}, but ${actual.length === 0 ? 'nothing was' : `only ${actual.length} event${actual.length === 1 ? ' was' : 's were'}`} recorded`;
    if (want.type !== got.type) return `event ${i + 1}: expected ${want.type}, recorded ${got.type}`;
    const [mismatch] = compareFields(want.fields, got.data);
    if (mismatch) {
      return `event ${i + 1} (${want.type}), ${mismatch.path}: expected ${show(mismatch.expected)}, recorded ${show(mismatch.actual)}`;
    }
    // Metadata has no schema to read cells by, so a table's text is compared with the value's text.
    const [metadataMismatch] = compareFields(want.metadata ?? {}, got.metadata).filter((m) => typeof m.expected !== 'string' || m.actual === undefined || cellText(m.actual) !== m.expected);
    if (metadataMismatch) {
      return `event ${i + 1} (${want.type}), metadata ${metadataMismatch.path}: expected ${show(metadataMismatch.expected)}, recorded ${show(metadataMismatch.actual)}`;
    }
  }
  return undefined;
}

/** The differing fields as a table: field | expected | actual. */
export function describeFieldMismatches(mismatches: readonly FieldMismatch[]): string {
  return tableText([['field', 'expected', 'actual'], ...mismatches.map((m) => [m.path, show(m.expected), show(m.actual)])]);
}

function hasPath(value: unknown, path: string): boolean {
  return valueAtPath(value, path) !== undefined;
}

function show(value: unknown): string {
  return value === undefined ? '(nothing)' : cellText(value);
}
