import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DocsInputError, docsData } from '../../src/docs';
import { envelopeProblem } from '../../src/docs/envelopeShape';
import { shop } from './fixtures/shop/domain';

const temp = mkdtempSync(join(tmpdir(), 'eventspec-envelope-'));
after(() => rmSync(temp, { recursive: true, force: true }));
const FIXTURE = join(__dirname, 'fixtures', 'shop');
const envelopes: Record<string, unknown>[] = readFileSync(join(FIXTURE, 'run.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

/** Every field path of a value down to `depth` levels, arrays by their first item. */
function paths(value: unknown, depth: number, prefix: (string | number)[] = []): (string | number)[][] {
  if (depth === 0 || value === null || typeof value !== 'object') return [];
  const keys = Array.isArray(value) ? (value.length > 0 ? [0] : []) : Object.keys(value);
  return keys.flatMap((k) => {
    const path = [...prefix, k];
    return [path, ...paths((value as Record<string | number, unknown>)[k], depth - 1, path)];
  });
}

function mutated(envelope: Record<string, unknown>, path: (string | number)[], replacement: unknown): Record<string, unknown> {
  const copy = structuredClone(envelope);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

describe('the shape of the message stream', () => {
  it('lets every message of a real cucumber run through', async () => {
    assert.deepEqual(envelopes.map(envelopeProblem).filter(Boolean), []);
  });

  it('a field removed, nulled or of the wrong type anywhere in a real run: the site is built or the line is refused, never a TypeError', async () => {
    let refused = 0;
    let tried = 0;
    // The first message of each kind (the rest repeat its shape), to keep the run short.
    const kinds = new Set<string>();
    for (const [line, envelope] of envelopes.entries()) {
      const kind = Object.keys(envelope)[0]!;
      if (kinds.has(kind)) continue;
      kinds.add(kind);
      for (const path of paths(envelope, 5)) {
        for (const replacement of [undefined, null, 7]) {
          const lines = envelopes.map((e, i) => JSON.stringify(i === line ? mutated(envelope, path, replacement) : e));
          const file = join(temp, 'run.ndjson');
          writeFileSync(file, `${lines.join('\n')}\n`);
          tried += 1;
          try {
            await docsData({ messages: 'run.ndjson', domain: shop, cwd: temp });
          } catch (error) {
            const where = `line ${line + 1}, ${path.join('.')} = ${JSON.stringify(replacement)}`;
            assert.ok(error instanceof DocsInputError, `${where}: ${(error as Error).stack}`);
            assert.match(error.message, new RegExp(`^run\\.ndjson:${line + 1}: `), where);
            refused += 1;
          }
        }
      }
    }
    assert.ok(refused > 0 && tried > refused, `${refused} of ${tried} refused`);
  });
});
