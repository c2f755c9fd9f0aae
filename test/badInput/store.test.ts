import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { EventspecError, inMemoryEventStore } from '../../src';
import type { AppendOptions, EventStore, ExpectedVersion, NewEvent, ReadAllOptions, ReadStreamOptions } from '../../src';
import { readAllWindow } from '../../src/mongo/globalPositions';
import { planStreamRead } from '../../src/mongo/streamRead';
import { encodeEvent } from '../../src/mongo/chunkDocument';

/** What the MongoDB store counts for a batch (its own encoder and the driver's sizes): both stores use the same figure. */
const mongoBytes = (events: NewEvent[]) => events.reduce((sum, e, i) => sum + encodeEvent('Cart-c1', i, e, AT).bytes, 0);
const bigEvent = () => [event({ sku: 'a', blob: 'x'.repeat(17 * 1024 * 1024) })];
const bigBatch = () => [1, 2, 3, 4].map((i) => event({ blob: 'x'.repeat(4 * 1024 * 1024) }, 'ItemAdded', `e-big-${i}`));

/**
 * Store API misuse, as a developer would make it: each case gets its exact message, and the store
 * holds exactly what it held before. Read options are also checked against the MongoDB read plans,
 * which must refuse them with the very same words.
 */

const AT = '2025-03-01T10:00:00.000Z';
const event = (data: unknown, type = 'ItemAdded', id = 'e-new'): NewEvent => ({ id, type, schemaVersion: 1, data, metadata: { occurredAt: AT } });

let store: EventStore;
before(async () => {
  store = inMemoryEventStore();
  await store.append('Cart-c1', [event({ sku: 'a' }, 'ItemAdded', 'e-1'), event({ sku: 'b' }, 'ItemAdded', 'e-2')]);
  await store.append('Cart-c2', [event({ sku: 'c' }, 'ItemAdded', 'e-3')]);
});

/** Runs a refused call and checks its exact message and that nothing stored changed. */
async function refused(act: (store: EventStore) => Promise<unknown>, message: string): Promise<void> {
  const before = await store.readAll();
  await assert.rejects(act(store), (error: unknown) => {
    assert.ok(error instanceof EventspecError, `not an EventspecError: ${String(error)}`);
    assert.equal(error.message, message);
    return true;
  });
  assert.deepEqual(await store.readAll(), before, 'stored events changed');
  assert.equal(await store.streamVersion('Cart-c1'), 2);
}

const streamRead = (option: string) => `reading stream "Cart-c1": ${option}`;
const NO_LIMIT = '; leave it out for no limit';

const READ_STREAM: readonly { title: string; options: unknown; message: string }[] = [
  { title: 'maxCount -1', options: { maxCount: -1 }, message: streamRead(`maxCount must be a whole number ≥ 0 (the most events to read), got -1${NO_LIMIT}`) },
  { title: 'maxCount 1.5', options: { maxCount: 1.5 }, message: streamRead(`maxCount must be a whole number ≥ 0 (the most events to read), got 1.5${NO_LIMIT}`) },
  { title: 'maxCount NaN', options: { maxCount: Number.NaN }, message: streamRead(`maxCount must be a whole number ≥ 0 (the most events to read), got NaN${NO_LIMIT}`) },
  { title: 'maxCount Infinity', options: { maxCount: Infinity }, message: streamRead(`maxCount must be a whole number ≥ 0 (the most events to read), got Infinity${NO_LIMIT}`) },
  { title: 'maxCount as text', options: { maxCount: '3' }, message: streamRead(`maxCount must be a whole number ≥ 0 (the most events to read), got "3"${NO_LIMIT}`) },
  { title: 'fromVersion -1', options: { fromVersion: -1 }, message: streamRead('fromVersion must be a whole number ≥ 0 (versions count from 1), got -1') },
  { title: 'fromVersion 2.5 backward', options: { direction: 'backward', fromVersion: 2.5 }, message: streamRead('fromVersion must be a whole number ≥ 0 (versions count from 1), got 2.5') },
  { title: 'an unknown direction', options: { direction: 'sideways' }, message: streamRead('direction must be "forward" or "backward", got "sideways"') },
  { title: 'a misspelt option', options: { maxcount: 2 }, message: streamRead('unknown option "maxcount" — did you mean `maxCount`?') },
  { title: 'an option it does not have', options: { from: 2 }, message: streamRead('unknown option "from" — expected one of `direction`, `fromVersion`, `maxCount`') },
  { title: 'options that are not an object', options: 5, message: streamRead('the options must be an object, got 5') },
];

