import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideAppend } from '../../src/eventStore';
import type { AppendFacts } from '../../src';

const facts = (over: Partial<AppendFacts>): AppendFacts => ({ currentVersion: 3, expected: 'any', batchIds: ['x', 'y'], storedVersions: new Map(), ...over });
const stored = (entries: [string, number][]) => new Map(entries);

describe('deciding an append from the stream’s state', () => {
  it('writes a fresh batch when the expected version holds', () => {
    assert.deepEqual(decideAppend(facts({ expected: 3 })), { kind: 'write', firstVersion: 4 });
    assert.deepEqual(decideAppend(facts({ currentVersion: 0, expected: 'no_stream' })), { kind: 'write', firstVersion: 1 });
    assert.deepEqual(decideAppend(facts({ expected: 'stream_exists' })), { kind: 'write', firstVersion: 4 });
    assert.deepEqual(decideAppend(facts({ expected: 'any' })), { kind: 'write', firstVersion: 4 });
  });

  it('refuses a fresh batch when the expected version does not hold', () => {
    for (const expected of [2, 4, 'no_stream'] as const) assert.deepEqual(decideAppend(facts({ expected })), { kind: 'wrong-version' });
    assert.deepEqual(decideAppend(facts({ currentVersion: 0, expected: 'stream_exists' })), { kind: 'wrong-version' });
  });

  it('treats a fully stored batch at the expected place as a retry', () => {
    const storedVersions = stored([['x', 2], ['y', 3]]);
    assert.deepEqual(decideAppend(facts({ expected: 1, storedVersions })), { kind: 'already-stored', firstVersion: 2 });
    assert.deepEqual(decideAppend(facts({ expected: 'any', storedVersions })), { kind: 'already-stored', firstVersion: 2 });
    assert.deepEqual(decideAppend(facts({ expected: 'stream_exists', storedVersions })), { kind: 'already-stored', firstVersion: 2 });
    assert.deepEqual(decideAppend(facts({ expected: 'no_stream', storedVersions: stored([['x', 1], ['y', 2]]) })), { kind: 'already-stored', firstVersion: 1 });
  });

  it('calls a fully stored batch at another place a wrong version', () => {
    assert.deepEqual(decideAppend(facts({ expected: 2, storedVersions: stored([['x', 2], ['y', 3]]) })), { kind: 'wrong-version' });
    assert.deepEqual(decideAppend(facts({ expected: 'no_stream', storedVersions: stored([['x', 2], ['y', 3]]) })), { kind: 'wrong-version' });
  });

  it('refuses partial overlaps, reordered batches and duplicate ids', () => {
    assert.equal(decideAppend(facts({ storedVersions: stored([['x', 3]]) })).kind, 'partial-overlap');
    assert.equal(decideAppend(facts({ storedVersions: stored([['x', 3], ['y', 2]]) })).kind, 'partial-overlap');
    assert.equal(decideAppend(facts({ storedVersions: stored([['x', 1], ['y', 3]]) })).kind, 'partial-overlap');
    assert.match(String((decideAppend(facts({ batchIds: ['x', 'x'] })) as { reason: string }).reason), /x appears twice/);
  });

  it('lets an empty batch check the version only', () => {
    assert.deepEqual(decideAppend(facts({ batchIds: [], expected: 3 })), { kind: 'write', firstVersion: 4 });
    assert.deepEqual(decideAppend(facts({ batchIds: [], expected: 2 })), { kind: 'wrong-version' });
  });
});

describe('why a batch overlaps the stream', () => {
  const reason = (over: Partial<AppendFacts>) => {
    const decision = decideAppend(facts(over));
    assert.equal(decision.kind, 'partial-overlap');
    return (decision as { reason: string }).reason;
  };

  it('says how many of the batch are stored, and the first of them', () => {
    const three = { batchIds: ['x', 'y', 'z'] };
    assert.equal(reason({ ...three, storedVersions: stored([['y', 3], ['z', 4]]) }), '2 of the 3 events are already stored (first: y), the others are not');
  });

  it('says when every event is stored but not in this order or not next to each other', () => {
    const text = 'the events are already stored, but not in this order or not next to each other';
    assert.equal(reason({ storedVersions: stored([['x', 3], ['y', 2]]) }), text);
    assert.equal(reason({ storedVersions: stored([['x', 1], ['y', 3]]) }), text);
  });
});
