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

/** Look-ups, made while the cache is full, over which its hit rate is judged (at least). */
const WINDOW = 256;
/** While the hit rate is under this share, a stream not held is let in once in ADMIT_ONE_IN misses. */
const LOW_HIT_RATE = 1 / 4;
const ADMIT_ONE_IN = 64;

/**
 * Bounded by stream count, least recently used first out, by "second chance": a hit only marks its
 * entry, and eviction moves marked entries to the back instead of dropping them. A hit then costs
 * one Map look-up, not a delete and a re-insert. Size 0 turns caching off.
 *
 * Admission: when more streams take turns than the cache holds (round robin over ten times its
 * size), least-recently-used keeps each state just long enough to be dropped before its stream
 * comes back: every look-up misses, and every state lives long enough to be promoted to V8's old
 * generation and die there, so the cache cost more than none. So, while the cache is full and
 * fewer than a quarter of a window's look-ups hit, a stream it does not hold is let in only once
 * in 64 misses: a stable set stays resident and hits, the rest die young (at 16, the newcomers
 * pushed out half the set each round).
 */
export function stateCache(size: number): StateCache {
  const entries = new Map<string, Entry>();
  const window = Math.max(size, WINDOW);
  let lookups = 0;
  let hits = 0;
  let admitOneIn = 1;
  let refused = 0;

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
      // Only a full cache's hit rate says whether it is too small for the streams taking turns.
      if (size > 0 && entries.size >= size) {
        if (entry !== undefined) hits += 1;
        if (++lookups >= window) {
          admitOneIn = hits < lookups * LOW_HIT_RATE ? ADMIT_ONE_IN : 1;
          lookups = 0;
          hits = 0;
        }
      }
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
      if (entries.size >= size) {
        if (admitOneIn > 1 && ++refused % admitOneIn !== 0) return;
        // Room is made first, so the newcomer is never the one dropped.
        evictOne();
      }
      entries.set(streamId, { version, state, used: false });
    },
    delete(streamId) {
      entries.delete(streamId);
    },
  };
}
