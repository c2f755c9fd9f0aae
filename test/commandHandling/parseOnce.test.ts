import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandHandler, defineAggregate, defineCommand, defineDomain, defineEvent, inMemoryEventStore, z } from '../../src';
import type { EventStore, RecordedEvent } from '../../src';

// A new event is parsed once and its copy handed to evolve when a second parse cannot change it,
// and events the handler stored itself are not parsed again on replay. These hold the fast path to
// what the parse gave: a transform still runs again, foreign events are still checked, and evolve's
// data is still its own fresh object.
function tally(note: z.ZodType<string, string>) {
  const Noted = defineEvent('Noted', z.object({ note, n: z.number().int().positive() }));
  const Note = defineCommand('Note', z.object({ note: z.string(), n: z.number() }));
  const seen: { data: unknown; event: RecordedEvent }[] = [];
  const Tally = defineAggregate({ name: 'Tally', events: [Noted], commands: [Note], initialState: { notes: [] as string[], total: 0 } }).behavior({
    evolve: {
      Noted: (state, data, event) => {
        seen.push({ data, event });
        return { notes: [...state.notes, data.note], total: state.total + data.n };
      },
    },
    decide: { Note: ({ note, n }) => ({ type: 'Noted', data: { note, n } }) },
  });
  return { Tally, seen, domain: defineDomain({ name: 'Tallies', aggregates: [Tally] }) };
}

async function notes(store: EventStore, note: z.ZodType<string, string>, cacheSize: number) {
  const { Tally, domain, seen } = tally(note);
  const handler = createCommandHandler({ domain, store, cacheSize });
  for (const text of ['a', 'b', 'c']) await handler.send(Tally, 't-1', { type: 'Note', data: { note: text, n: 1 } });
  return { state: (await handler.load(Tally, 't-1')).state, seen, handler, Tally };
}

describe('parsing a new event once', () => {
  for (const cacheSize of [0, 1000]) {
    it(`a contract with a transform is parsed again to evolve, now and on replay, as on the general path (cache ${cacheSize})`, async () => {
      const bang = z.string().transform((s) => `${s}!`) as unknown as z.ZodType<string, string>;
      const direct = await notes(inMemoryEventStore(), bang, cacheSize);
      const general = await notes({ ...inMemoryEventStore() }, bang, cacheSize);
      // Stored once transformed ('a!'), evolved from a second parse ('a!!'), on every path.
      assert.deepEqual(direct.state.notes, ['a!!', 'b!!', 'c!!']);
      assert.deepStrictEqual(direct.state, general.state);
      assert.deepStrictEqual(direct.seen.map((s) => s.data), general.seen.map((s) => s.data));
    });
  }

  it('hands evolve a fresh object equal to the parse, never the stored one, now and on replay', async () => {
    const { seen } = await notes(inMemoryEventStore(), z.string(), 0);
    assert.ok(seen.length >= 6);
    for (const { data, event } of seen) {
      assert.notEqual(data, event.data);
      assert.equal(Object.isFrozen(data), false);
      assert.deepStrictEqual(data, event.data);
    }
  });

  it('still checks events others appended to the stream, after the handler\'s own', async () => {
    const store = inMemoryEventStore();
    const { handler, Tally } = await notes(store, z.string(), 0);
    await store.append('Tally-t-1', [{ id: 'foreign-1', type: 'Noted', schemaVersion: 1, data: { note: 'x', n: -1 }, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } }]);
    await assert.rejects(handler.send(Tally, 't-1', { type: 'Note', data: { note: 'd', n: 1 } }), (error: Error) => error.name === 'StoredEventError' && /version 4|Noted/.test(error.message));
  });

  it('still checks the handler\'s own events after a foreign one', async () => {
    const store = inMemoryEventStore();
    const { Tally, domain } = tally(z.string());
    await store.append('Tally-t-1', [{ id: 'foreign-1', type: 'Noted', schemaVersion: 1, data: { note: 'x', n: 1 }, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } }]);
    const handler = createCommandHandler({ domain, store, cacheSize: 0 });
    await handler.send(Tally, 't-1', { type: 'Note', data: { note: 'a', n: 2 } });
    // A second aggregate of the same name (another contract) must not trust what the first parsed.
    const strict = tally(z.string().min(5));
    const other = createCommandHandler({ domain: strict.domain, store, cacheSize: 0 });
    await assert.rejects(other.send(strict.Tally, 't-1', { type: 'Note', data: { note: 'longer', n: 1 } }), (error: Error) => error.name === 'StoredEventError');
  });
});

describe('parsedData: the copy handed to evolve', () => {
  const Deep = defineEvent('Deep', z.object({ a: z.object({ b: z.array(z.object({ c: z.number() })), d: z.date() }), n: z.array(z.number().nullable()).optional() }));
  const Agg = defineAggregate({ name: 'Deep', events: [Deep], commands: [], initialState: {} }).behavior({ evolve: {}, decide: {} });
  const at = (data: unknown): RecordedEvent => ({ id: 'e', type: 'Deep', schemaVersion: 1, data, streamId: 'Deep-1', version: 1, position: 1, metadata: { occurredAt: '2025-03-01T10:00:00.000Z', recordedAt: '2025-03-01T10:00:00.000Z' } });

  it('is fresh at every level and equal to what the parse gives', async () => {
    const { parsedData } = await import('../../src/aggregate/parsedData');
    const data = Object.freeze({ a: Object.freeze({ b: Object.freeze([Object.freeze({ c: 1 })]), d: new Date(0) }) });
    const copy = parsedData(Agg, at(data)) as typeof data;
    assert.deepStrictEqual(copy, Deep.schema.parse(data));
    assert.notEqual(copy.a, data.a);
    assert.notEqual(copy.a.b, data.a.b);
    assert.notEqual(copy.a.b[0], data.a.b[0]);
    assert.notEqual(copy.a.d, data.a.d);
    assert.equal(Object.isFrozen(copy.a.b[0]), false);
  });

  it('leaves to the parse a null in an array (stored, it may have been undefined), a class instance, an older version', async () => {
    const { parsedData, PARSE_IT } = await import('../../src/aggregate/parsedData');
    class Box {
      c = 1;
    }
    assert.equal(parsedData(Agg, at({ a: { b: [], d: new Date(0) }, n: [1, null] })), PARSE_IT);
    assert.equal(parsedData(Agg, at({ a: { b: [new Box()], d: new Date(0) } })), PARSE_IT);
    assert.equal(parsedData(Agg, { ...at({ a: { b: [], d: new Date(0) } }), schemaVersion: 0 }), PARSE_IT);
  });
});
