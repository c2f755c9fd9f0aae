/** The last state the handler computed per stream, so a command replays only what came after it. */
export interface StateCache {
  get(streamId: string): { version: number; state: unknown } | undefined;
  set(streamId: string, version: number, state: unknown): void;
  delete(streamId: string): void;
}

interface Entry {
  version: number;
  state: unknown;
  /** Read or set since it last came to the front of the line (a second chance before eviction). */
  used: boolean;
}

/**
 * Bounded by stream count, least recently used first out, by "second chance": a hit only marks its
 * entry, and eviction moves marked entries to the back instead of dropping them. A hit then costs
 * one Map look-up, not a delete and a re-insert. Size 0 turns caching off.
 */
export function stateCache(size: number): StateCache {
  const entries = new Map<string, Entry>();

  function evictOne(): void {
    // Ends: a marked entry goes to the back unmarked, so at worst its second visit drops it.
    for (const [streamId, entry] of entries) {
      entries.delete(streamId);
      if (!entry.used) return;
      entry.used = false;
      entries.set(streamId, entry);
    }
  }

  return {
    get(streamId) {
      const entry = entries.get(streamId);
      if (entry !== undefined) entry.used = true;
      return entry;
    },
    set(streamId, version, state) {
      if (size <= 0) return;
      const entry = entries.get(streamId);
      if (entry !== undefined) {
        // Commands to one stream run one at a time, so nobody still reads the old values.
        entry.version = version;
        entry.state = state;
        entry.used = true;
        return;
      }
      // Room is made first, so the newcomer is never the one dropped.
      if (entries.size >= size) evictOne();
      entries.set(streamId, { version, state, used: false });
    },
    delete(streamId) {
      entries.delete(streamId);
    },
  };
}
