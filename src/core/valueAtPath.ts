/**
 * The value at a path of keys (`['address', 'city']`), or undefined. Own properties only, so
 * `__proto__` or `constructor` in a path are plain names, never the object's machinery.
 */
export function valueAtPath(value: unknown, path: string | readonly string[]): unknown {
  let current = value;
  for (const key of typeof path === 'string' ? path.split('.') : path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
