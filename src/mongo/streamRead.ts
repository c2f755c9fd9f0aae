import type { RecordedEvent } from '../core/envelope';
import type { ChunkHead } from './chunkDocument';
import { StoredChunkError } from './storedChunkError';
import type { ReadStreamOptions } from '../eventStore/eventStore';
import { checkReadStreamOptions } from '../eventStore/readOptions';

/** A stream read: direction, the version to start at (inclusive), and how many events at most. */
export interface StreamReadPlan {
  direction: 'forward' | 'backward';
  /** Forward: the lowest version wanted. Backward: the highest (Infinity = from the end). */
  from: number;
  maxCount: number;
}

/** The plan for valid options (refused as every store refuses them), or undefined when nothing can match. */
export function planStreamRead(streamId: string, options: ReadStreamOptions = {}): StreamReadPlan | undefined {
  checkReadStreamOptions(streamId, options);
  const maxCount = options.maxCount ?? Infinity;
  if (maxCount === 0) return undefined;
  if (options.direction === 'backward') {
    const from = options.fromVersion ?? Infinity;
    return from < 1 ? undefined : { direction: 'backward', from, maxCount };
  }
  return { direction: 'forward', from: Math.max(options.fromVersion ?? 1, 1), maxCount };
}

/**
 * For a forward read from past version 1 (every load after a snapshot): how to find the chunk that
 * holds the first wanted version, the last whose firstVersion is at or below it, through the
 * `{stream, firstVersion}` index. The read then starts at that chunk, instead of fetching every
 * chunk of the stream to test fields no index holds. Undefined when the read starts at chunk 1.
 */
export function startChunkQuery(stream: string, plan: StreamReadPlan): { filter: Record<string, unknown>; sort: { firstVersion: -1 } } | undefined {
  if (plan.direction !== 'forward' || plan.from <= 1) return undefined;
  return { filter: { stream: { $eq: stream }, firstVersion: { $lte: plan.from } }, sort: { firstVersion: -1 } };
}

/** Which chunks can hold wanted events, and in which order to visit them (from `startChunk` on, when known). */
export function chunkQueryOf(stream: string, plan: StreamReadPlan, startChunk?: number): { filter: Record<string, unknown>; sort: 1 | -1 } {
  if (plan.direction === 'backward') {
    const filter: Record<string, unknown> = { stream: { $eq: stream }, count: { $gt: 0 } };
    if (Number.isFinite(plan.from)) filter.firstVersion = { $lte: plan.from };
    return { filter, sort: -1 };
  }
  const filter: Record<string, unknown> = { stream: { $eq: stream }, nextVersion: { $gt: plan.from } };
  // A bound on the unique {stream, chunk} index: only the chunks from the one holding `from`.
  if (startChunk !== undefined) filter.chunk = { $gte: startChunk };
  if (Number.isFinite(plan.maxCount)) filter.firstVersion = { $lte: plan.from + plan.maxCount - 1 };
  return { filter, sort: 1 };
}

/** The wanted events of one chunk (given in version order), in read order, given how many are taken already. */
export function takeFromChunk(events: readonly RecordedEvent[], plan: StreamReadPlan, taken: number): RecordedEvent[] {
  const room = plan.maxCount - taken;
  if (room <= 0) return [];
  if (plan.direction === 'backward') {
    return events.filter((e) => e.version <= plan.from).reverse().slice(0, room);
  }
  const wanted = events.filter((e) => e.version >= plan.from);
  return Number.isFinite(room) ? wanted.slice(0, room) : wanted;
}

/**
 * Whether a forward read goes on into `next` after `previous`. A find with majority read concern
 * is not one snapshot: after a yield or a getMore it reads newer data. So a read can see the head
 * `c` unsealed with versions up to `n`, and then `c + 1`, which a roll-over created after that
 * (`c` got more events and was sealed meanwhile). `c + 1` then starts past `n + 1`: that is not a
 * lost chunk, just newer than what was read of `c`, so the read ends at `c`, a consistent prefix.
 * After a sealed chunk (which never changes) any jump is real damage, left to `checkConsecutive`.
 */
export function readsInto(previous: Pick<ChunkHead, 'sealed' | 'nextVersion'>, next: Pick<ChunkHead, 'firstVersion'>, plan: StreamReadPlan): boolean {
  return plan.direction === 'backward' || previous.sealed || next.firstVersion === previous.nextVersion;
}

/** Versions read across chunks must follow each other; a jump means a chunk was lost or edited. */
export function checkConsecutive(stream: string, events: RecordedEvent[], direction: StreamReadPlan['direction'], from?: number): RecordedEvent[] {
  const step = direction === 'forward' ? 1 : -1;
  if (direction === 'forward' && events.length > 0 && from !== undefined && events[0]!.version !== from) {
    throw new StoredChunkError(stream, undefined, 'versions', `start at ${events[0]!.version} where ${from} was asked for: a chunk document is missing or was edited by hand`);
  }
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.version !== events[i - 1]!.version + step) {
      throw new StoredChunkError(stream, undefined, 'versions', `jump from ${events[i - 1]!.version} to ${events[i]!.version} between chunks: a chunk document is missing or was edited by hand`);
    }
  }
  return events;
}
