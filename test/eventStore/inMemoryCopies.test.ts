import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryEventStore } from '../../src';
import { isoTime } from '../../src/core/isoTime';
import { newEvent } from '../support/events';

describe('what the in-memory store keeps', () => {
  it('keeps Dates and odd keys, frozen all the way down', async () => {
    const store = inMemoryEventStore();
    const data = JSON.parse('{"__proto__": {"polluted": true}, "list": [{"deep": [1]}]}') as Record<string, unknown>;
    data.when = new Date('2025-03-01T10:00:00Z');
    await store.append('S-1', [newEvent('Odd', data)]);
    const [stored] = await store.readStream('S-1');
    const kept = stored!.data as Record<string, unknown>;
    assert.ok(kept.when instanceof Date && kept.when.getTime() === Date.parse('2025-03-01T10:00:00Z'));
    assert.deepEqual(Object.getOwnPropertyDescriptor(kept, '__proto__')?.value, { polluted: true }, '__proto__ stays a plain key');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was polluted');
    assert.ok(Object.isFrozen(kept) && Object.isFrozen((kept.list as object[])[0]) && Object.isFrozen(((kept.list as { deep: number[] }[])[0]!).deep));
  });

  it('refuses data no store could keep, naming stream and event, and leaves no stream behind', async () => {
    const store = inMemoryEventStore();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    await assert.rejects(store.append('S-2', [newEvent('Ok'), newEvent('Fn', { run: () => 1 })]), /^EventspecError: stream "S-2", event 2 of the batch \(Fn\): data\.run is a function/);
    await assert.rejects(store.append('S-2', [newEvent('Loop', cyclic)]), /event 1 of the batch \(Loop\): data\.self refers to itself/);
    assert.equal(await store.streamVersion('S-2'), 0);
    assert.deepEqual(await store.readAll(), []);
  });
});

describe('isoTime', () => {
  it('gives toISOString’s answer, also when the time changes back and forth', () => {
    const times = ['2025-03-01T10:00:00.000Z', '2025-03-01T10:00:00.001Z', '2025-03-01T10:00:00.000Z'];
    for (const time of times) assert.equal(isoTime(new Date(time)), time);
    assert.throws(() => isoTime(new Date('nope')), RangeError);
  });
});
