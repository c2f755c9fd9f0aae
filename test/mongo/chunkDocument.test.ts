import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Binary, BSON } from 'mongodb';
import { StoredChunkError } from '../../src/mongo';
import { CHUNK_LAYOUT, encodeEvent, newChunk, placeEvents, readChunkEvents, readChunkHead, readStoredEvent } from '../../src/mongo/chunkDocument';
import { newEvent } from '../support/events';

const at = '2025-03-01T10:00:00.000Z';

function chunkWith(count: number, overrides: Record<string, unknown> = {}) {
  const encoded = Array.from({ length: count }, (_, i) => encodeEvent('S-1', i, newEvent('Happened', { i }), at));
  const events = placeEvents(encoded, 1, 100);
  return { ...newChunk('S-1', 1, 1), nextVersion: 1 + count, count, bytes: encoded.reduce((s, e) => s + e.bytes, 0), events, ...overrides };
}

const refused = (field: RegExp, chunk?: number) => (error: unknown) => {
  assert.ok(error instanceof StoredChunkError, String(error));
  assert.match(error.message, field);
  assert.match(error.message, /stream "S-1"|stream "\?"/);
  if (chunk !== undefined) assert.equal(error.chunk, chunk);
  return true;
};

describe('chunk documents', () => {
  it('a new chunk is empty, open, and starts at the given version', () => {
    assert.deepEqual(newChunk('S', 3, 41), { stream: 'S', chunk: 3, firstVersion: 41, nextVersion: 41, count: 0, bytes: 0, sealed: false, layout: CHUNK_LAYOUT, events: [] });
  });

  it('sizes an event at least as big as it is stored, whatever its version and position', () => {
    const encoded = encodeEvent('S', 0, newEvent('Sized', { text: 'x'.repeat(300) }), at);
    const [small] = placeEvents([encoded], 1, 1);
    const [large] = placeEvents([encoded], 2 ** 40, 2 ** 41);
    const inArray = (e: unknown) => BSON.calculateObjectSize({ events: [e] }) - BSON.calculateObjectSize({ events: [] });
    assert.ok(encoded.bytes >= inArray(small), `${encoded.bytes} < ${inArray(small)}`);
    assert.ok(encoded.bytes >= inArray(large), `${encoded.bytes} < ${inArray(large)}`);
    assert.ok(encoded.bytes < inArray(large) + 16);
  });

  it('stamps recordedAt into metadata and keeps hostile data as bytes', () => {
    const encoded = encodeEvent('S', 0, newEvent('Odd', { $set: 1 }), at);
    const [stored] = placeEvents([encoded], 7, 9);
    assert.ok(stored!.dataBson instanceof Binary);
    assert.equal(stored!.data, undefined);
    assert.deepEqual(stored!.metadata, { occurredAt: '2025-03-01T10:00:00.000Z', recordedAt: at });
    assert.equal(stored!.version, 7);
    assert.equal(stored!.position, 9);
    const hostileMeta = encodeEvent('S', 0, { ...newEvent(), metadata: { occurredAt: at, 'a.b': 1 } }, at);
    const [withMeta] = placeEvents([hostileMeta], 1, 1);
    assert.ok(withMeta!.metadataBson instanceof Binary);
    assert.deepEqual(readStoredEvent(withMeta, { stream: 'S', chunk: 1 }, 0).metadata, { occurredAt: at, 'a.b': 1, recordedAt: at });
  });

  it('refuses events BSON would change, naming the stream and the event', () => {
    assert.throws(() => encodeEvent('S-9', 1, newEvent('Bad', { f: () => 1 }), at), /stream "S-9", event 2 of the batch \(Bad\): data\.f is a function/);
    assert.throws(() => encodeEvent('S-9', 0, { ...newEvent(), metadata: { occurredAt: at, n: 1n } }, at), /metadata\.n is a bigint/);
  });

  it('reports a cycle with where it is', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.throws(() => encodeEvent('S-9', 0, newEvent('Loop', cyclic), at), /stream "S-9", event 1 of the batch \(Loop\): data\.self refers to itself/);
  });

  it('reads back a chunk as recorded events in version order', () => {
    const events = readChunkEvents(chunkWith(3), 'S-1');
    assert.deepEqual(events.map((e) => [e.version, e.position, e.streamId]), [[1, 100, 'S-1'], [2, 101, 'S-1'], [3, 102, 'S-1']]);
    assert.deepEqual(events[0]!.data, { i: 0 });
    assert.equal(events[0]!.metadata.recordedAt, at);
  });

  it('reads an event without data (undefined is not stored)', () => {
    const { data: _ignored, ...rest } = chunkWith(1).events[0]!;
    assert.equal(readStoredEvent(rest, { stream: 'S-1', chunk: 1 }, 0).data, undefined);
  });

  describe('refuses documents that do not match the layout, naming stream, chunk and field', () => {
    const head = chunkWith(0);
    const cases: [string, unknown, RegExp][] = [
      ['not a document', 'nope', /the document is not a document/],
      ['stream not a string', { ...head, stream: 5 }, /stream is not a string/],
      ['chunk number', { ...head, chunk: 0 }, /chunk is not a whole number/],
      ['layout from the future', { ...head, layout: 2 }, /layout is 2/],
      ['firstVersion', { ...head, firstVersion: 'one' }, /firstVersion is not a whole number/],
      ['nextVersion', { ...head, nextVersion: 0 }, /nextVersion is not a whole number/],
      ['count', { ...head, count: -1 }, /count is not a whole number ≥ 0/],
      ['bytes', { ...head, bytes: 1.5 }, /bytes is not a whole number ≥ 0/],
      ['sealed', { ...head, sealed: 'no' }, /sealed is not true or false/],
      ['nextVersion vs count', { ...head, nextVersion: 4 }, /nextVersion is 4, but firstVersion 1 \+ count 0 is 1/],
    ];
    for (const [title, doc, message] of cases) it(title, () => assert.throws(() => readChunkHead(doc, 'S-1'), refused(message)));

    it('a chunk of another stream', () => assert.throws(() => readChunkHead({ ...head, stream: 'S-2' }, 'S-1'), /stream is "S-2", not "S-1"/));
    it('a document with no stream and no expected stream says "?"', () => assert.throws(() => readChunkHead({}), /stream "\?"/));
    it('a missing layout is read as the current one', () => assert.equal(readChunkHead({ ...head, layout: undefined }).chunk, 1));

    it('events not an array', () => assert.throws(() => readChunkEvents({ ...chunkWith(0), events: {} }, 'S-1'), refused(/events is not an array/, 1)));
    it('events and count disagree', () => assert.throws(() => readChunkEvents(chunkWith(2, { count: 1, nextVersion: 2 }), 'S-1'), refused(/holds 2 events but count says 1/)));
    it('versions out of step', () => {
      const doc = chunkWith(2);
      doc.events[1] = { ...doc.events[1]!, version: 5 };
      assert.throws(() => readChunkEvents(doc, 'S-1'), refused(/events\[1\]\.version is 5, expected 2/));
    });

    const element = chunkWith(1).events[0]!;
    const eventCases: [string, unknown, RegExp][] = [
      ['element not a document', null, /events\[0\] is not a document/],
      ['id', { ...element, id: '' }, /events\[0\]\.id is not a non-empty string/],
      ['type', { ...element, type: 3 }, /events\[0\]\.type/],
      ['schemaVersion', { ...element, schemaVersion: 0 }, /schemaVersion/],
      ['version', { ...element, version: 'x' }, /events\[0\]\.version/],
      ['position', { ...element, position: 0 }, /events\[0\]\.position/],
      ['metadata without occurredAt', { ...element, metadata: { recordedAt: at } }, /metadata lacks occurredAt or recordedAt/],
      ['metadata not a document', { ...element, metadata: 'm' }, /metadata lacks/],
      ['dataBson not binary', { ...element, dataBson: 'zz' }, /dataBson is not binary data/],
      ['dataBson not BSON', { ...element, dataBson: new Binary(Buffer.from([1, 2, 3])) }, /dataBson cannot be read as BSON/],
    ];
    for (const [title, value, message] of eventCases) {
      it(title, () => assert.throws(() => readStoredEvent(value, { stream: 'S-1', chunk: 4 }, 0), refused(message, 4)));
    }
  });
});

