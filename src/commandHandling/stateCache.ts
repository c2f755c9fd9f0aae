/** The last state the handler computed per stream, so a command replays only what came after it. */
export interface StateCache {
  get(streamId: string): { version: number; state: unknown } | undefined;
  set(streamId: string, version: number, state: unknown): void;
  delete(streamId: string): void;
}

/** Least-recently-used, bounded by stream count; size 0 turns caching off. */
export function stateCache(size: number): StateCache {
  const entries = new Map<string, { version: number; state: unknown }>();
  return {
    get(streamId) {
      const entry = entries.get(streamId);
      if (entry) {
        entries.delete(streamId);
        entries.set(streamId, entry);
      }
      return entry;
    },
    set(streamId, version, state) {
      if (size <= 0) return;
      entries.delete(streamId);
      entries.set(streamId, { version, state });
      if (entries.size > size) entries.delete(entries.keys().next().value!);
    },
    delete(streamId) {
      entries.delete(streamId);
    },
  };
}
