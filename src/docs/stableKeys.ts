/**
 * Lasting links for the site: a feature by its path, a scenario by its feature's path and its
 * name (plus the example row for an Outline). Positions in the run moved whenever a scenario was
 * added above; names move only when someone renames the scenario, and then the link should change.
 */

/** Lower-case words joined by dashes; letters of every script are kept. */
export function slug(text: string): string {
  const words = text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return words === '' ? 'scenario' : words;
}

/**
 * `features/orders.feature/a-placed-order-can-be-shipped`, `…/adding-items/example-2`; a name used
 * twice in one feature gets `~2`, `~3` in file order. `taken` holds the feature's keys so far.
 */
export function scenarioKey(uri: string, name: string, exampleRow: number | undefined, taken: Set<string>): string {
  const base = `${uri}/${slug(name)}${exampleRow !== undefined ? `/example-${exampleRow}` : ''}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}~${n}`;
  taken.add(key);
  return key;
}
