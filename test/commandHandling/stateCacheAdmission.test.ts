import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stateCache } from '../../src/commandHandling/stateCache';

/** Round robin over `streams` streams, `rounds` times: how many look-ups hit. */
function roundRobin(size: number, streams: number, rounds: number): { hits: number; lookups: number } {
  const cache = stateCache(size);
  let hits = 0;
  let lookups = 0;
  for (let round = 0; round < rounds; round++) {
    for (let s = 0; s < streams; s++) {
      const known = cache.get(`s-${s}`);
      lookups += 1;
      if (known !== undefined) {
        hits += 1;
        assert.equal(known.version, round, 'a hit gives the version last set');
      }
      cache.set(`s-${s}`, round + 1, { s });
    }
  }
  return { hits, lookups };
}

describe('stateCache admission when more streams take turns than it holds', () => {
  it('keeps a stable set resident, so round robin over ten times its size still hits (least-recently-used alone never does)', () => {
    const { hits, lookups } = roundRobin(1000, 10_000, 10);
    // Without admission every look-up misses; with it about a tenth of them hit after the first rounds.
    assert.ok(hits > lookups / 20, `${hits} hits of ${lookups}`);
  });

  it('admits every newcomer while the hit rate is high: a working set that fits is held whole', () => {
    const { hits, lookups } = roundRobin(1000, 900, 10);
    assert.equal(hits, lookups - 900, 'only the first round misses');
  });

  it('returns to admitting every newcomer once the streams fit again', () => {
    const cache = stateCache(100);
    for (let round = 0; round < 5; round++) for (let s = 0; s < 2000; s++) cache.set(`wide-${s}`, 1, s), cache.get(`wide-${(s * 7) % 2000}`);
    // Now only 50 streams take turns: after a window or two every look-up hits.
    let misses = 0;
    for (let round = 0; round < 40; round++) {
      for (let s = 0; s < 50; s++) {
        if (cache.get(`narrow-${s}`) === undefined) {
          misses += 1;
          cache.set(`narrow-${s}`, 1, s);
        }
      }
    }
    const late: number[] = [];
    for (let s = 0; s < 50; s++) if (cache.get(`narrow-${s}`) === undefined) late.push(s);
    assert.deepEqual(late, [], `still missing after ${misses} misses`);
  });
});
