import type { RecordedEvent } from '../core/envelope';
import { type ChunkHead, readChunkEvents, readChunkHead } from './chunkDocument';
import { StoredChunkError } from './storedChunkError';
import { checkConsecutive, chunkQueryOf, readsInto, startChunkQuery, type StreamReadPlan, takeFromChunk } from './streamRead';

/** Where a stream read gets chunk documents: the events collection, or a test's stand-in for it. */
export interface ChunkSource {
  /** The first document of `filter` in `sort` order, projected to its `chunk` number; null when none. */
  findStartChunk(filter: Record<string, unknown>, sort: { firstVersion: -1 }): Promise<Record<string, unknown> | null>;
  /** The documents of `filter`, by chunk number (1 ascending, -1 descending), read lazily. */
  findChunks(filter: Record<string, unknown>, sort: 1 | -1): AsyncIterable<unknown>;
}

/**
 * The stream read loop: find the chunk to start at, visit the chunks in order, stop at the first
 * that does not follow on (a chunk newer than the read) or once enough events are taken, and check
 * that the versions found follow each other. Apart from the driver so it runs offline too.
 */
export async function readChunks(streamId: string, plan: StreamReadPlan, source: ChunkSource): Promise<RecordedEvent[]> {
  let startChunk: number | undefined;
  const start = startChunkQuery(streamId, plan);
  if (start) {
    const found = await source.findStartChunk(start.filter, start.sort);
    if (!found) return [];
    if (typeof found.chunk !== 'number' || !Number.isInteger(found.chunk) || found.chunk < 1) {
      throw new StoredChunkError(streamId, undefined, 'chunk', `is ${JSON.stringify(found.chunk)}, not a whole number ≥ 1`);
    }
    startChunk = found.chunk;
  }
  const query = chunkQueryOf(streamId, plan, startChunk);
  const found: RecordedEvent[] = [];
  let previous: ChunkHead | undefined;
  for await (const doc of source.findChunks(query.filter, query.sort)) {
    const head = readChunkHead(doc, streamId);
    if (previous && !readsInto(previous, head, plan)) break;
    found.push(...takeFromChunk(readChunkEvents(doc, streamId), plan, found.length));
    if (found.length >= plan.maxCount) break;
    previous = head;
  }
  return checkConsecutive(streamId, found, plan.direction, plan.direction === 'forward' ? plan.from : undefined);
}
