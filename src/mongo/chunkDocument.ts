import { Binary, BSON } from 'mongodb';
import type { EventMetadata, NewEvent, RecordedEvent } from '../core/envelope';
import { EventspecError } from '../core/errors';
import { BSON_OPTIONS, decodeBody, encodeBody, type EncodedBody, unstorableValue } from './bodyEncoding';
import { StoredChunkError } from './storedChunkError';
import { messageOf } from './messageOf';

/** Bumped if the document layout ever changes, so old and new documents can be told apart. */
export const CHUNK_LAYOUT = 1;

/** One event inside a chunk's `events` array. `data`/`metadata` are plain, or BSON bytes in `…Bson`. */
export interface StoredEvent {
  id: string;
  type: string;
  schemaVersion: number;
  version: number;
  position: number;
  data?: unknown;
  dataBson?: Binary;
  metadata?: EventMetadata & { recordedAt: string };
  metadataBson?: Binary;
}

/** A chunk's own fields: everything but its events. */
export interface ChunkHead {
  stream: string;
  chunk: number;
  /** Version of the chunk's first event (its predecessor's `nextVersion`). */
  firstVersion: number;
  /** Version the next event appended to this chunk gets. */
  nextVersion: number;
  count: number;
  bytes: number;
  sealed: boolean;
}

export interface ChunkDocument extends ChunkHead {
  layout: number;
  events: StoredEvent[];
}

export function newChunk(stream: string, chunk: number, firstVersion: number): ChunkDocument {
  return { stream, chunk, firstVersion, nextVersion: firstVersion, count: 0, bytes: 0, sealed: false, layout: CHUNK_LAYOUT, events: [] };
}

/** A batch's events as they will sit in the chunk. Versions and positions are filled in by `placeEvents`. */
export interface EncodedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  data: EncodedBody;
  metadata: EncodedBody;
  /** What the event adds to the chunk document, counted with the widest version and position. */
  bytes: number;
}

// A number past int32 is stored as an 8-byte double: sizing with one never underestimates.
const WIDE_NUMBER = 2 ** 40;

export function encodeEvent(stream: string, index: number, event: NewEvent, recordedAt: string): EncodedEvent {
  const where = `stream "${stream}", event ${index + 1} of the batch (${event.type})`;
  const problem = unstorableValue(event.data, 'data') ?? unstorableValue(event.metadata, 'metadata');
  if (problem) throw new EventspecError(`${where}: ${problem}`);
  try {
    const encoded = {
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: encodeBody(event.data),
      metadata: encodeBody({ ...event.metadata, recordedAt }),
    };
    const bytes = BSON.calculateObjectSize({ '0000000': storedEvent(encoded, WIDE_NUMBER, WIDE_NUMBER) }, BSON_OPTIONS) - 5;
    return { ...encoded, bytes };
  } catch (error) {
    throw new EventspecError(`${where}: cannot be stored as BSON: ${messageOf(error)}`);
  }
}

export function storedEvent(event: Omit<EncodedEvent, 'bytes'>, version: number, position: number): StoredEvent {
  const stored: StoredEvent = { id: event.id, type: event.type, schemaVersion: event.schemaVersion, version, position };
  if ('plain' in event.data) stored.data = event.data.plain;
  else stored.dataBson = event.data.bson;
  if ('plain' in event.metadata) stored.metadata = event.metadata.plain as StoredEvent['metadata'];
  else stored.metadataBson = event.metadata.bson;
  return stored;
}

/** Versions follow the chunk's `nextVersion`; positions come from the global sequence. */
export function placeEvents(events: readonly EncodedEvent[], firstVersion: number, firstPosition: number): StoredEvent[] {
  return events.map((event, i) => storedEvent(event, firstVersion + i, firstPosition + i));
}

