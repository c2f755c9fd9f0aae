import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { DocsData } from '../../src/docs';
import { readSiteData } from '../../src/docs';
import { repoRoot, run } from './cliHarness';

// Issue 16, "past one machine": the example features run as three CI shards and once whole; the
// site built from the three streams must say what the site of the whole run says.
const work = mkdtempSync(join(tmpdir(), 'eventspec-shards-e2e-'));
after(() => rmSync(work, { recursive: true, force: true }));
const FEATURES = 'features/read-side';

/** What a reader sees of each scenario; ids, clocks and durations differ between any two runs. */
function reading(data: DocsData) {
  return data.scenarios
    .map((s) => ({
      key: s.key,
      status: s.status,
      attempts: s.attempts,
      error: s.error,
      steps: s.steps.map((step) => `${step.keyword}${step.text} → ${step.status}`),
      events: s.events.map((e) => `${e.streamId}@${e.version} ${e.type} ${JSON.stringify(e.data)}`),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

async function site(messages: string[], out: string): Promise<DocsData> {
  const built = await run(['docs', '--features', FEATURES, '--messages', ...messages, '--out', join(work, out), '--require-results'], repoRoot);
  assert.equal(built.code, 0, built.stderr);
  return readSiteData(join(work, out, 'index.html'));
}

describe('three CI shards, one site', () => {
  it('shows the same scenarios, steps, statuses and events as a single run', async () => {
    const streams: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const stream = join(work, `shard-${shard[0]}.ndjson`);
      const ran = await run(['test', FEATURES, '--shard', shard, '--format', `message:${stream}`], repoRoot);
      assert.equal(ran.code, 0, ran.stderr);
      streams.push(stream);
    }
    const whole = join(work, 'whole.ndjson');
    const single = await run(['test', FEATURES, '--format', `message:${whole}`], repoRoot);
    assert.equal(single.code, 0, single.stderr);

    const merged = await site(streams, 'merged');
    const alone = await site([whole], 'alone');
    assert.ok(alone.scenarios.length >= 10, `the read-side features hold ${alone.scenarios.length} scenarios`);
    assert.ok(alone.scenarios.every((s) => s.status === 'passed'));
    assert.deepEqual(reading(merged), reading(alone));
    assert.deepEqual(
      merged.features.map((f) => f.uri),
      alone.features.map((f) => f.uri),
    );
    assert.equal(merged.run.streams?.length, 3);
    // Each shard ran a part: no stream alone shows every scenario run.
    for (const stream of streams) {
      const part = await site([stream], `part-${streams.indexOf(stream)}`);
      const ranHere = part.scenarios.filter((s) => s.status !== 'not run');
      assert.ok(ranHere.length > 0 && ranHere.length < alone.scenarios.length, `${stream}: ${ranHere.length} of ${alone.scenarios.length} ran`);
    }
  });
});
