import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as m from '@cucumber/messages';
import { streamRunCollector } from '../../src/docs/streamRun';

const hookFinished = (status: string, message?: string) =>
  ({ testRunHookFinished: { testRunHookStartedId: 'h', timestamp: { seconds: 0, nanos: 0 }, result: { status, duration: { seconds: 0, nanos: 0 }, ...(message ? { message } : {}) } } }) as unknown as m.Envelope;

describe('streamRunCollector', () => {
  it('reports a run-wide hook that failed, with its message, and not one a dry run skipped', () => {
    const collect = (status: string, message?: string) => {
      const run = streamRunCollector('run.ndjson');
      run.add(hookFinished(status, message));
      return run.done();
    };
    const failed = collect('FAILED', 'the database is down');
    assert.equal(failed.hookFailed, true);
    assert.deepEqual(failed.problems, ['a run-wide hook did not pass (failed): the database is down']);
    for (const status of ['PASSED', 'SKIPPED']) {
      const fine = collect(status);
      assert.equal(fine.hookFailed, false, status);
      assert.deepEqual(fine.problems, [], status);
    }
  });
});
