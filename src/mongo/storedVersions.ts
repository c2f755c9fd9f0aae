import { StoredChunkError } from './storedChunkError';

/**
 * Where the batch's ids already sit in the stream, from the chunks an `events.id` lookup found
 * (projected to ids and versions). Feeds the shared `decideAppend` idempotency rules.
 */
export function storedVersionsOf(stream: string, chunks: readonly unknown[], batchIds: readonly string[]): Map<string, number> {
  const wanted = new Set(batchIds);
  const found = new Map<string, number>();
  for (const doc of chunks) {
    const chunk = typeof doc === 'object' && doc !== null ? (doc as { chunk?: unknown }).chunk : undefined;
    const chunkNo = typeof chunk === 'number' ? chunk : undefined;
    const events = typeof doc === 'object' && doc !== null ? (doc as { events?: unknown }).events : undefined;
    if (!Array.isArray(events)) throw new StoredChunkError(stream, chunkNo, 'events', 'is not an array');
    events.forEach((element: unknown, i) => {
      const { id, version } = (element ?? {}) as { id?: unknown; version?: unknown };
      if (typeof id !== 'string') throw new StoredChunkError(stream, chunkNo, `events[${i}].id`, 'is not a string');
      if (!wanted.has(id)) return;
      if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        throw new StoredChunkError(stream, chunkNo, `events[${i}].version`, 'is not a whole number ≥ 1');
      }
      const earlier = found.get(id);
      if (earlier !== undefined && earlier !== version) {
        throw new StoredChunkError(stream, chunkNo, `events[${i}].id`, `repeats event id ${id}, already stored at version ${earlier}`);
      }
      found.set(id, version);
    });
  }
  return found;
}
