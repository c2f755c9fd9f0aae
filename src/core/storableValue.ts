import { types } from 'node:util';
import { isAnyDate } from './anyDate';
import { EventspecError } from './errors';
import { NOT_PLAIN, plainStoredSize } from './storableSize';
import { isWellFormed } from './wellFormed';

/**
 * What every store keeps of a value: plain data that a BSON (or JSON) round trip gives back
 * unchanged. Anything a real store would silently change is refused here, by every store, naming
 * the path, so a domain tested on the in-memory store behaves the same on MongoDB.
 */

/** Deepest nesting of event data, metadata or state (MongoDB allows 100 levels per document, of which the store uses a few). */
export const MAX_VALUE_DEPTH = 64;

export { isWellFormed };

const HOW = 'stored values must be plain data (objects, arrays, strings, numbers, booleans, null, valid Dates)';

/** Why the value cannot be stored unchanged, naming the path (`data.items[2].tags`), or undefined. */
export function unstorableValue(value: unknown, path: string): string | undefined {
  // Plain data passes the quick walk; only the rest needs the walk that names paths.
  return plainStoredSize(value) !== NOT_PLAIN ? undefined : unstorableValueExactly(value, path);
}

/** The walk that names paths and knows every class a store would change; exported for the tests that hold the quick walk to it. */
export function unstorableValueExactly(value: unknown, path: string): string | undefined {
  const seen = new Set<object>();
  const visit = (node: unknown, at: string, depth: number): string | undefined => {
    switch (typeof node) {
      case 'function':
        return `${at} is a function; ${HOW}`;
      case 'symbol':
        return `${at} is a symbol; ${HOW}`;
      case 'bigint':
        return `${at} is a bigint, which a store would read back as a plain number; store it as a string`;
      case 'string':
        return isWellFormed(node) ? undefined : `${at} is a string with a lone surrogate (${JSON.stringify(node.slice(0, 40))}), which a store would turn into U+FFFD; fix the text`;
      case 'object':
        break;
      default:
        return undefined;
    }
    if (node === null) return undefined;
    if (depth > MAX_VALUE_DEPTH) return `${at} is nested deeper than ${MAX_VALUE_DEPTH} levels, or refers to itself; ${HOW}`;
    if (seen.has(node)) return `${at} refers to itself; ${HOW}`;
    seen.add(node);
    try {
      const kind = unsupportedKind(node);
      if (kind) return `${at} is ${kind}, which a store would not give back as it was; ${HOW}`;
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          const found = visit(node[i], `${at}[${i}]`, depth + 1);
          if (found) return found;
        }
        return undefined;
      }
      if (isAnyDate(node)) return Number.isNaN(node.getTime()) ? `${at} is an invalid Date, which a store would keep as 1970-01-01; ${HOW}` : undefined;
      for (const key of Object.keys(node)) {
        if (key.includes('\0')) return `${at} has a key with a NUL character (${JSON.stringify(key)}), which BSON cannot store`;
        if (!isWellFormed(key)) return `${at} has a key with a lone surrogate (${JSON.stringify(key)}), which a store would turn into U+FFFD; fix the key`;
        if (key === '_bsontype') return `${at} has a field named _bsontype, which BSON takes for one of its own types; rename it`;
        let field: unknown;
        try {
          field = (node as Record<string, unknown>)[key];
        } catch (error) {
          return `${at}.${key} is a getter that threw (${thrownMessage(error)}); ${HOW}`;
        }
        const found = visit(field, `${at}.${key}`, depth + 1);
        if (found) return found;
      }
      return undefined;
    } finally {
      // Only cycles are refused; the same object twice (a shared sub-object) is fine.
      seen.delete(node);
    }
  };
  return visit(value, path, 0);
}

// Brand checks (util.types), not instanceof: a value made in another realm (a vm context, a test
// runner's sandbox) is still a Map or a Date to BSON, and must be to this check too.
function unsupportedKind(node: object): string | undefined {
  if (typeof (node as { toBSON?: unknown }).toBSON === 'function') return 'an object with a toBSON method (what BSON stores is what toBSON returns)';
  // A BSON class (ObjectId, Long, …) has it on its prototype; an own field is the user's, refused by name below.
  if ('_bsontype' in node && !Object.hasOwn(node, '_bsontype')) return `a BSON value (${String((node as { _bsontype?: unknown })._bsontype)})`;
  if (types.isSet(node)) return 'a Set (BSON keeps {})';
  if (types.isMap(node)) return 'a Map (BSON keeps a plain object)';
  if (types.isArrayBufferView(node) || types.isAnyArrayBuffer(node)) return `binary data (${node.constructor?.name ?? 'a buffer'}); store it as a base64 string`;
  if (types.isRegExp(node)) return 'a RegExp';
  // Objects whose content lives in internal slots: BSON writes their own fields, none, and keeps {}.
  if (types.isBoxedPrimitive(node)) return `a boxed ${typeof node.valueOf()} (new ${node.constructor?.name ?? 'Object'}(…), which BSON keeps as {})`;
  if (types.isNativeError(node) || node instanceof Error) return 'an Error (BSON keeps {}; store its message)';
  if (node instanceof URL || node instanceof URLSearchParams) return `a ${node.constructor.name} (BSON keeps {}; store it as a string)`;
  if (node instanceof WeakRef) return 'a WeakRef (BSON keeps {})';
  if (types.isWeakMap(node) || types.isWeakSet(node) || types.isPromise(node)) return `a ${node.constructor?.name ?? 'built-in object'}`;
  return undefined;
}

/** Stream ids are data: a non-empty, well-formed string, never an object an operator could hide in. */
export function checkStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new EventspecError(`stream id must be a non-empty string, got ${JSON.stringify(streamId)}`);
  }
  if (!isWellFormed(streamId)) {
    throw new EventspecError(`stream id ${JSON.stringify(streamId)} has a lone surrogate, which a store would turn into U+FFFD (two ids would meet in one stream); fix the id`);
  }
}

/** What a getter threw, as text, whatever it threw (an object without a prototype cannot be turned into a string). */
function thrownMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'a value that is not an error';
  }
}
