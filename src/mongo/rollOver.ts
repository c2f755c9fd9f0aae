import type { ChunkHead } from './chunkDocument';
import type { ChunkLimits } from './storeOptions';

export interface BatchSize {
  count: number;
  bytes: number;
}

/** Where a batch that is allowed to be written goes, or what must happen to the chunks first. */
export type ChunkTarget =
  | { kind: 'push'; head: ChunkHead }
  /** The stream has no chunk yet: create chunk 1. */
  | { kind: 'create-first' }
  /** The head has no room for the batch: seal it, so nobody writes to it again. */
  | { kind: 'seal'; head: ChunkHead }
  /** The head is sealed (by us, another writer, or one that crashed before creating its successor). */
  | { kind: 'open-next'; head: ChunkHead; next: { chunk: number; firstVersion: number } }
  | { kind: 'too-big'; reason: string };

/** Whether a batch could fit even an empty chunk: checked before anything is read or written. */
export function batchTooBig(batch: BatchSize, limits: ChunkLimits): string | undefined {
  if (batch.count > limits.maxEvents) {
    return `the batch has ${batch.count} events but a chunk holds at most ${limits.maxEvents} (chunkMaxEvents); append it in smaller batches or raise chunkMaxEvents`;
  }
  if (batch.bytes > limits.maxBytes) {
    return `the batch takes ${batch.bytes} bytes but a chunk holds at most ${limits.maxBytes} (chunkMaxBytes); append it in smaller batches, store less per event, or raise chunkMaxBytes`;
  }
  return undefined;
}

export function hasRoom(head: ChunkHead, batch: BatchSize, limits: ChunkLimits): boolean {
  return head.count + batch.count <= limits.maxEvents && head.bytes + batch.bytes <= limits.maxBytes;
}

/**
 * Roll-over: a batch goes whole into the head chunk when it fits; otherwise the head is sealed and
 * the next chunk opened, so a batch never spans two chunks. Each step is idempotent, and the
 * caller re-reads and asks again after each one, so a writer that crashed mid-way is finished here.
 */
export function chunkTarget(head: ChunkHead | undefined, batch: BatchSize, limits: ChunkLimits): ChunkTarget {
  const tooBig = batchTooBig(batch, limits);
  if (tooBig) return { kind: 'too-big', reason: tooBig };
  if (!head) return { kind: 'create-first' };
  if (head.sealed) return { kind: 'open-next', head, next: { chunk: head.chunk + 1, firstVersion: head.nextVersion } };
  if (hasRoom(head, batch, limits)) return { kind: 'push', head };
  // Past the limits already (limits lowered since it was written), or simply full: seal, never split.
  return { kind: 'seal', head };
}

/** The conditional update's filter: the head exactly as read, unsealed, with room for the batch. */
export function pushFilter(head: ChunkHead, batch: BatchSize, limits: ChunkLimits): Record<string, unknown> {
  return {
    stream: { $eq: head.stream },
    chunk: { $eq: head.chunk },
    nextVersion: { $eq: head.nextVersion },
    sealed: { $eq: false },
    count: { $lte: limits.maxEvents - batch.count },
    bytes: { $lte: limits.maxBytes - batch.bytes },
  };
}

/** Seal only the chunk we read, and only if nobody sealed it already. */
export function sealFilter(head: ChunkHead): Record<string, unknown> {
  return { stream: { $eq: head.stream }, chunk: { $eq: head.chunk }, sealed: { $eq: false } };
}
