import { NOT_PLAIN, plainCopy } from '../core/plainCopy';

/**
 * A fresh copy of a declared initial state per call, as `structuredClone` makes it, without its
 * cost (~8% of a command that replays its stream from the start). Only a tree of plain data is
 * copied by hand: objects of Object.prototype, dense arrays, Dates and primitives, no object
 * reached twice. Anything else (a Map, a class, a shared sub-object, a symbol) is left to
 * structuredClone, so the copy is the same either way, and so is the error for what cannot be cloned.
 */
export function initialStateCopier<State>(initial: State): () => State {
  if (!isPlainTree(initial, new Set(), 0)) return () => structuredClone(initial);
  return () => {
    // The declaration's object may have been changed since: then structuredClone judges it again.
    const copy = plainCopy(initial, { nullInArrays: true });
    return copy === NOT_PLAIN ? structuredClone(initial) : (copy as State);
  };
}

/** Deeper states are left to structuredClone. */
const MAX_DEPTH = 32;

function isPlainTree(value: unknown, seen: Set<object>, depth: number): boolean {
  if (typeof value === 'symbol' || typeof value === 'function') return false;
  if (value === null || typeof value !== 'object') return true;
  if (depth > MAX_DEPTH || seen.has(value)) return false;
  seen.add(value);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Date.prototype) return Object.keys(value).length === 0;
  if (proto === Array.prototype) {
    const array = value as unknown[];
    // No holes, no named fields on the array: structuredClone would keep them.
    if (Object.keys(array).length !== array.length) return false;
    return array.every((item) => isPlainTree(item, seen, depth + 1));
  }
  if (proto !== Object.prototype || Object.hasOwn(value, '__proto__')) return false;
  return Object.keys(value).every((key) => isPlainTree((value as Record<string, unknown>)[key], seen, depth + 1));
}
