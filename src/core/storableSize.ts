import { isWellFormed } from './wellFormed';

/**
 * The hot path's one walk over event data: checks that a value is plain data any store keeps
 * unchanged and counts its BSON bytes as `storedSize` does, building no path strings and checking
 * the class list only for objects that are not plain. Anything unusual (a refusal, a class
 * instance, a cycle, a key or string that needs a closer look) answers NOT_PLAIN, and the caller
 * takes the exact walk (`unstorableValue`, `storedSize`), which names the path. So this never
 * accepts what that walk refuses, and never decides an error message.
 */
export const NOT_PLAIN = -1;

/** Deeper values take the exact walk (which allows MAX_VALUE_DEPTH and finds cycles). */
const QUICK_DEPTH = 32;

/** BSON bytes of a value that is surely storable (undefined counts 0), or NOT_PLAIN. */
export function plainStoredSize(value: unknown): number {
  try {
    return sizeOf(value, 0);
  } catch {
    // A getter that threw: the exact walk names its path.
    return NOT_PLAIN;
  }
}

function sizeOf(node: unknown, depth: number): number {
  switch (typeof node) {
    case 'string': {
      const bytes = textBytes(node);
      return bytes < 0 ? NOT_PLAIN : 4 + bytes + 1;
    }
    case 'number':
      // -0 stays a double, so its sign survives.
      return (node | 0) === node && !Object.is(node, -0) ? 4 : 8;
    case 'boolean':
      return 1;
    case 'undefined':
      return 0;
    case 'object':
      break;
    default:
      return NOT_PLAIN;
  }
  if (node === null) return 0;
  // Past the depth (or round a cycle) the exact walk says which.
  if (depth >= QUICK_DEPTH) return NOT_PLAIN;
  // A prototype that lends toBSON or _bsontype is the exact walk's to judge.
  if ((node as { toBSON?: unknown }).toBSON !== undefined || (node as { _bsontype?: unknown })._bsontype !== undefined) return NOT_PLAIN;
  const proto: unknown = Object.getPrototypeOf(node);
  if (proto === Array.prototype) {
    const array = node as unknown[];
    let size = 5;
    for (let i = 0; i < array.length; i++) {
      const item = sizeOf(array[i], depth + 1);
      if (item < 0) return NOT_PLAIN;
      size += 1 + digits(i) + 1 + item;
    }
    return size;
  }
  if (proto === Date.prototype) return Number.isNaN((node as Date).getTime()) ? NOT_PLAIN : 8;
  // Only a plain object goes on: a class instance is checked against the exact walk's list.
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  let size = 5;
  for (const key of Object.keys(node)) {
    const item: unknown = (node as Record<string, unknown>)[key];
    const keyBytes = keyTextBytes(key);
    if (keyBytes < 0) return NOT_PLAIN;
    const field = sizeOf(item, depth + 1);
    if (field < 0) return NOT_PLAIN;
    // A field holding undefined is left out (as the serializer does), but it must still be storable.
    if (item !== undefined) size += 1 + keyBytes + 1 + field;
  }
  return size;
}

/** UTF-8 bytes of a well-formed string, or NOT_PLAIN for a lone surrogate; counted inline for short text, where calling into Buffer costs more than the loop. */
export function textBytes(text: string): number {
  if (text.length > 64) return isWellFormed(text) ? Buffer.byteLength(text, 'utf8') : NOT_PLAIN;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code < 0xd800 || code > 0xdfff) bytes += 2;
    else if (code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 2 UTF-16 units, 4 bytes
      i++;
    } else return NOT_PLAIN;
  }
  return bytes;
}

/** As textBytes, and NOT_PLAIN for a key BSON cannot keep as it is (a NUL, `_bsontype`). */
function keyTextBytes(key: string): number {
  if (key === '_bsontype' || key.includes('\0')) return NOT_PLAIN;
  return textBytes(key);
}

/** Characters of an array index as a BSON key. */
export function digits(index: number): number {
  return index < 10 ? 1 : index < 100 ? 2 : index < 1000 ? 3 : String(index).length;
}
