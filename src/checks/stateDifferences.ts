/** One place where two values differ: a dotted path (empty for the whole value) and both sides. */
export interface Difference {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
  /** Set when the values agree field by field but are of a different kind (a class vs a plain object). */
  readonly kind?: string;
}

/**
 * Where `actual` differs from `expected`, as leaf paths. Compares what a reader of the state can
 * observe: a field set to undefined equals an absent one (a scenario cannot tell them apart),
 * dates compare by time, arrays are leaves, and getters of class instances count as fields, so a
 * state that lost its prototype (a snapshot store cloned it) shows which readings changed.
 */
export function stateDifferences(expected: unknown, actual: unknown, path = ''): Difference[] {
  if (Object.is(expected, actual)) return [];
  if (expected instanceof Date || actual instanceof Date) {
    return expected instanceof Date && actual instanceof Date && expected.getTime() === actual.getTime() ? [] : [{ path, expected, actual }];
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual) || expected.length !== actual.length) return [{ path, expected, actual }];
    const inner = expected.some((item, i) => stateDifferences(item, actual[i]).length > 0);
    return inner ? [{ path, expected, actual }] : [];
  }
  if (expected instanceof Map || expected instanceof Set || actual instanceof Map || actual instanceof Set) {
    const entries = (v: unknown) => (v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v.values()] : v);
    const kindDiffers = kindOf(expected) !== kindOf(actual);
    if (kindDiffers || stateDifferences(entries(expected), entries(actual)).length > 0) {
      return [{ path, expected, actual, ...(kindDiffers ? { kind: `${kindOf(expected)} became ${kindOf(actual)}` } : {}) }];
    }
    return [];
  }
  if (!isObject(expected) || !isObject(actual)) {
    if (typeof expected === 'function' && typeof actual === 'function') return [];
    return [{ path, expected, actual }];
  }
  const out: Difference[] = [];
  const keys = new Set([...observableKeys(expected), ...observableKeys(actual)]);
  for (const key of keys) {
    out.push(...stateDifferences(read(expected, key), read(actual, key), path ? `${path}.${key}` : key));
  }
  if (out.length === 0 && kindOf(expected) !== kindOf(actual)) {
    out.push({ path, expected, actual, kind: `${kindOf(expected)} became ${kindOf(actual)}` });
  }
  return out;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Own enumerable keys plus the getters its class (not Object) defines. */
function observableKeys(value: object): string[] {
  const keys = Object.keys(value);
  for (let proto = Object.getPrototypeOf(value); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (descriptor.get && key !== '__proto__') keys.push(key);
    }
  }
  return keys;
}

function read(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch (error) {
    return `(reading it threw: ${(error as Error).message})`;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const proto = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return 'a plain object';
  const name = (proto as { constructor?: { name?: string } }).constructor?.name;
  return name ? `a ${name}` : 'an object';
}

/** The value at a dotted path, reading getters too. */
export function valueAtPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (!isObject(current)) return undefined;
    current = read(current, key);
  }
  return current;
}
