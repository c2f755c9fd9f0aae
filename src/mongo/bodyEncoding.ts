import { types } from 'node:util';
import { Binary, BSON } from 'mongodb';
import { isAnyDate } from '../core/anyDate';
import { unstorableValue as storableValueProblem } from '../core/storableValue';

/**
 * How a user-supplied value (event data, metadata, snapshot state) is kept in a document.
 * Values whose keys are all plain are stored as they are, readable in any MongoDB tool. A value
 * with a key that starts with `$`, holds a `.` or is empty (at any depth) is stored as BSON bytes instead:
 * the server restricts such field names inside updates and `$push`, and treats them specially in
 * queries, so they never reach it as field names. Reading gives back the same value either way.
 */
export type EncodedBody = { plain: unknown } | { bson: Binary };

export const BSON_OPTIONS = { ignoreUndefined: true } as const;

export function encodeBody(value: unknown): EncodedBody {
  return hasUnsafeKey(value) ? { bson: new Binary(BSON.serialize({ v: value }, BSON_OPTIONS), Binary.SUBTYPE_USER_DEFINED) } : { plain: value };
}

export function decodeBody(encoded: EncodedBody): unknown {
  if ('plain' in encoded) return encoded.plain;
  return BSON.deserialize(encoded.bson.value(), { promoteValues: true }).v;
}

/** Whether any key, at any depth of plain objects, arrays and maps, is one the server treats as syntax. */
export function hasUnsafeKey(value: unknown): boolean {
  const seen = new Set<object>();
  const visit = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return false;
    seen.add(node);
    if (Array.isArray(node)) return node.some(visit);
    if (node instanceof Map) {
      for (const [key, item] of node) if ((typeof key === 'string' && isUnsafeKey(key)) || visit(item)) return true;
      return false;
    }
    if (isBsonValue(node)) return false;
    for (const key of Object.keys(node)) {
      if (isUnsafeKey(key) || visit((node as Record<string, unknown>)[key])) return true;
    }
    return false;
  };
  return visit(value);
}

/**
 * Values BSON stores as themselves. Any other object, whatever its prototype (a class instance,
 * an object from another realm), is serialized as a document of its own keys, so it is checked as one.
 */
function isBsonValue(node: object): boolean {
  return '_bsontype' in node || isAnyDate(node) || types.isRegExp(node) || ArrayBuffer.isView(node) || types.isAnyArrayBuffer(node);
}

export function isUnsafeKey(key: string): boolean {
  // The empty name is legal on insert but unaddressable in paths: kept as bytes too.
  return key === '' || key.startsWith('$') || key.includes('.');
}

/**
 * Values BSON would silently change or drop, refused naming the path: the same check every store
 * makes (`storableValue`), so nothing stored differs from what was given, on any store.
 */
export function unstorableValue(value: unknown, path = 'the value'): string | undefined {
  return storableValueProblem(value, path);
}

/** A deep copy made the way the server would give the value back: what a later read returns. */
export function asStored<T>(value: T): T {
  return BSON.deserialize(BSON.serialize({ v: value }, BSON_OPTIONS)).v as T;
}
