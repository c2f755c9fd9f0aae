/** What `plainCopy` gives for anything it does not copy: the caller takes its slower, general way. */
export const NOT_PLAIN: unique symbol = Symbol('not plain');

/** Deeper trees are left to the general way. */
const MAX_DEPTH = 32;

/**
 * A fresh copy of a tree of plain data: objects of Object.prototype, dense arrays, Dates and
 * primitives. Anything else (a class, a Map, a symbol, a function, a hole, a `__proto__` key, a
 * tree deeper than 32) gives NOT_PLAIN; with `nullInArrays: false`, so does a null inside an array.
 */
export function plainCopy(value: unknown, options: { nullInArrays: boolean }): unknown {
  return copy(value, options.nullInArrays, 0);
}

function copy(value: unknown, nullInArrays: boolean, depth: number): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'symbol' || typeof value === 'function' ? NOT_PLAIN : value;
  if (depth > MAX_DEPTH) return NOT_PLAIN;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Array.prototype) {
    const array = value as unknown[];
    const out = new Array<unknown>(array.length);
    for (let i = 0; i < array.length; i++) {
      if (!(i in array)) return NOT_PLAIN;
      const item = array[i];
      if (item === null && !nullInArrays) return NOT_PLAIN;
      const copied = copy(item, nullInArrays, depth + 1);
      if (copied === NOT_PLAIN) return NOT_PLAIN;
      out[i] = copied;
    }
    return out;
  }
  if (proto === Date.prototype) return new Date((value as Date).getTime());
  if (proto !== Object.prototype) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return NOT_PLAIN;
    const copied = copy((value as Record<string, unknown>)[key], nullInArrays, depth + 1);
    if (copied === NOT_PLAIN) return NOT_PLAIN;
    out[key] = copied;
  }
  return out;
}
