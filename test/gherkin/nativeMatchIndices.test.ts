import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import { RegularExpression } from '@cucumber/cucumber-expressions';
import type { Argument } from '@cucumber/cucumber-expressions';
import { vocabulary } from '../../src/gherkin';
import { compile, domainParameterTypes, domainRegistry } from '../../src/gherkin/domainParameterTypes';
import { useNativeMatchIndices } from '../../src/gherkin/nativeMatchIndices';
import { domain } from '../../src/domains';

/** What cucumber reads of a match: every argument's text and position, nested groups included. */
function shape(args: readonly Argument[] | null): unknown {
  const group = (g: { value?: string; start?: number; end?: number; children?: readonly unknown[] }): unknown => ({
    value: g.value,
    start: g.start,
    end: g.end,
    children: (g.children as typeof g[] | undefined)?.map(group),
  });
  return args?.map((a) => group(a.group));
}

/** regexp-tree, as the polyfill loads it: counts its parses. */
function regexpTreeParses(): { count: () => number } {
  const polyfill = dirname(require.resolve('regexp-match-indices/package.json', { paths: [dirname(require.resolve('@cucumber/cucumber-expressions'))] }));
  const tree = require(require.resolve('regexp-tree', { paths: [polyfill] })) as { parse: (...args: unknown[]) => unknown };
  const parse = tree.parse;
  let parses = 0;
  tree.parse = (...args: unknown[]) => {
    parses++;
    return parse.apply(tree, args);
  };
  return { count: () => parses };
}

describe("cucumber's step matching with native match indices (nativeMatchIndices.ts)", () => {
  const registry = domainRegistry(domainParameterTypes(domain));
  const texts = vocabulary.map((step) => step.example.split('\n')[0]!.replace(/^(Given|When|Then) /, ''));
  const expressions = [
    ...vocabulary.map((step) => compile(step.cucumberExpression, registry)),
    // Optional, nested, named and non-capturing groups, and one that takes part in no match.
    new RegularExpression(/^(?:a (\w+)(?: and (\w+))?)? ?(?<rest>"([^"]*)")?$/, registry),
  ];
  const samples = [...texts, 'a x and y "q"', 'a x', '"only"', 'Order "o-1" has recorded nothing at all'];
  const match = () => expressions.map((e) => samples.map((t) => shape(e.match(t))));

  it('finds the same arguments at the same positions as the polyfill, without parsing any regexp', () => {
    const before = match();
    const parses = regexpTreeParses();
    assert.equal(useNativeMatchIndices(), true, "cucumber-expressions' TreeRegexp was not found");
    const after = match();
    assert.deepEqual(after, before);
    // New expressions too: their first match no longer parses the regexp (tens of ms for a domain's names).
    const fresh = vocabulary.map((step) => compile(step.cucumberExpression, registry));
    for (const expression of fresh) for (const text of texts) expression.match(text);
    assert.equal(parses.count(), 0);
    assert.ok(before.flat().filter(Boolean).length >= vocabulary.length, 'every example matched its own step');
  });

  it('is put in place once, however often the steps are installed', () => {
    assert.equal(useNativeMatchIndices(), true);
    assert.equal(useNativeMatchIndices(), true);
    assert.deepEqual(shape(new RegularExpression(/^(a)(b)?$/, registry).match('a')), [{ value: 'a', start: 0, end: 1, children: undefined }, { value: undefined, start: undefined, end: undefined, children: undefined }]);
  });
});