// ---- reading: every stored document is checked before it is trusted ----

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isCount = (value: unknown, min: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min;

/** Checks a chunk's own fields. `expectedStream` names the stream when the document doesn't. */
export function readChunkHead(doc: unknown, expectedStream?: string): ChunkHead {
  const stream = isRecord(doc) && typeof doc.stream === 'string' ? doc.stream : expectedStream ?? '?';
  const chunkNo = isRecord(doc) && isCount(doc.chunk, 1) ? doc.chunk : undefined;
  const fail = (field: string, problem: string): never => {
    throw new StoredChunkError(stream, chunkNo, field, problem);
  };
  if (!isRecord(doc)) return fail('the document', 'is not a document');
  if (typeof doc.stream !== 'string') fail('stream', 'is not a string');
  if (expectedStream !== undefined && doc.stream !== expectedStream) fail('stream', `is "${String(doc.stream)}", not "${expectedStream}"`);
  if (!isCount(doc.chunk, 1)) fail('chunk', 'is not a whole number ≥ 1');
  if (doc.layout !== undefined && doc.layout !== CHUNK_LAYOUT) fail('layout', `is ${String(doc.layout)}; this version of eventspec reads layout ${CHUNK_LAYOUT}`);
  for (const field of ['firstVersion', 'nextVersion'] as const) if (!isCount(doc[field], 1)) fail(field, 'is not a whole number ≥ 1');
  for (const field of ['count', 'bytes'] as const) if (!isCount(doc[field], 0)) fail(field, 'is not a whole number ≥ 0');
  if (typeof doc.sealed !== 'boolean') fail('sealed', 'is not true or false');
  const head = doc as unknown as ChunkHead;
  if (head.nextVersion !== head.firstVersion + head.count) {
    fail('nextVersion', `is ${head.nextVersion}, but firstVersion ${head.firstVersion} + count ${head.count} is ${head.firstVersion + head.count}`);
  }
  return { stream: head.stream, chunk: head.chunk, firstVersion: head.firstVersion, nextVersion: head.nextVersion, count: head.count, bytes: head.bytes, sealed: head.sealed };
}

/** Checks a whole chunk and turns its events into recorded events, in version order. */
export function readChunkEvents(doc: unknown, expectedStream?: string): RecordedEvent[] {
  const head = readChunkHead(doc, expectedStream);
  const events = (doc as { events?: unknown }).events;
  if (!Array.isArray(events)) throw new StoredChunkError(head.stream, head.chunk, 'events', 'is not an array');
  if (events.length !== head.count) throw new StoredChunkError(head.stream, head.chunk, 'events', `holds ${events.length} events but count says ${head.count}`);
  return events.map((element, i) => {
    const event = readStoredEvent(element, head, i);
    if (event.version !== head.firstVersion + i) {
      throw new StoredChunkError(head.stream, head.chunk, `events[${i}].version`, `is ${event.version}, expected ${head.firstVersion + i}`);
    }
    return event;
  });
}

/** Checks one stored event (also used for the partial arrays `readAll` projects). */
export function readStoredEvent(element: unknown, head: Pick<ChunkHead, 'stream' | 'chunk'>, index: number): RecordedEvent {
  const fail = (field: string, problem: string): never => {
    throw new StoredChunkError(head.stream, head.chunk, `events[${index}]${field ? `.${field}` : ''}`, problem);
  };
  if (!isRecord(element)) return fail('', 'is not a document');
  if (typeof element.id !== 'string' || element.id.length === 0) fail('id', 'is not a non-empty string');
  if (typeof element.type !== 'string' || element.type.length === 0) fail('type', 'is not a non-empty string');
  if (!isCount(element.schemaVersion, 1)) fail('schemaVersion', 'is not a whole number ≥ 1');
  if (!isCount(element.version, 1)) fail('version', 'is not a whole number ≥ 1');
  if (!isCount(element.position, 1)) fail('position', 'is not a whole number ≥ 1');
  const data = readBody(element, 'data', fail);
  const metadata = readBody(element, 'metadata', fail);
  if (!isRecord(metadata) || typeof metadata.occurredAt !== 'string' || typeof metadata.recordedAt !== 'string') {
    fail('metadata', 'lacks occurredAt or recordedAt');
  }
  return {
    id: element.id as string,
    type: element.type as string,
    schemaVersion: element.schemaVersion as number,
    data,
    metadata: metadata as RecordedEvent['metadata'],
    streamId: head.stream,
    version: element.version as number,
    position: element.position as number,
  };
}

function readBody(element: Record<string, unknown>, field: 'data' | 'metadata', fail: (field: string, problem: string) => never): unknown {
  const bsonField = `${field}Bson`;
  const bson = element[bsonField];
  // An absent plain field is an `undefined` value: BSON keeps no undefined, so it is left out.
  if (bson === undefined) return element[field];
  if (!(bson instanceof Binary)) return fail(bsonField, 'is not binary data');
  try {
    return decodeBody({ bson });
  } catch (error) {
    return fail(bsonField, `cannot be read as BSON (${messageOf(error)})`);
  }
}
