import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { RecordedEvent } from '../../src';
import { StoredChunkError } from '../../src/mongo';
import { Query } from 'mingo';
import { encodeEvent, newChunk, storedEvent, type ChunkDocument } from '../../src/mongo/chunkDocument';
import { readChunks, type ChunkSource } from '../../src/mongo/readChunks';
import { checkConsecutive, chunkQueryOf, planStreamRead, readsInto, startChunkQuery, takeFromChunk, type StreamReadPlan } from '../../src/mongo/streamRead';

const event = (version: number): RecordedEvent => ({
  id: `e${version}`,
  type: 'T',
  schemaVersion: 1,
  data: {},
  metadata: { occurredAt: 'x', recordedAt: 'x' },
  streamId: 'S',
  version,
  position: version,
});

interface Chunk {
  firstVersion: number;
  nextVersion: number;
  count: number;
  sealed: boolean;
  events: RecordedEvent[];
}

/** Splits versions 1..total into chunks of the given sizes. */
function chunksOf(total: number, sizes: number[]): Chunk[] {
  const chunks: Chunk[] = [];
  let next = 1;
  for (const size of sizes) {
    if (next > total) break;
    const events = Array.from({ length: Math.min(size, total - next + 1) }, (_, i) => event(next + i));
    chunks.push({ firstVersion: next, nextVersion: next + events.length, count: events.length, sealed: true, events });
    next += events.length;
  }
  // Only the head is open; every chunk before it was sealed before its successor was created.
  if (chunks.length > 0) chunks[chunks.length - 1]!.sealed = false;
  return chunks;
}

/** A chunk as the store writes it: encoded events under the chunk's own fields. */
function documentOf(stream: string, chunk: Chunk, number: number): ChunkDocument {
  const encoded = chunk.events.map((e, i) =>
    encodeEvent(stream, i, { id: `${stream}-${e.id}`, type: e.type, schemaVersion: 1, data: {}, metadata: { occurredAt: 'x' } }, 'x'),
  );
  return {
    ...newChunk(stream, number, chunk.firstVersion),
    nextVersion: chunk.nextVersion,
    count: chunk.count,
    bytes: encoded.reduce((sum, e) => sum + e.bytes, 0),
    sealed: chunk.sealed,
    events: encoded.map((e, i) => storedEvent(e, chunk.events[i]!.version, chunk.events[i]!.position)),
  };
}

/** Chunks the read fetched last time, to check that a read from a version skips the ones before it. */
let fetched = 0;

/**
 * The store's own read loop (readChunks) over a collection held here: the stream's chunks beside
 * another stream's, filtered by mingo as the server would and sorted by chunk number.
 */
async function read(stored: Chunk[], plan: StreamReadPlan | undefined): Promise<number[]> {
  if (!plan) return [];
  const collection = [...stored.map((c, i) => documentOf('S', c, i + 1)), ...chunksOf(9, [4, 5]).map((c, i) => documentOf('S2', c, i + 1))];
  const source: ChunkSource = {
    findStartChunk: async (filter, sort) => {
      assert.deepEqual(sort, { firstVersion: -1 });
      const matching = collection.filter((doc) => new Query(filter).test(doc as unknown as Record<string, unknown>)).sort((a, b) => b.firstVersion - a.firstVersion);
      return matching[0] ? { chunk: matching[0].chunk } : null;
    },
    findChunks: (filter, sort) => {
      const matching = collection.filter((doc) => new Query(filter).test(doc as unknown as Record<string, unknown>)).sort((a, b) => sort * (a.chunk - b.chunk));
      fetched = matching.length;
      return (async function* () {
        yield* matching;
      })();
    },
  };
  return (await readChunks('S', plan, source)).map((e) => e.version);
}

/** What the in-memory store answers for the same options. */
function reference(total: number, options: { direction?: 'forward' | 'backward'; fromVersion?: number; maxCount?: number }): number[] {
  const all = Array.from({ length: total }, (_, i) => i + 1);
  const maxCount = options.maxCount ?? Infinity;
  if (options.direction === 'backward') {
    const from = Math.min(options.fromVersion ?? total, total);
    const to = Math.max(from - maxCount, 0);
    return all.slice(to, Math.max(from, 0)).reverse();
  }
  const from = Math.max(options.fromVersion ?? 1, 1);
  return all.slice(from - 1, maxCount === Infinity ? undefined : from - 1 + maxCount);
}

