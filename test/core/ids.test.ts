import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { randomIds } from '../../src';

/** A full collection, made available without starting node with --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

describe('randomIds', () => {
  it('makes version 4 uuids, lower case, all different', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const id = randomIds();
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(id);
    }
    assert.equal(seen.size, 10_000);
  });

  it('makes flat strings: an id kept by an event costs its 36 characters, not a rope of pieces', () => {
    // Node's randomUUID() returns ~20 joined pieces (~490 bytes of heap per kept id); a flat id is ~64.
    const gc = collector();
    const count = 50_000;
    const kept: string[] = new Array<string>(count);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < count; i++) kept[i] = randomIds();
    gc();
    const perId = (process.memoryUsage().heapUsed - before) / count;
    assert.equal(new Set(kept).size, count);
    assert.ok(perId < 150, `each kept id costs ${perId.toFixed(0)} bytes of heap; a flat 36-character string costs ~64`);
  });
});
