/**
 * The dotted paths `read` looks at in `value`, found by handing it a recording proxy: used to
 * show a product owner just the state fields an invariant depends on.
 */
export function readPaths(value: unknown, read: (value: unknown) => unknown): string[] {
  const seen = new Set<string>();
  const wrap = (target: unknown, path: string): unknown => {
    if (typeof target !== 'object' || target === null || target instanceof Date) return target;
    return new Proxy(target, {
      get(object, key, receiver) {
        const inner = Reflect.get(object, key, receiver);
        if (typeof key !== 'string' || typeof inner === 'function' || Array.isArray(object)) return inner;
        const at = path ? `${path}.${key}` : key;
        seen.add(at);
        return Array.isArray(inner) ? (seen.add(at), inner) : wrap(inner, at);
      },
    });
  };
  try {
    read(wrap(value, ''));
  } catch {
    // A failing read still tells which fields it looked at.
  }
  const paths = [...seen];
  return paths.filter((p) => !paths.some((other) => other.startsWith(`${p}.`)));
}
