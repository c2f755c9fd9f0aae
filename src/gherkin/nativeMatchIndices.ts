import { dirname } from 'node:path';

interface TreeRegexpLike {
  readonly regexp: RegExp;
  readonly groupBuilder: { build(match: RegExpExecArray, nextGroupIndex: () => number): unknown };
  match(text: string): unknown;
}

const PATCHED = Symbol.for('eventspec.nativeMatchIndices');

/**
 * Cucumber matches each step through cucumber-expressions' TreeRegexp, which takes capture-group
 * positions from the regexp-match-indices polyfill. The polyfill tests for native support with a
 * regexp that lacks the `d` flag, so it never finds it: it parses every step's regexp with
 * regexp-tree (tens of milliseconds for one holding a domain's names, once per step definition)
 * and rebuilds the positions in JavaScript on every match. Node 16+ gives the same positions
 * natively with the `d` flag. So TreeRegexp's `match` is replaced by the same code on a `d` copy
 * of its regexp. If cucumber's copy of the library does not have the expected shape, nothing is
 * changed (cucumber stays as fast as it was). Returns whether the native match is in place.
 */
export function useNativeMatchIndices(): boolean {
  const prototype = treeRegexpPrototype();
  if (!prototype) return false;
  if ((prototype as unknown as Record<symbol, boolean>)[PATCHED]) return true;
  const withIndices = new WeakMap<RegExp, RegExp>();
  prototype.match = function match(this: TreeRegexpLike, text: string) {
    let regexp = withIndices.get(this.regexp);
    if (!regexp) {
      regexp = new RegExp(this.regexp.source, this.regexp.flags.includes('d') ? this.regexp.flags : `${this.regexp.flags}d`);
      withIndices.set(this.regexp, regexp);
    }
    regexp.lastIndex = this.regexp.lastIndex;
    const found = regexp.exec(text);
    this.regexp.lastIndex = regexp.lastIndex;
    if (!found) return null;
    let group = 0;
    return this.groupBuilder.build(found, () => group++);
  };
  Object.defineProperty(prototype, PATCHED, { value: true });
  return true;
}

/** TreeRegexp of the cucumber-expressions copy cucumber itself loads (it is not exported, so reached through an expression). */
function treeRegexpPrototype(): TreeRegexpLike | undefined {
  try {
    const cucumber = dirname(require.resolve('@cucumber/cucumber/package.json'));
    const expressions = require(require.resolve('@cucumber/cucumber-expressions', { paths: [cucumber] })) as typeof import('@cucumber/cucumber-expressions');
    const probe = new expressions.CucumberExpression('a {int}', new expressions.ParameterTypeRegistry()) as unknown as { treeRegexp?: TreeRegexpLike };
    const prototype = probe.treeRegexp ? (Object.getPrototypeOf(probe.treeRegexp) as TreeRegexpLike) : undefined;
    if (!prototype || typeof prototype.match !== 'function' || !(probe.treeRegexp!.regexp instanceof RegExp) || typeof probe.treeRegexp!.groupBuilder?.build !== 'function') return undefined;
    return prototype;
  } catch {
    return undefined;
  }
}
