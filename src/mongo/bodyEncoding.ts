import { Binary, BSON } from 'mongodb';

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
  return '_bsontype' in node || node instanceof Date || node instanceof RegExp || ArrayBuffer.isView(node) || node instanceof ArrayBuffer;
}

export function isUnsafeKey(key: string): boolean {
  // The empty name is legal on insert but unaddressable in paths: kept as bytes too.
  return key === '' || key.startsWith('$') || key.includes('.');
}

/**
 * Values BSON would silently change or drop (functions, symbols, bigints): refused, naming the path,
 * so nothing stored differs from what was appended.
 */
export function unstorableValue(value: unknown, path = ''): string | undefined {
  const seen = new Set<object>();
  const visit = (node: unknown, at: string): string | undefined => {
    switch (typeof node) {
      case 'function':
        return `${at || 'the value'} is a function`;
      case 'symbol':
        return `${at || 'the value'} is a symbol`;
      case 'bigint':
        return `${at || 'the value'} is a bigint (BSON would read it back as a plain number); store it as a string`;
      case 'object':
        break;
      default:
        return undefined;
    }
    if (node === null || seen.has(node)) return undefined;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const found = visit(node[i], `${at}[${i}]`);
        if (found) return found;
      }
      return undefined;
    }
    if (node instanceof Map) {
      for (const [key, item] of node) {
        const found = visit(item, at ? `${at}.${String(key)}` : String(key));
        if (found) return found;
      }
      return undefined;
    }
    if (isBsonValue(node)) return undefined;
    for (const key of Object.keys(node)) {
      if (key.includes('\0')) return `${at || 'the value'} has a key with a NUL character, which BSON cannot store`;
      const found = visit((node as Record<string, unknown>)[key], at ? `${at}.${key}` : key);
      if (found) return found;
    }
    return undefined;
  };
  return visit(value, path);
}

/** A deep copy made the way the server would give the value back: what a later read returns. */
export function asStored<T>(value: T): T {
  return BSON.deserialize(BSON.serialize({ v: value }, BSON_OPTIONS)).v as T;
}
