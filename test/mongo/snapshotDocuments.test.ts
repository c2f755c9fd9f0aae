import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Binary, BSON } from 'mongodb';
import { EventspecError } from '../../src/core/errors';
import { replacesSnapshot } from '../../src/snapshots';
import { readSnapshotDocument, snapshotDocument } from '../../src/mongo/snapshotDocument';
import { planSnapshotWrite } from '../../src/mongo/snapshotWritePlan';

const snap = (version: number, snapshotVersion = 1, state: unknown = { v: version }) => ({ streamId: 'S-1', version, snapshotVersion, state, takenAt: '2025-03-01T10:00:00.000Z' });

describe('snapshot write plan', () => {
  it('inserts when none is stored', () => assert.deepEqual(planSnapshotWrite(undefined, snap(1)), { kind: 'insert' }));
  it('replaces exactly the stored one when newer', () => assert.deepEqual(planSnapshotWrite(snap(3), snap(5)), { kind: 'replace', stored: { version: 3, snapshotVersion: 1 } }));
  it('keeps a stored one that is as new or newer', () => {
    assert.deepEqual(planSnapshotWrite(snap(5), snap(5)), { kind: 'keep-stored' });
    assert.deepEqual(planSnapshotWrite(snap(5), snap(3)), { kind: 'keep-stored' });
  });

  it('agrees with replacesSnapshot everywhere', () => {
    for (const sv of [0, 1, 2]) for (const v of [0, 1, 5]) for (const isv of [0, 1, 2]) for (const iv of [0, 1, 5]) {
      const stored = { version: v, snapshotVersion: sv };
      const incoming = { version: iv, snapshotVersion: isv };
      assert.equal(planSnapshotWrite(stored, incoming).kind !== 'keep-stored', replacesSnapshot(stored, incoming));
    }
  });
});

describe('snapshot documents', () => {
  it('round-trip plain state', () => {
    const doc = snapshotDocument(snap(4));
    assert.deepEqual(doc, { _id: 'S-1', version: 4, snapshotVersion: 1, state: { v: 4 }, takenAt: '2025-03-01T10:00:00.000Z' });
    assert.deepEqual(readSnapshotDocument(doc, 'S-1'), snap(4));
  });

  it('round-trip state with operator-like keys as bytes', () => {
    const doc = snapshotDocument(snap(4, 1, { $inc: { 'a.b': 1 } }));
    assert.ok(doc.stateBson instanceof Binary);
    assert.equal(doc.state, undefined);
    assert.deepEqual(readSnapshotDocument(doc, 'S-1').state, { $inc: { 'a.b': 1 } });
  });

  it('refuses a state over the 16 MiB document limit with what to do, and accepts one just under it', () => {
    const limit = 16 * 1024 * 1024;
    const overhead = BSON.calculateObjectSize(snapshotDocument(snap(7, 1, { text: '' })));
    const fits = snapshotDocument(snap(7, 1, { text: 'x'.repeat(limit - overhead) }));
    assert.equal(BSON.calculateObjectSize(fits), limit);
    assert.throws(
      () => snapshotDocument(snap(7, 1, { text: 'x'.repeat(limit - overhead + 1) })),
      (error: Error) =>
        error instanceof EventspecError &&
        /snapshot of stream "S-1" at version 7 takes 16777217 bytes, over MongoDB's 16 MiB document limit/.test(error.message) &&
        /The events are stored and loading replays them/.test(error.message),
    );
  });

  it('refuses state BSON would change', () => assert.throws(() => snapshotDocument(snap(4, 1, { f: () => 1 })), /snapshot of stream "S-1" at version 4: state\.f is a function/));

  const bad: [string, unknown, RegExp][] = [
    ['not a document', 7, /not a document/],
    ['version', { version: -1, snapshotVersion: 1, takenAt: 'x' }, /version is not a whole number/],
    ['snapshotVersion', { version: 1, snapshotVersion: 'x', takenAt: 'x' }, /snapshotVersion/],
    ['takenAt', { version: 1, snapshotVersion: 1 }, /takenAt/],
    ['stateBson not binary', { version: 1, snapshotVersion: 1, takenAt: 'x', stateBson: 'x' }, /stateBson is not binary/],
    ['stateBson not BSON', { version: 1, snapshotVersion: 1, takenAt: 'x', stateBson: new Binary(Buffer.from([9])) }, /stateBson cannot be read/],
  ];
  for (const [title, doc, message] of bad) {
    it(`refuses a stored snapshot whose ${title} is wrong, naming the stream`, () =>
      assert.throws(() => readSnapshotDocument(doc, 'S-1'), (e: unknown) => e instanceof Error && message.test(e.message) && /stream "S-1"/.test(e.message)));
  }
});

describe('stored snapshot documents, at the edges', () => {
  it('refuses null (a find that matched nothing passed on by mistake) as not a document, naming the stream', () =>
    assert.throws(() => readSnapshotDocument(null, 'S-1'), /stored snapshot of stream "S-1" does not match the snapshot layout: it is not a document/));

  it('reads version 0 and snapshotVersion 0, the lowest the layout allows', () => {
    const doc = { _id: 'S-1', version: 0, snapshotVersion: 0, state: {}, takenAt: '2025-03-01T10:00:00.000Z' };
    assert.deepEqual(readSnapshotDocument(doc, 'S-1'), { streamId: 'S-1', version: 0, snapshotVersion: 0, state: {}, takenAt: '2025-03-01T10:00:00.000Z' });
  });

  it('refuses a fractional version and a negative snapshotVersion', () => {
    assert.throws(() => readSnapshotDocument({ version: 1.5, snapshotVersion: 1, takenAt: 'x' }, 'S-1'), /version is not a whole number ≥ 0/);
    assert.throws(() => readSnapshotDocument({ version: 1, snapshotVersion: -1, takenAt: 'x' }, 'S-1'), /snapshotVersion is not a whole number ≥ 0/);
  });
});
