import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { show } from '../contracts/parseContract';
import { EventspecError, UnknownNameError } from '../core/errors';
import { closest, didYouMean } from '../core/suggest';
import type { Domain } from '../domain/defineDomain';
import type { AnyProjection } from './defineProjection';
import { isProjection } from './defineProjection';
import { valueAtPath } from '../core/valueAtPath';
import { filterPath } from './documentFilter';
import type { ProjectionStatus } from './projectionRunner';
import type { ReadModelStore } from './readModelStore';
import { readTime } from '../core/readTime';

export interface ReadModelRef {
  readonly name: string;
  readonly schema: z.ZodType;
  readonly projection: AnyProjection;
}

/** A read model by name across the given projections (or a domain's), with did-you-mean. */
export function readModelNamed(source: Domain | readonly AnyProjection[], name: string): ReadModelRef {
  const projections = 'projections' in source ? source.projections.filter(isProjection) : source;
  const known: string[] = [];
  for (const projection of projections) {
    for (const [model, schema] of Object.entries(projection.readModels)) {
      if (model === name) return { name, schema, projection };
      known.push(model);
    }
  }
  const guess = closest(name, known);
  // No near miss: most likely the read model of a projection the domain does not register.
  const fix = guess === undefined ? '; a read model is known once its projection is registered: defineDomain({ …, projections: [yourProjection] })' : '';
  throw new UnknownNameError(`unknown read model \`${name}\`${didYouMean(name, known, 'one of the read models')}${fix}`);
}

/** A read model's document does not have the expected values (or is missing). */
export class ReadModelMismatch extends EventspecError {
  override name = 'ReadModelMismatch';
  constructor(
    message: string,
    readonly readModel: string,
    readonly id: string,
    readonly actual: unknown,
  ) {
    super(message);
  }
}

/**
 * Checks the fields given (dotted paths for nested ones) of one document and ignores the rest.
 * Values may come straight from a table: the text "20.00" matches the number 20, "true" matches true.
 * Throws a ReadModelMismatch listing every differing field and showing the whole document.
 */
export async function expectReadModel(
  store: ReadModelStore,
  ref: ReadModelRef,
  id: string,
  expected: Readonly<Record<string, unknown>>,
): Promise<unknown> {
  const fields = topLevelFields(ref.schema);
  for (const key of Object.keys(expected)) {
    const [first] = filterPath(key);
    if (fields && !fields.includes(first!)) {
      throw new UnknownNameError(`read model ${ref.name} has no field \`${key}\`${didYouMean(first!, fields, 'one of its fields')}`);
    }
  }
  const doc = await store.get(ref.name, id);
  if (doc === undefined) {
    const others = await store.find(ref.name, {}, { limit: 6 });
    const known = others.length === 0 ? `there are no ${ref.name} documents yet` : `there are ${others.map((d) => JSON.stringify(d.id)).join(', ')}${others.length === 6 ? ', …' : ''}`;
    throw new ReadModelMismatch(`there is no ${ref.name} "${id}"; ${known}`, ref.name, id, undefined);
  }
  const differences: string[] = [];
  for (const [key, want] of Object.entries(expected)) {
    const got = valueAtPath(doc, filterPath(key));
    if (!sameValue(want, got)) differences.push(`  ${key}: expected ${show(want)}, got ${show(got)}`);
  }
  if (differences.length > 0) {
    throw new ReadModelMismatch(`${ref.name} "${id}" differs:\n${differences.join('\n')}\nthe whole document: ${JSON.stringify(doc)}`, ref.name, id, doc);
  }
  return doc;
}

/**
 * Checks a list inside one document row by row, on the given columns only, and its length:
 * `Then the AccountStatement "a-1" has lines:` with one table row per line.
 */
export async function expectReadModelList(
  store: ReadModelStore,
  ref: ReadModelRef,
  id: string,
  field: string,
  rows: readonly Readonly<Record<string, unknown>>[],
): Promise<void> {
  const doc = await expectReadModel(store, ref, id, {});
  const list = valueAtPath(doc, filterPath(field));
  if (!Array.isArray(list)) {
    throw new ReadModelMismatch(`${ref.name} "${id}" has no list \`${field}\` (got ${show(list)})`, ref.name, id, doc);
  }
  const differences = compareRows(rows, list, (i) => `row ${i + 1}`);
  if (differences.length > 0) {
    throw new ReadModelMismatch(`${ref.name} "${id}" ${field} differ:\n${differences.join('\n')}\nthe whole list: ${JSON.stringify(list)}`, ref.name, id, doc);
  }
}

/**
 * Checks that the read model holds exactly the documents of the rows (column `id`), each
 * compared on the other given columns: `Then the OrderSummary read model has:`.
 */
