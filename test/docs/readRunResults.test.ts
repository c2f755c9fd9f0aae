import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Envelope } from '@cucumber/messages';
import { DocsInputError, readRunResults } from '../../src/docs';

/**
 * Several message streams merged into one site: CI shards of one run, and a re-run. The streams
 * are cut from a real cucumber-js run of the shop fixture (uuids, timestamps and all), the way
 * cucumber-js shards: every shard has every document and pickle, and runs only its test cases.
 */
const RUN = join(__dirname, 'fixtures', 'shop', 'run.ndjson');
const work = mkdtempSync(join(tmpdir(), 'eventspec-shards-'));
after(() => rmSync(work, { recursive: true, force: true }));

const envelopes = readFileSync(RUN, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Envelope);

/** The test case each message belongs to, or undefined for the messages every shard has. */
function caseOf(e: Envelope, startedToCase: Map<string, string>): string | undefined {
  if (e.testCase) return e.testCase.id;
  if (e.testCaseStarted) return e.testCaseStarted.testCaseId;
  const started = e.testStepStarted?.testCaseStartedId ?? e.testStepFinished?.testCaseStartedId ?? e.testCaseFinished?.testCaseStartedId ?? e.attachment?.testCaseStartedId;
  return started !== undefined ? startedToCase.get(started) : undefined;
}

function shards(list: readonly Envelope[], count: number, keep: (testCase: string, index: number) => number | undefined = (_, i) => i % count): Envelope[][] {
  const startedToCase = new Map(list.flatMap((e) => (e.testCaseStarted ? [[e.testCaseStarted.id, e.testCaseStarted.testCaseId] as const] : [])));
  const order = list.flatMap((e) => (e.testCase ? [e.testCase.id] : []));
  const out: Envelope[][] = Array.from({ length: count }, () => []);
  for (const e of list) {
    const testCase = caseOf(e, startedToCase);
    if (testCase === undefined) out.forEach((shard) => shard.push(e));
    else {
      const shard = keep(testCase, order.indexOf(testCase));
      if (shard !== undefined) out[shard]!.push(e);
    }
  }
  return out;
}

function write(name: string, list: readonly Envelope[]): string {
  const file = join(work, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${list.map((e) => JSON.stringify(e)).join('\n')}\n`);
  return file;
}

/** The same run made again by another process: every id new, every timestamp an hour later. */
function rerun(list: readonly Envelope[], passing: (e: Envelope) => boolean): Envelope[] {
  const text = JSON.stringify(list).replace(/"([0-9a-f]{8})-([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/g, '"r$1-$2"');
  const later = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(later);
    if (value === null || typeof value !== 'object') return value;
    const o = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, later(v)]));
    if (typeof o.seconds === 'number' && typeof o.nanos === 'number' && !('duration' in o)) o.seconds += 3600;
    return o;
  };
  return (later(JSON.parse(text)) as Envelope[]).map((e) => {
    if (e.testStepFinished && passing(e)) return { testStepFinished: { ...e.testStepFinished, testStepResult: { status: 'PASSED', duration: e.testStepFinished.testStepResult.duration } } } as Envelope;
    if (e.testRunFinished) return { testRunFinished: { ...e.testRunFinished, success: true } } as Envelope;
    return e;
  });
}

describe('readRunResults: several message streams of one run', () => {
  it('merges two CI shards of a real run into exactly what the whole run shows', async () => {
    const [a, b] = shards(envelopes, 2);
    const whole = await readRunResults(RUN);
    const merged = await readRunResults([write('shards/1.ndjson', a!), write('shards/2.ndjson', b!)]);
    assert.ok(a!.some((e) => e.testCase) && b!.some((e) => e.testCase), 'each shard ran something');
    assert.deepEqual(merged.scenarios, whole.scenarios);
    assert.deepEqual(merged.features, whole.features);
    assert.deepEqual(merged.astNodeIds, whole.astNodeIds);
    assert.deepEqual(merged.stepDefinitions, whole.stepDefinitions);
    assert.deepEqual(merged.run.streams?.map((s) => s.source), [join(work, 'shards/1.ndjson'), join(work, 'shards/2.ndjson')]);
    assert.equal(merged.run.state, 'complete');
    assert.equal(merged.run.success, false, 'a scenario failed in one shard');
    assert.deepEqual(merged.run.problems, whole.run.problems);
  });

  it('reads a folder of shard streams, each once however often it is named', async () => {
    const [a, b, c] = shards(envelopes, 3);
    write('folder/1.ndjson', a!);
    write('folder/2.ndjson', b!);
    write('folder/3.ndjson', c!);
    const whole = await readRunResults(RUN);
    const merged = await readRunResults(['folder', 'folder/2.ndjson', join(work, 'folder', '*.ndjson')], { cwd: work });
    assert.deepEqual(merged.run.streams?.map((s) => s.source), ['folder/1.ndjson', 'folder/2.ndjson', 'folder/3.ndjson']);
    assert.deepEqual(merged.scenarios, whole.scenarios);
  });

  it('a re-run decides: the scenario that failed and passed again is passed, with its first attempt kept; nothing counts twice', async () => {
    const whole = await readRunResults(RUN);
    const failed = whole.scenarios.find((s) => s.status === 'failed')!;
    const failedCase = envelopes.find((e) => e.pickle?.name === failed.name && e.pickle.uri === failed.uri)!.pickle!.id;
    const failedTestCase = envelopes.find((e) => e.testCase?.pickleId === failedCase)!.testCase!.id;
    // The re-run runs only the failed scenario, in a new process (new ids, an hour later), and it passes.
    const [again] = shards(envelopes, 1, (testCase) => (testCase === failedTestCase ? 0 : undefined));
    const rerunStream = write('rerun.ndjson', rerun(again!, () => true));
    // The first run given twice (a copied artifact) must not count its attempts twice.
    copyFileSync(RUN, join(work, 'copy.ndjson'));
    const merged = await readRunResults([RUN, join(work, 'copy.ndjson'), rerunStream]);

    assert.equal(merged.scenarios.length, whole.scenarios.length);
    const after = merged.scenarios.find((s) => s.key === failed.key)!;
    assert.equal(after.status, 'passed');
    assert.equal(after.attempts, 2);
    assert.equal(after.earlierErrors?.length, 1);
    assert.match(after.earlierErrors![0]!, /^attempt 1: failed — /);
    assert.equal(after.error, undefined);
    for (const s of merged.scenarios.filter((x) => x.key !== failed.key)) {
      const before = whole.scenarios.find((x) => x.key === s.key)!;
      assert.deepEqual([s.status, s.attempts], [before.status, before.attempts], s.key);
    }
    // Its row on the feature page still points at it, though the re-run numbered its AST afresh.
    assert.deepEqual(merged.astNodeIds, whole.astNodeIds);
    assert.equal(merged.run.streams?.length, 3);
    assert.equal(merged.run.success, false, 'the other failures (undefined, pending, ambiguous) still stand');
  });

  it('refuses a missing shard among those that exist, naming it', async () => {
    const [a] = shards(envelopes, 2);
    const one = write('partial/1.ndjson', a!);
    await assert.rejects(readRunResults([one, join(work, 'partial', '2.ndjson')]), (error: unknown) => {
      assert.ok(error instanceof DocsInputError);
      assert.match(error.message, /the Cucumber message stream .*partial\/2\.ndjson does not exist, but .*partial\/1\.ndjson does: the results of that shard would be missing/);
      return true;
    });
  });
});
