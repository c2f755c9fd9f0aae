import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decideAppend } from '../../src/eventStore';
import { planAppend } from '../../src/mongo/appendPlan';
import type { ChunkHead } from '../../src/mongo/chunkDocument';

const limits = { maxEvents: 5, maxBytes: 1000 };
const head = (nextVersion: number, over: Partial<ChunkHead> = {}): ChunkHead => ({ stream: 'S', chunk: 1, firstVersion: 1, nextVersion, count: nextVersion - 1, bytes: 10, sealed: false, ...over });
const none = new Map<string, number>();

describe('append plan', () => {
  it('a wrong expected version is refused with the current version', () => {
    assert.deepEqual(planAppend({ head: head(3), expected: 5, batchIds: ['a'], storedVersions: none, batch: { count: 1, bytes: 1 }, limits }), { kind: 'wrong-version', currentVersion: 2 });
  });

  it('a partial overlap is refused with the reason', () => {
    const plan = planAppend({ head: head(3), expected: 'any', batchIds: ['a', 'b'], storedVersions: new Map([['a', 2]]), batch: { count: 2, bytes: 1 }, limits });
    assert.equal(plan.kind, 'partial-overlap');
  });

  it('a stored batch at its place is a retry', () => {
    const plan = planAppend({ head: head(4), expected: 1, batchIds: ['a', 'b'], storedVersions: new Map([['a', 2], ['b', 3]]), batch: { count: 2, bytes: 1 }, limits });
    assert.deepEqual(plan, { kind: 'already-stored', firstVersion: 2, currentVersion: 3 });
  });

  it('an empty batch with a matching version writes nothing', () => {
    assert.deepEqual(planAppend({ head: head(3), expected: 2, batchIds: [], storedVersions: none, batch: { count: 0, bytes: 0 }, limits }), { kind: 'nothing', currentVersion: 2 });
    assert.deepEqual(planAppend({ head: undefined, expected: 'no_stream', batchIds: [], storedVersions: none, batch: { count: 0, bytes: 0 }, limits }), { kind: 'nothing', currentVersion: 0 });
  });

  it('a fresh batch goes to the chunk target: create, push, seal, open', () => {
    const batch = { count: 2, bytes: 10 };
    assert.equal(planAppend({ head: undefined, expected: 'no_stream', batchIds: ['a', 'b'], storedVersions: none, batch, limits }).kind, 'create-first');
    assert.equal(planAppend({ head: head(3), expected: 2, batchIds: ['a', 'b'], storedVersions: none, batch, limits }).kind, 'push');
    assert.equal(planAppend({ head: head(5), expected: 4, batchIds: ['a', 'b'], storedVersions: none, batch, limits }).kind, 'seal');
    assert.equal(planAppend({ head: head(5, { sealed: true }), expected: 'any', batchIds: ['a', 'b'], storedVersions: none, batch, limits }).kind, 'open-next');
  });

  it('an empty chunk 1 left by a crashed creator counts as no stream', () => {
    const empty = head(1, { count: 0 });
    assert.equal(planAppend({ head: empty, expected: 'no_stream', batchIds: ['a'], storedVersions: none, batch: { count: 1, bytes: 1 }, limits }).kind, 'push');
  });

  it('agrees with decideAppend on every version and idempotency question (property)', () => {
    const expectedArb = fc.oneof(fc.nat(6), fc.constantFrom('no_stream' as const, 'stream_exists' as const, 'any' as const));
    // Some of the batch's ids may already be stored, at any version of the stream (a retry, an overlap, a scattered reuse).
    const storedArb = fc.array(fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.nat(6), expectedArb, fc.nat(3), storedArb, (current, expected, size, at) => {
        const ids = Array.from({ length: size }, (_, i) => `e${i}`);
        const storedVersions = new Map(ids.flatMap((id, i) => (at[i] !== undefined && at[i]! <= current ? [[id, at[i]!] as [string, number]] : [])));
        const h = current === 0 ? undefined : head(current + 1, { count: current });
        const plan = planAppend({ head: h, expected, batchIds: ids, storedVersions, batch: { count: size, bytes: 1 }, limits: { maxEvents: 100, maxBytes: 1000 } });
        const decision = decideAppend({ currentVersion: current, expected, batchIds: ids, storedVersions });
        switch (decision.kind) {
          case 'wrong-version':
            return assert.deepEqual(plan, { kind: 'wrong-version', currentVersion: current });
          case 'partial-overlap':
            return assert.deepEqual(plan, { kind: 'partial-overlap', reason: decision.reason });
          case 'already-stored':
            return assert.deepEqual(plan, { kind: 'already-stored', firstVersion: decision.firstVersion, currentVersion: current });
          case 'write':
            return assert.equal(plan.kind, size === 0 ? 'nothing' : current === 0 ? 'create-first' : 'push');
        }
      }),
      { numRuns: 500 },
    );
  });
});
