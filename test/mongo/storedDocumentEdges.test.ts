import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoredChunkError } from '../../src/mongo';
import { encodeEvent, newChunk, placeEvents, readChunkHead, readStoredEvent } from '../../src/mongo/chunkDocument';
import { POSITION_COUNTER_ID, readCounter } from '../../src/mongo/globalPositions';
import { storedVersionsOf } from '../../src/mongo/storedVersions';
import { newEvent } from '../support/events';

// Stored documents are untyped data from the server: the edges the mutation run found untested.
const at = '2025-03-01T10:00:00.000Z';
const element = placeEvents([encodeEvent('S-1', 0, newEvent('Happened', { i: 0 }), at)], 1, 100)[0]!;
const refusedAt = (chunk: number | undefined, field: RegExp) => (error: unknown) => {
  assert.ok(error instanceof StoredChunkError, String(error));
  assert.equal(error.chunk, chunk);
  assert.match(error.message, field);
  return true;
};

describe('stored chunk documents, at the edges', () => {
  it('refuses an event id that is not a string, and an empty type', () => {
    assert.throws(() => readStoredEvent({ ...element, id: 7 }, { stream: 'S-1', chunk: 4 }, 0), refusedAt(4, /events\[0\]\.id is not a non-empty string/));
    assert.throws(() => readStoredEvent({ ...element, type: '' }, { stream: 'S-1', chunk: 4 }, 0), refusedAt(4, /events\[0\]\.type is not a non-empty string/));
  });

  it('refuses metadata without recordedAt', () => {
    const metadata = { occurredAt: at };
    assert.throws(() => readStoredEvent({ ...element, metadata }, { stream: 'S-1', chunk: 4 }, 0), refusedAt(4, /metadata lacks occurredAt or recordedAt/));
  });

  it('names the stream the document holds, and its chunk number, when a head field is wrong', () => {
    const head = { ...newChunk('S-9', 3, 1), count: -1 };
    assert.throws(() => readChunkHead(head), (error: unknown) => refusedAt(3, /count is not a whole number ≥ 0/)(error) && /stream "S-9"/.test((error as Error).message));
  });
});

describe('stored versions, at the edges', () => {
  for (const version of ['x', 1.5]) {
    it(`refuses a wanted id stored with version ${JSON.stringify(version)}`, () =>
      assert.throws(() => storedVersionsOf('S', [{ chunk: 2, events: [{ id: 'a', version }] }], ['a']), refusedAt(2, /stream "S".*events\[0\]\.version is not a whole number ≥ 1/)));
  }
});

describe('the position counter, at the edges', () => {
  it('is the document "position", and reads 0 (a fresh store) as 0', () => {
    assert.equal(POSITION_COUNTER_ID, 'position');
    assert.equal(readCounter({ _id: 'position', value: 0 }, 'p'), 0);
  });

  it('refuses a fractional value', () => assert.throws(() => readCounter({ value: 1.5 }, 'p'), /holds 1\.5, not a whole number ≥ 0/));
});
