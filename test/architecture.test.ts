import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, it } from 'node:test';

/**
 * The direction of dependency in src/: a folder imports only folders below it. Contracts and core
 * at the bottom; stores, command handling and projections above; testing, docs and the CLI on top.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['core'],
  ['contracts'],
  ['versioning'],
  ['aggregate'],
  ['domain'],
  ['eventStore', 'snapshots'],
  ['commandHandling', 'projections'],
  ['processes'],
  ['testing'],
  ['mongo'],
  ['gherkin', 'checks', 'catalog'],
  ['docs'],
  ['service'],
  ['cli'],
  ['index'],
  ['domains'],
];
const rank = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));
const src = join(__dirname, '..', 'src');

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|require\()\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
}

function folderOf(path: string): string {
  const parts = relative(src, path).split(sep);
  // `../mongo` names the folder itself (its index.ts); `../index` is the public entry point.
  return parts.length > 1 || (existsSync(path) && statSync(path).isDirectory()) ? parts[0]! : 'index';
}

describe('the architecture', () => {
  const files = readdirSync(src, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => join(src, f));

  it('names a layer for every folder of src/', () => {
    const folders = new Set(files.map(folderOf));
    for (const folder of folders) assert.ok(rank.has(folder), `src/${folder} has no layer in test/architecture.test.ts`);
  });

  it('has no import from a lower layer into a higher one', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      for (const specifier of importsOf(file)) {
        const to = folderOf(normalize(join(dirname(file), specifier)));
        if (to !== from && rank.get(to)! >= rank.get(from)!) violations.push(`${relative(src, file)} (${from}) imports ${specifier} (${to})`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it('keeps the example domains on the public API', () => {
    const reaching = files
      .filter((f) => folderOf(f) === 'domains')
      .flatMap((f) => importsOf(f).map((s) => ({ f, to: folderOf(normalize(join(dirname(f), s))) })))
      .filter(({ to }) => to !== 'index' && to !== 'domains');
    assert.deepEqual(reaching.map(({ f, to }) => `${relative(src, f)} reaches into src/${to}`), []);
  });
});
