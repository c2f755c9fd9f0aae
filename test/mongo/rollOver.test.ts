import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChunkHead } from '../../src/mongo/chunkDocument';
import { batchTooBig, chunkTarget, hasRoom, pushFilter, sealFilter } from '../../src/mongo/rollOver';

const limits = { maxEvents: 10, maxBytes: 1000 };
const head = (over: Partial<ChunkHead> = {}): ChunkHead => ({ stream: 'S', chunk: 2, firstVersion: 11, nextVersion: 15, count: 4, bytes: 400, sealed: false, ...over });

describe('roll-over', () => {
  it('a batch over the event cap or the byte cap can never be stored, and says how to fix it', () => {
    assert.match(batchTooBig({ count: 11, bytes: 10 }, limits)!, /11 events but a chunk holds at most 10 \(chunkMaxEvents\)/);
    assert.match(batchTooBig({ count: 1, bytes: 1001 }, limits)!, /1001 bytes but a chunk holds at most 1000 \(chunkMaxBytes\)/);
    assert.equal(batchTooBig({ count: 10, bytes: 1000 }, limits), undefined);
  });

  it('room is checked on both caps, inclusive', () => {
    assert.equal(hasRoom(head(), { count: 6, bytes: 600 }, limits), true);
    assert.equal(hasRoom(head(), { count: 7, bytes: 10 }, limits), false);
    assert.equal(hasRoom(head(), { count: 1, bytes: 601 }, limits), false);
  });

  it('too big wins over everything, even with no stream yet', () => {
    assert.equal(chunkTarget(undefined, { count: 11, bytes: 1 }, limits).kind, 'too-big');
    assert.equal(chunkTarget(head({ sealed: true }), { count: 1, bytes: 1001 }, limits).kind, 'too-big');
  });

  it('no chunk yet: create the first', () => assert.deepEqual(chunkTarget(undefined, { count: 1, bytes: 1 }, limits), { kind: 'create-first' }));

  it('room left: push into the head', () => assert.deepEqual(chunkTarget(head(), { count: 6, bytes: 600 }, limits), { kind: 'push', head: head() }));

  it('no room: seal the head (the batch is never split)', () => {
    assert.deepEqual(chunkTarget(head(), { count: 7, bytes: 1 }, limits), { kind: 'seal', head: head() });
    assert.deepEqual(chunkTarget(head({ count: 12, nextVersion: 23 }), { count: 1, bytes: 1 }, limits).kind, 'seal');
  });

  it('a sealed head (ours, another writer’s, or a crashed one’s) opens the next chunk where it ended', () => {
    const sealed = head({ sealed: true });
    assert.deepEqual(chunkTarget(sealed, { count: 1, bytes: 1 }, limits), { kind: 'open-next', head: sealed, next: { chunk: 3, firstVersion: 15 } });
  });

  it('the conditional update names the head exactly as read, unsealed, with room', () => {
    assert.deepEqual(pushFilter(head(), { count: 3, bytes: 250 }, limits), {
      stream: { $eq: 'S' },
      chunk: { $eq: 2 },
      nextVersion: { $eq: 15 },
      sealed: { $eq: false },
      count: { $lte: 7 },
      bytes: { $lte: 750 },
    });
    assert.deepEqual(sealFilter(head()), { stream: { $eq: 'S' }, chunk: { $eq: 2 }, sealed: { $eq: false } });
  });

  it('a hostile stream id stays a value under $eq', () => {
    const filter = pushFilter(head({ stream: '{"$gt": ""}' }), { count: 1, bytes: 1 }, limits);
    assert.deepEqual(filter.stream, { $eq: '{"$gt": ""}' });
  });
});
