import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, describe, it } from 'node:test';
import { buildDocs, readSiteData, type DocsData } from '../../src/docs';
import { expandRuns, idRuns, packSiteData, unpackSiteData } from '../../src/docs/sitePacking';
import { writeSite } from '../../src/docs/writeSite';
import { writeDocsFixture } from '../bench/docsFixture';
import { shop } from './fixtures/shop/domain';

const work = mkdtempSync(join(tmpdir(), 'eventspec-packing-'));
after(() => rmSync(work, { recursive: true, force: true }));

const plain = (data: DocsData) => JSON.parse(JSON.stringify(data)) as DocsData & Record<string, unknown> & { scenarios: Record<string, unknown>[] };

describe('the packed page data', () => {
  it('writes id lists as runs and reads them back, in any order and with gaps', () => {
    for (const ids of [[], [7], [0, 1, 2, 3, 9, 10, 12], [5, 3, 4, 4, 0], Array.from({ length: 20_000 }, (_, i) => i)]) {
      assert.deepEqual(expandRuns(idRuns(ids)), ids);
    }
    assert.deepEqual(idRuns(Array.from({ length: 20_000 }, (_, i) => i)), [0, 20_000]);
  });

  it('reads back exactly what was packed, for a run with outlines, rules, tags and retries', async () => {
    const { data } = await buildDocs({ features: 'features', messages: 'run.ndjson', domain: shop, cwd: join(__dirname, 'fixtures', 'shop'), out: join(work, 'shop') });
    const packed = packSiteData(plain(data));
    assert.deepEqual(unpackSiteData(JSON.parse(JSON.stringify(packed))), plain(data));
  });

  it('leaves out what the page can work out: at 2,000 scenarios the summaries take under 60% of the room', async () => {
    const dir = join(work, 'long');
    writeDocsFixture(dir, 2000);
    const built = await buildDocs({ features: 'features', messages: 'reports/cucumber.ndjson', cwd: dir, out: join(dir, 'site') });
    const block = /<script id="eventspec-data" type="application\/json">([\s\S]*?)<\/script>/.exec(readFileSync(built.index, 'utf8'))![1]!;
    const packed = JSON.parse(block) as { scenarios: Record<string, unknown>[]; glossary: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(packed.scenarios[0]!).sort(), ['durationMs', 'feature', 'k', 'line', 'name', 'status', 't']);
    assert.deepEqual(packed.glossary[0]!.usedInRuns, [0, 2000]);
    const summaries = built.data.scenarios.map(({ steps, events, attachments, description, ...summary }) => summary);
    assert.ok(JSON.stringify(packed.scenarios).length < JSON.stringify(summaries).length * 0.6);
    assert.deepEqual(readSiteData(built.index), plain(built.data));
  });

  it('writes the search text folded as the page folds a query: lower case, accents dropped, each line once', async () => {
    const { data } = await buildDocs({ features: 'features', messages: 'run.ndjson', domain: shop, cwd: join(__dirname, 'fixtures', 'shop'), out: join(work, 'shop-folded') });
    const accented = { ...data, scenarios: data.scenarios.map((s, i) => (i === 0 ? { ...s, description: 'Zoë orders a CRÈME brûlée\nZoë orders a CRÈME brûlée' } : s)) };
    const out = join(work, 'folded');
    await writeSite(accented, out);
    const files = readdirSync(join(out, 'search'));
    assert.deepEqual(files, ['0.js']);
    const packed = /"([A-Za-z0-9+/=]+)"/.exec(readFileSync(join(out, 'search', '0.js'), 'utf8'))![1]!;
    const first = gunzipSync(Buffer.from(packed, 'base64')).toString('utf8').split('\u0001')[0]!;
    assert.equal(first.split('\n').filter((line) => line === 'zoe orders a creme brulee').length, 1, first);
    assert.ok(!/[A-ZÀ-ÿ]/.test(first), `not folded: ${first}`);
  });
});