describe('chunk documents: hostile and cyclic data', () => {
  it('a cycle under an unsafe key is reported, not thrown raw', () => {
    const cyclic: Record<string, unknown> = { $x: 1 };
    cyclic.self = cyclic;
    assert.throws(() => encodeEvent('S-9', 0, newEvent('Loop', cyclic), at), /stream "S-9", event 1 of the batch \(Loop\): data\.self refers to itself/);
  });
});

describe('chunk documents: what is wrong with a stored event, in full', () => {
  const element = chunkWith(1).events[0]!;
  const cases: [string, unknown, string][] = [
    ['type', { ...element, type: 3 }, 'events[0].type is not a non-empty string'],
    ['schemaVersion', { ...element, schemaVersion: 0 }, 'events[0].schemaVersion is not a whole number ≥ 1'],
    ['version', { ...element, version: 'x' }, 'events[0].version is not a whole number ≥ 1'],
    ['position', { ...element, position: 0 }, 'events[0].position is not a whole number ≥ 1'],
  ];
  for (const [field, value, text] of cases) {
    it(`says the ${field} is not what the layout holds`, () =>
      assert.throws(() => readStoredEvent(value, { stream: 'S-1', chunk: 4 }, 0), (error: unknown) => error instanceof StoredChunkError && error.message.includes(`: ${text}.`)));
  }

  it('names the field events when their number disagrees with count', () =>
    assert.throws(() => readChunkEvents(chunkWith(2, { count: 1, nextVersion: 2 }), 'S-1'), (error: unknown) => error instanceof StoredChunkError && error.field === 'events'));

  it('names the stream a document holds and its chunk number when read without an expected stream', () =>
    assert.throws(
      () => readChunkHead({ ...chunkWith(0), stream: 'S-7', chunk: 3, sealed: 'no' }),
      (error: unknown) => error instanceof StoredChunkError && error.streamId === 'S-7' && error.chunk === 3,
    ));
});

