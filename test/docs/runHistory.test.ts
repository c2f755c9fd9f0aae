import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { docsData } from '../../src/docs/buildDocs';
import type { DocsData } from '../../src/docs/docsData';
import { historyDoc, readHistory, recordAndReadHistory } from '../../src/docs/runHistory';
import { shop } from './fixtures/shop/domain';

const FIXTURE = join(__dirname, 'fixtures', 'shop');
const temp = mkdtempSync(join(tmpdir(), 'eventspec-history-'));
after(() => rmSync(temp, { recursive: true, force: true }));
let data: DocsData;
before(async () => {
  data = await docsData({ features: 'features', messages: 'run.ndjson', domain: shop, cwd: FIXTURE });
});

describe('the history of runs', () => {
  it('keeps one record per run, however often its docs are built, oldest first', async () => {
    const dir = join(temp, 'once');
    recordAndReadHistory(dir, data);
    const records = recordAndReadHistory(dir, data);
    assert.equal(readdirSync(dir).length, 1);
    assert.equal(records.length, 1);
    assert.equal(records[0]!.at, data.run.startedAt);
    const paying = data.scenarios.find((s) => s.name === 'Paying twice is refused')!;
    assert.equal(records[0]!.scenarios[paying.key]![0], 'failed');
  });

  it('shows the last runs of each current scenario, a scenario absent from a run as not run', async () => {
    const dir = join(temp, 'three');
    const key = data.scenarios[0]!.key;
    recordAndReadHistory(dir, data);
    writeFileSync(join(dir, 'run-20200101T000000Z.json'), JSON.stringify({ at: '2020-01-01T00:00:00.000Z', success: true, scenarios: { [key]: ['passed', 4] } }));
    writeFileSync(join(dir, 'run-20200102T000000Z.json'), JSON.stringify({ at: '2020-01-02T00:00:00.000Z', success: false, scenarios: {} }));
    const records = readHistory(dir);
    assert.deepEqual(records.map((r) => r.at), ['2020-01-01T00:00:00.000Z', '2020-01-02T00:00:00.000Z', data.run.startedAt]);
    const doc = historyDoc(records, [key]);
    assert.deepEqual(doc.runs.map((r) => r.success), [true, false, data.run.success]);
    assert.deepEqual(doc.scenarios[key]!.statuses, ['passed', 'not run', data.scenarios[0]!.status]);
    assert.deepEqual(doc.scenarios[key]!.durations.slice(0, 2), [4, null]);
    assert.deepEqual(readHistory(dir, 2).map((r) => r.at), ['2020-01-02T00:00:00.000Z', data.run.startedAt]);
  });

  it('names a record it cannot read, and records nothing for a site without results', async () => {
    const dir = join(temp, 'bad');
    recordAndReadHistory(dir, data);
    writeFileSync(join(dir, 'run-broken.json'), '{ not json');
    assert.throws(() => readHistory(dir), /run-broken\.json is not a run record of eventspec docs .* remove it, or give --history another folder/);
    const none = join(temp, 'none');
    const missing = await docsData({ features: 'features', messages: 'missing.ndjson', allowMissingResults: true, domain: shop, cwd: FIXTURE });
    assert.deepEqual(recordAndReadHistory(none, missing), []);
  });
});