const READ_ALL: readonly { title: string; options: unknown; message: string }[] = [
  { title: 'after NaN with maxCount 1.5', options: { after: Number.NaN, maxCount: 1.5 }, message: 'reading all events: after must be a whole number ≥ 0 (a global position; 0 reads from the start), got NaN' },
  { title: 'after -1', options: { after: -1 }, message: 'reading all events: after must be a whole number ≥ 0 (a global position; 0 reads from the start), got -1' },
  { title: 'maxCount -5', options: { maxCount: -5 }, message: `reading all events: maxCount must be a whole number ≥ 0 (the most events to read), got -5${NO_LIMIT}` },
  { title: 'maxCount 1.5', options: { maxCount: 1.5 }, message: `reading all events: maxCount must be a whole number ≥ 0 (the most events to read), got 1.5${NO_LIMIT}` },
  { title: 'a misspelt option', options: { afterr: 1 }, message: 'reading all events: unknown option "afterr" — did you mean `after`?' },
  { title: 'an option it does not have', options: { position: 3 }, message: 'reading all events: unknown option "position" — expected one of `after`, `maxCount`' },
];

const versionMessage = (shown: string) =>
  `stream "Cart-c1": expected version ${shown} is not a version; pass a whole number ≥ 0 (the version the stream is at, 0 = empty), or "no_stream", "stream_exists" or "any"`;

const EXPECTED: readonly { expected: unknown; shown: string }[] = [
  { expected: -1, shown: '-1' },
  { expected: -2, shown: '-2' },
  { expected: Number.NaN, shown: 'NaN' },
  { expected: 1.5, shown: '1.5' },
  { expected: Infinity, shown: 'Infinity' },
  { expected: 'maybe', shown: '"maybe"' },
  { expected: '2', shown: '"2"' },
];

const batch = (n: number) => `stream "Cart-c1", event ${n} of the batch (ItemAdded)`;
const HOW = 'stored values must be plain data (objects, arrays, strings, numbers, booleans, null, valid Dates)';

const VALUES: readonly { title: string; events: () => NewEvent[]; message: string }[] = [
  { title: 'a bigint', events: () => [event({ qty: 10n })], message: `${batch(1)}: data.qty is a bigint, which a store would read back as a plain number; store it as a string. Nothing was written.` },
  { title: 'a Map', events: () => [event({ prices: new Map([['a', 1]]) })], message: `${batch(1)}: data.prices is a Map (BSON keeps a plain object), which a store would not give back as it was; ${HOW}. Nothing was written.` },
  { title: 'a Set deep inside', events: () => [event({ lines: [{ tags: new Set(['x']) }] })], message: `${batch(1)}: data.lines[0].tags is a Set (BSON keeps {}), which a store would not give back as it was; ${HOW}. Nothing was written.` },
  { title: 'a NUL byte in a key', events: () => [event({ 'a\0b': 1 })], message: `${batch(1)}: data has a key with a NUL character ("a\\u0000b"), which BSON cannot store. Nothing was written.` },
  { title: 'a NUL byte in a metadata key', events: () => [{ ...event({ sku: 'a' }), metadata: { occurredAt: AT, 'x\0': 1 } }], message: `${batch(1)}: metadata has a key with a NUL character ("x\\u0000"), which BSON cannot store. Nothing was written.` },
  { title: 'a boxed number', events: () => [event({ qty: new Number(3) })], message: `${batch(1)}: data.qty is a boxed number (new Number(…), which BSON keeps as {}), which a store would not give back as it was; ${HOW}. Nothing was written.` },
  { title: 'an Error', events: () => [event({ sku: 'a', failure: new Error('out of stock') })], message: `${batch(1)}: data.failure is an Error (BSON keeps {}; store its message), which a store would not give back as it was; ${HOW}. Nothing was written.` },
  { title: 'a URL in metadata', events: () => [{ ...event({ sku: 'a' }), metadata: { occurredAt: AT, source: new URL('https://shop.example/cart') } }], message: `${batch(1)}: metadata.source is a URL (BSON keeps {}; store it as a string), which a store would not give back as it was; ${HOW}. Nothing was written.` },
  { title: 'a function', events: () => [event({ sku: 'a', total: () => 1 })], message: `${batch(1)}: data.total is a function; ${HOW}. Nothing was written.` },
  ...['yesterday', '2025-03-01', '2025-03-01T10:00:00', '2025-02-30T10:00:00Z'].map((occurredAt) => ({
    title: `occurredAt ${occurredAt}`,
    events: () => [{ ...event({ sku: 'a' }), metadata: { occurredAt } }],
    message: `${batch(1)}: metadata.occurredAt "${occurredAt}" is not an ISO time; write it as toISOString() does, with a zone (2025-03-01T10:00:00.000Z or 2025-03-01T11:00:00+01:00). Nothing was written.`,
  })),
  {
    title: 'the second event of a batch, the first being fine',
    events: () => [event({ sku: 'a' }, 'ItemAdded', 'e-ok'), event({ when: new Date(Number.NaN) }, 'ItemAdded', 'e-bad')],
    message: `${batch(2)}: data.when is an invalid Date, which a store would keep as 1970-01-01; ${HOW}. Nothing was written.`,
  },
  {
    title: 'a 17 MiB event',
    events: bigEvent,
    message:
      `${batch(1)} takes ${mongoBytes(bigEvent())} bytes as stored, most of it in data.blob (17825797 bytes), over the 15728640 bytes (15 MiB) any store keeps in one event ` +
      "(MongoDB's documents end at 16 MiB); keep large content elsewhere and store a reference to it in the event. Nothing was written.",
  },
  {
    title: 'a batch of 4 events of 4 MiB each',
    events: bigBatch,
    message:
      `stream "Cart-c1": the batch of 4 events takes ${mongoBytes(bigBatch())} bytes as stored, over the 15728640 bytes (15 MiB) any store keeps in one append ` +
      '(MongoDB writes a batch into one document); append it in smaller batches. Nothing was written.',
  },
];