describe('chunk documents: refusals found by the second mutation run', () => {
  it('a value that fails only while it is encoded (a getter that throws on its second read) is refused naming the event', () => {
    let reads = 0;
    const data = {
      $key: 'kept as bytes',
      get total() {
        reads += 1;
        if (reads > 1) throw new Error('the total is gone');
        return 1;
      },
    };
    assert.throws(() => encodeEvent('S-3', 1, newEvent('Odd', data), at), (error: unknown) => {
      assert.ok(!(error instanceof TypeError) && error instanceof Error);
      assert.equal(error.message, 'stream "S-3", event 2 of the batch (Odd): cannot be stored as BSON: the total is gone');
      return true;
    });
  });

  it('a head whose chunk number is not a whole number ≥ 1 says chunk ?, not the bad value', () =>
    assert.throws(
      () => readChunkHead({ ...chunkWith(0), chunk: 0 }, 'S-1'),
      (error: unknown) => error instanceof StoredChunkError && error.chunk === undefined && error.message.startsWith('stored chunk ? of stream "S-1"'),
    ));

  it('a nextVersion out of step shows the sum it should be', () =>
    assert.throws(
      () => readChunkHead({ ...chunkWith(0), firstVersion: 3, count: 2, nextVersion: 9 }, 'S-1'),
      /nextVersion is 9, but firstVersion 3 \+ count 2 is 5/,
    ));
});