describe('stream reads over chunks', () => {
  it('plans nothing for maxCount 0 or a backward read from below version 1', () => {
    assert.equal(planStreamRead('S', { maxCount: 0 }), undefined);
    assert.equal(planStreamRead('S', { direction: 'backward', fromVersion: 0 }), undefined);
    assert.deepEqual(planStreamRead('S'), { direction: 'forward', from: 1, maxCount: Infinity });
    assert.deepEqual(planStreamRead('S', { direction: 'backward' }), { direction: 'backward', from: Infinity, maxCount: Infinity });
  });

  it('asks only for chunks that can hold wanted versions', () => {
    assert.deepEqual(chunkQueryOf('S', { direction: 'forward', from: 4, maxCount: 3 }), {
      filter: { stream: { $eq: 'S' }, nextVersion: { $gt: 4 }, firstVersion: { $lte: 6 } },
      sort: 1,
    });
    assert.deepEqual(chunkQueryOf('S', { direction: 'forward', from: 1, maxCount: Infinity }).filter, { stream: { $eq: 'S' }, nextVersion: { $gt: 1 } });
    assert.deepEqual(chunkQueryOf('S', { direction: 'backward', from: 5, maxCount: 2 }), { filter: { stream: { $eq: 'S' }, count: { $gt: 0 }, firstVersion: { $lte: 5 } }, sort: -1 });
    assert.deepEqual(chunkQueryOf('S', { direction: 'backward', from: Infinity, maxCount: 2 }).filter, { stream: { $eq: 'S' }, count: { $gt: 0 } });
  });

  it('a read from a version starts at the chunk holding it, bounded by the chunk index (A6)', async () => {
    assert.equal(startChunkQuery('S', { direction: 'forward', from: 1, maxCount: Infinity }), undefined);
    assert.equal(startChunkQuery('S', { direction: 'backward', from: 9, maxCount: Infinity }), undefined);
    assert.deepEqual(startChunkQuery('S', { direction: 'forward', from: 95, maxCount: Infinity }), {
      filter: { stream: { $eq: 'S' }, firstVersion: { $lte: 95 } },
      sort: { firstVersion: -1 },
    });
    assert.deepEqual(chunkQueryOf('S', { direction: 'forward', from: 95, maxCount: Infinity }, 19).filter, { stream: { $eq: 'S' }, nextVersion: { $gt: 95 }, chunk: { $gte: 19 } });
    // 100 events in chunks of 5: a load after a snapshot at 94 fetches the last chunks only, not all 20.
    assert.deepEqual(await read(chunksOf(100, Array(20).fill(5)), planStreamRead('S', { fromVersion: 95 })), [95, 96, 97, 98, 99, 100]);
    assert.equal(fetched, 2);
    assert.deepEqual(await read(chunksOf(100, Array(20).fill(5)), planStreamRead('S', { fromVersion: 101 })), []);
  });

  it('refuses a start chunk whose number is not a whole number ≥ 1, naming the stream', async () => {
    const source: ChunkSource = {
      findStartChunk: async () => ({ chunk: 'x' }),
      findChunks: () => assert.fail('no chunks are read after a damaged start chunk'),
    };
    await assert.rejects(readChunks('S', { direction: 'forward', from: 5, maxCount: Infinity }, source), (e: unknown) => e instanceof StoredChunkError && /stream "S".*chunk.*is "x", not a whole number ≥ 1/.test(e.message));
  });

  it('takes nothing once maxCount is reached', () => assert.deepEqual(takeFromChunk([event(1)], { direction: 'forward', from: 1, maxCount: 1 }, 1), []));

  it('gives what the in-memory store gives, for any chunking and any range (property)', async () => {
    const options = fc.record(
      {
        direction: fc.constantFrom('forward' as const, 'backward' as const),
        fromVersion: fc.integer({ min: 0, max: 25 }),
        maxCount: fc.integer({ min: 0, max: 25 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(20), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 20, maxLength: 20 }), options, async (total, sizes, opts) => {
        assert.deepEqual(await read(chunksOf(total, sizes), planStreamRead('S', opts)), reference(total, opts));
      }),
      { numRuns: 300 },
    );
  });

  it('versions that jump between chunks are reported as a damaged stream', () => {
    assert.deepEqual(checkConsecutive('S', [event(1), event(2)], 'forward', 1).length, 2);
    assert.deepEqual(checkConsecutive('S', [event(3), event(2)], 'backward').length, 2);
    assert.deepEqual(checkConsecutive('S', [], 'forward', 1), []);
    assert.throws(() => checkConsecutive('S', [event(1), event(3)], 'forward', 1), (e: unknown) => e instanceof StoredChunkError && /jump from 1 to 3/.test(e.message));
    assert.throws(() => checkConsecutive('S', [event(4), event(5)], 'forward', 2), /start at 4 where 2 was asked for/);
    assert.throws(() => checkConsecutive('S', [event(5), event(3)], 'backward'), /jump from 5 to 3/);
  });

  it('a forward read that meets a roll-over newer than the head it read ends at that head (no false damage report)', async () => {
    // Chunk 2 was read while it was the open head with versions 4-5; before the next getMore it got
    // versions 6-7, was sealed, and chunk 3 (from version 8) was created, which the read then sees.
    const seenAtOnce: Chunk[] = [
      { firstVersion: 1, nextVersion: 4, count: 3, sealed: true, events: [event(1), event(2), event(3)] },
      { firstVersion: 4, nextVersion: 6, count: 2, sealed: false, events: [event(4), event(5)] },
      { firstVersion: 8, nextVersion: 10, count: 2, sealed: false, events: [event(8), event(9)] },
    ];
    assert.deepEqual(await read(seenAtOnce, planStreamRead('S')), [1, 2, 3, 4, 5]);
    // Sealed without further events: its successor continues it, so the read goes on.
    const sealedLater = [seenAtOnce[0]!, { ...seenAtOnce[1]!, sealed: false }, { firstVersion: 6, nextVersion: 7, count: 1, sealed: false, events: [event(6)] }];
    assert.deepEqual(await read(sealedLater, planStreamRead('S')), [1, 2, 3, 4, 5, 6]);
    // After a sealed chunk, which never changes, the same jump is real damage.
    const damaged = [seenAtOnce[0]!, { ...seenAtOnce[1]!, sealed: true }, seenAtOnce[2]!];
    await assert.rejects(read(damaged, planStreamRead('S')), (e: unknown) => e instanceof StoredChunkError && /jump from 5 to 8/.test(e.message));
    // Backward reads start at the newest chunk and only meet sealed ones after it: nothing to stop for.
    assert.equal(readsInto({ sealed: false, nextVersion: 6 }, { firstVersion: 8 }, { direction: 'backward', from: Infinity, maxCount: Infinity }), true);
  });
});

