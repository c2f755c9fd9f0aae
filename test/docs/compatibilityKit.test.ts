import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { getWorstTestStepResult, type Envelope, type TestStepResult } from '@cucumber/messages';
import { buildSample, KIT, ndjsonOf, samples } from './kitSamples';

/** Every compatibility-kit sample goes through the generator; @cucumber/messages' own rule is the oracle for statuses. */
const work = mkdtempSync(join(tmpdir(), 'eventspec-kit-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The status each pickle should show, computed with @cucumber/messages' own rule over the last attempt. */
function expectedStatuses(envelopes: Envelope[]): Map<string, string> {
  const testCaseOfPickle = new Map<string, string>();
  const lastStart = new Map<string, { id: string; attempt: number }>();
  const results = new Map<string, TestStepResult[]>();
  const finished = new Set<string>();
  for (const e of envelopes) {
    if (e.testCase) testCaseOfPickle.set(e.testCase.pickleId, e.testCase.id);
    if (e.testCaseStarted) {
      const prev = lastStart.get(e.testCaseStarted.testCaseId);
      if (!prev || e.testCaseStarted.attempt >= prev.attempt) lastStart.set(e.testCaseStarted.testCaseId, e.testCaseStarted);
    }
    if (e.testStepFinished) results.set(e.testStepFinished.testCaseStartedId, [...(results.get(e.testStepFinished.testCaseStartedId) ?? []), e.testStepFinished.testStepResult]);
    if (e.testCaseFinished) finished.add(e.testCaseFinished.testCaseStartedId);
  }
  const out = new Map<string, string>();
  for (const e of envelopes) {
    if (!e.pickle) continue;
    const testCase = testCaseOfPickle.get(e.pickle.id);
    const start = testCase ? lastStart.get(testCase) : undefined;
    if (!start) out.set(e.pickle.id, 'not run');
    else if (!finished.has(start.id)) out.set(e.pickle.id, 'incomplete');
    else out.set(e.pickle.id, getWorstTestStepResult(results.get(start.id) ?? []).status.toLowerCase());
  }
  return out;
}

describe('every compatibility-kit sample', () => {
  it('finds the samples', async () => {
    assert.ok(samples.length >= 40, `only ${samples.length} samples in ${KIT}`);
  });

  for (const name of samples) {
    it(name, async () => {
      const built = await buildSample(name, join(work, name));
      const envelopes = readFileSync(ndjsonOf(name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Envelope);
      const pickles = envelopes.filter((e) => e.pickle).map((e) => e.pickle!);
      const expected = expectedStatuses(envelopes);
      const { data } = built;

      assert.equal(data.scenarios.length, pickles.length, 'one scenario per pickle');
      pickles.forEach((p, i) => {
        const s = data.scenarios.find((x) => x.name === p.name && x.uri === p.uri && x.line === (p.location?.line ?? x.line));
        assert.ok(s, `pickle ${i} "${p.name}" is missing`);
      });
      const shown = data.scenarios.map((s) => s.status).sort();
      assert.deepEqual(shown, [...expected.values()].sort());
      for (const s of data.scenarios) {
        if (s.status !== 'passed' && s.status !== 'skipped' && s.status !== 'not run') assert.ok(s.error, `${s.name} (${s.status}) has no error text`);
      }
      // the features on disk are the ones that ran: no scenario shows twice
      assert.ok(!data.run.problems.some((p) => /not part of the last run/.test(p)), data.run.problems.join('\n'));
      const stepDefinitions = envelopes.filter((e) => e.stepDefinition).length;
      assert.equal(data.glossary.length, stepDefinitions);
      const html = readFileSync(built.index, 'utf8');
      assert.doesNotMatch(/<script id="eventspec-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]!, /[<>]/);
    });
  }
});