export async function expectReadModelRows(store: ReadModelStore, ref: ReadModelRef, rows: readonly Readonly<Record<string, unknown>>[]): Promise<void> {
  rows.forEach((row, i) => {
    if (typeof row.id !== 'string' || row.id === '') throw new EventspecError(`row ${i + 1}: give each document's id in an \`id\` column`);
  });
  const docs = await store.find(ref.name);
  const byId = new Map(docs.map((d) => [d.id, d.doc]));
  const wanted = new Set(rows.map((r) => r.id as string));
  const differences: string[] = [];
  rows.forEach((row, i) => {
    const { id, ...fields } = row;
    if (!byId.has(id as string)) differences.push(`  row ${i + 1}: there is no ${ref.name} "${id as string}"`);
    else differences.push(...compareRows([fields], [byId.get(id as string)], () => `row ${i + 1} ("${id as string}")`));
  });
  const extra = docs.filter((d) => !wanted.has(d.id)).map((d) => JSON.stringify(d.id));
  if (extra.length > 0) differences.push(`  not in the table: ${extra.join(', ')}`);
  if (differences.length > 0) {
    throw new ReadModelMismatch(`the ${ref.name} read model differs:\n${differences.join('\n')}`, ref.name, '', docs);
  }
}

/**
 * Checks the documents matching a filter, in id order, row by row on the given columns, and
 * their number: `Then the StatementLine documents with account "a-1" are:`.
 */
export async function expectReadModelDocuments(
  store: ReadModelStore,
  ref: ReadModelRef,
  filter: Readonly<Record<string, unknown>>,
  rows: readonly Readonly<Record<string, unknown>>[],
): Promise<void> {
  const found = await store.find(ref.name, filter);
  // An `id` column is the document's id (as in "read model has:"), unless the document has a field of that name.
  const withIds = found.map((d) => (d.doc !== null && typeof d.doc === 'object' ? { id: d.id, ...d.doc } : d.doc));
  const differences = compareRows(rows, withIds, (i) => `row ${i + 1}${i < found.length ? ` ("${found[i]!.id}")` : ''}`);
  if (differences.length > 0) {
    const where = Object.entries(filter).map(([k, v]) => `${k} ${show(v)}`).join(' and ');
    throw new ReadModelMismatch(`the ${ref.name} documents${where ? ` with ${where}` : ''} differ:\n${differences.join('\n')}`, ref.name, '', found);
  }
}

function compareRows(rows: readonly Readonly<Record<string, unknown>>[], actual: readonly unknown[], label: (i: number) => string): string[] {
  const differences: string[] = [];
  rows.forEach((row, i) => {
    if (i >= actual.length) {
      differences.push(`  ${label(i)}: missing`);
      return;
    }
    for (const [key, want] of Object.entries(row)) {
      const got = valueAtPath(actual[i], filterPath(key));
      if (!sameValue(want, got)) differences.push(`  ${label(i)}, ${key}: expected ${show(want)}, got ${show(got)}`);
    }
  });
  if (actual.length > rows.length) differences.push(`  ${actual.length - rows.length} more than expected, starting with ${show(actual[rows.length])}`);
  return differences;
}

/** Throws unless the document is absent. */
export async function expectNoReadModel(store: ReadModelStore, ref: ReadModelRef, id: string): Promise<void> {
  const doc = await store.get(ref.name, id);
  if (doc !== undefined) throw new ReadModelMismatch(`expected no ${ref.name} "${id}", but found ${JSON.stringify(doc)}`, ref.name, id, doc);
}

/** Equal, or equal once a table's text is read as the number, boolean or date it stands for. */
export function sameValue(expected: unknown, actual: unknown): boolean {
  if (isDeepStrictEqual(expected, actual)) return true;
  if (typeof expected !== 'string') return false;
  const text = expected.trim();
  if (typeof actual === 'number') return text !== '' && Number(text) === actual;
  if (typeof actual === 'boolean') return text === String(actual);
  if (actual === null) return text === 'null';
  if (actual instanceof Date) {
    const read = readTime(text);
    return read.ok && read.value.getTime() === actual.getTime();
  }
  if (typeof actual === 'object' && actual !== null) {
    try {
      return isDeepStrictEqual(JSON.parse(text), actual);
    } catch {
      return false;
    }
  }
  return false;
}

/** One line per projection, for messages about eventual consistency: `OrderSummaries: checkpoint 4 of 7 (lag 3)`. */
export function describeStatus(statuses: readonly ProjectionStatus[]): string {
  return statuses
    .map((s) => `${s.name}: checkpoint ${s.checkpoint} of ${s.head} (lag ${s.lag}, ${s.state})${s.error ? ` — ${s.error.message}` : ''}`)
    .join('; ');
}

function topLevelFields(schema: z.ZodType): string[] | undefined {
  const shape = (schema as { shape?: unknown }).shape;
  return shape !== null && typeof shape === 'object' ? Object.keys(shape) : undefined;
}