describe('the stream read loop (readChunks), at its edges', () => {
  it('refuses a start chunk numbered 0, negative or fractional, naming the field', async () => {
    for (const chunk of [0, -1, 1.5]) {
      const source: ChunkSource = {
        findStartChunk: async () => ({ chunk }),
        findChunks: () => assert.fail('no chunks are read after a damaged start chunk'),
      };
      await assert.rejects(readChunks('S', { direction: 'forward', from: 5, maxCount: Infinity }, source), (e: unknown) => {
        assert.ok(e instanceof StoredChunkError, String(e));
        assert.equal(e.field, 'chunk');
        assert.match(e.message, new RegExp(`^stored chunk \\? of stream "S" does not match the chunk layout: chunk is ${chunk}, not a whole number ≥ 1`));
        return true;
      });
    }
  });

  it('stops pulling chunks from the cursor once maxCount events are taken', async () => {
    const documents = chunksOf(20, [5, 5, 5, 5]).map((c, i) => documentOf('S', c, i + 1));
    let pulled = 0;
    const source: ChunkSource = {
      findStartChunk: async () => assert.fail('a read from version 1 needs no start chunk'),
      findChunks: () =>
        (async function* () {
          for (const doc of documents) {
            pulled += 1;
            yield doc;
          }
        })(),
    };
    const events = await readChunks('S', { direction: 'forward', from: 1, maxCount: 7 }, source);
    assert.deepEqual(events.map((e) => e.version), [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(pulled, 2, 'the third chunk is not fetched');
  });

  it('a forward read that finds its first version missing (a chunk document gone) reports a damaged stream', async () => {
    // Versions 5-8 were in a chunk that is no longer there: the read from 5 finds 9 first.
    const [first, , third] = chunksOf(12, [4, 4, 4]);
    await assert.rejects(read([first!, third!], planStreamRead('S', { fromVersion: 5 })), (e: unknown) => e instanceof StoredChunkError && /start at 9 where 5 was asked for/.test(e.message));
  });
});

describe('checkConsecutive, at its edges', () => {
  it('a backward read may start below its from (a from beyond the head): only forward reads must start at theirs', () => {
    assert.deepEqual(checkConsecutive('S', [event(3), event(2)], 'backward', 10).map((e) => e.version), [3, 2]);
  });

  it('names the versions as the damaged field', () => {
    for (const damaged of [() => checkConsecutive('S', [event(4)], 'forward', 2), () => checkConsecutive('S', [event(1), event(3)], 'forward', 1)]) {
      assert.throws(damaged, (e: unknown) => e instanceof StoredChunkError && e.field === 'versions' && /^stored chunk \? of stream "S" does not match the chunk layout: versions /.test(e.message));
    }
  });
});
