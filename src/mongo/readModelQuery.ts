import type { Document } from 'mongodb';
import { filterPath } from '../projections/documentFilter';
import type { ReadModelFilter } from '../projections/readModelStore';
import { isUnsafeKey } from './bodyEncoding';

/** The stored document of one read-model id (the unique index `model_id`). */
export function readModelKey(model: string, id: string): { model: { $eq: string }; id: { $eq: string } } {
  return { model: { $eq: model }, id: { $eq: id } };
}

/**
 * The server-side part of `find`: a query that returns every document the filter matches, maybe
 * more. The store then checks each candidate with the same `matchesFilter` as the in-memory store,
 * so both mean exactly the same; the query only narrows the scan.
 *
 * Every value reaches the server as a scalar under `$eq`, so no value can become an operator.
 * A path is sent only when every segment is a plain field name: a segment starting with `$`, empty
 * or holding a NUL never reaches the server as a name (documents with `$`-prefixed or empty keys are
 * stored as BSON bytes and are always candidates; NUL in a key is refused on write). Only conditions
 * that can never exclude a match are sent:
 *   - strings, booleans, finite numbers and null (`$eq: null` also matches a missing field: wider, fine);
 *   - a plain object as one condition per scalar leaf, because the server compares sub-documents
 *     with their key order and the in-memory store does not;
 *   - never arrays (same reason, for objects inside them), undefined (matches a missing field in
 *     memory) or other values (dates, binaries…): left to the check.
 */
export function readModelFindQuery(model: string, filter: ReadModelFilter, after?: string): Document {
  const conditions: Document[] = [];
  for (const [key, value] of Object.entries(filter)) conditions.push(...leafConditions(filterPath(key), value));
  // A page after an id: on the model_id index, as the sort is.
  const inModel = after === undefined ? { model: { $eq: model } } : { model: { $eq: model }, id: { $gt: after } };
  if (conditions.length === 0) return inModel;
  return { ...inModel, $or: [{ docBson: { $exists: true } }, { $and: conditions }] };
}

function leafConditions(path: readonly string[], value: unknown): Document[] {
  if (path.some((segment) => isUnsafeKey(segment) || segment.includes('\0'))) return [];
  if (isScalar(value)) return [Object.fromEntries([[['doc', ...path].join('.'), { $eq: value }]])];
  if (isPlainObject(value)) return Object.entries(value).flatMap(([key, inner]) => leafConditions([...path, key], inner));
  return [];
}

function isScalar(value: unknown): value is string | boolean | number | null {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