describe('bad input to the store API: read options, refused alike by the in-memory store and the MongoDB read plans', () => {
  for (const c of READ_STREAM) {
    it(`readStream with ${c.title}`, async () => {
      await refused((s) => s.readStream('Cart-c1', c.options as ReadStreamOptions), c.message);
      assert.throws(() => planStreamRead('Cart-c1', c.options as ReadStreamOptions), { message: c.message });
    });
  }
  for (const c of READ_ALL) {
    it(`readAll with ${c.title}`, async () => {
      await refused((s) => s.readAll(c.options as ReadAllOptions), c.message);
      assert.throws(() => readAllWindow(c.options as ReadAllOptions, 10), { message: c.message });
    });
  }
  it('valid edge options still read: maxCount 0, fromVersion 0, an explicit undefined', async () => {
    assert.deepEqual(await store.readStream('Cart-c1', { maxCount: 0 }), []);
    assert.equal((await store.readStream('Cart-c1', { fromVersion: 0 })).length, 2);
    assert.equal((await store.readStream('Cart-c1', { maxCount: undefined })).length, 2);
    assert.equal((await store.readAll({ after: 0, maxCount: 1 })).length, 1);
  });
});

const SUBSCRIBE: readonly { title: string; options: Record<string, unknown>; message: string }[] = [
  { title: 'batchSize 0 (it would spin on empty reads)', options: { batchSize: 0 }, message: 'subscribing: batchSize must be a whole number ≥ 1, got 0' },
  { title: 'batchSize 2.5', options: { batchSize: 2.5 }, message: 'subscribing: batchSize must be a whole number ≥ 1, got 2.5' },
  { title: 'after -1', options: { after: -1 }, message: 'subscribing: after must be a whole number ≥ 0 (a global position; 0 reads from the start), got -1' },
  { title: 'after NaN', options: { after: Number.NaN }, message: 'subscribing: after must be a whole number ≥ 0 (a global position; 0 reads from the start), got NaN' },
  { title: 'no handler', options: { handler: undefined }, message: 'subscribing: handler must be a function, called with each event' },
];

describe('bad input to the store API: subscriptions are refused at once, not inside their loop', () => {
  for (const c of SUBSCRIBE) {
    it(`subscribe with ${c.title}`, async () => {
      const handler = () => undefined;
      await refused(async (s) => s.subscribe({ handler, ...c.options } as unknown as Parameters<EventStore['subscribe']>[0]), c.message);
    });
  }
});

describe('bad input to the store API: expected versions name the stream', () => {
  for (const c of EXPECTED) {
    it(`append with expected version ${c.shown}`, async () => {
      await refused((s) => s.append('Cart-c1', [event({ sku: 'z' })], { expectedVersion: c.expected as ExpectedVersion }), versionMessage(c.shown));
    });
  }
});

const APPEND_OPTIONS: readonly { title: string; options: unknown; message: string }[] = [
  { title: 'a bare number for options', options: 2, message: 'appending to stream "Cart-c1": the options must be an object such as { expectedVersion: 3 }, got 2' },
  { title: 'null options', options: null, message: 'appending to stream "Cart-c1": the options must be an object such as { expectedVersion: 3 }, got null' },
  { title: 'a misspelt option', options: { expectedVersoin: 0 }, message: 'appending to stream "Cart-c1": unknown option "expectedVersoin" — did you mean `expectedVersion`?' },
  { title: 'an option it does not have', options: { expected: 0 }, message: 'appending to stream "Cart-c1": unknown option "expected" — expected one of `expectedVersion`' },
];

describe('bad input to the store API: append options that would silently mean "any version"', () => {
  for (const c of APPEND_OPTIONS) {
    it(`append with ${c.title}`, async () => {
      await refused((s) => s.append('Cart-c1', [event({ sku: 'z' })], c.options as AppendOptions), c.message);
    });
  }
});

describe('bad input to the store API: values MongoDB would refuse or change are refused by the in-memory store too', () => {
  for (const c of VALUES) {
    it(`append with ${c.title}`, async () => {
      await refused((s) => s.append('Cart-c1', c.events()), c.message);
    });
  }
});
