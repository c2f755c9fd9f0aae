import { Binary, BSON } from 'mongodb';
import { EventspecError } from '../core/errors';
import { BSON_OPTIONS, decodeBody, hasUnsafeKey, unstorableValue } from './bodyEncoding';
import { messageOf } from './messageOf';
import { collectionNames } from './storeOptions';

/**
 * One read-model document as stored: all read models share one collection, keyed by the unique
 * pair (model, id). `doc` is the document as it is; `docBson` holds it as BSON bytes instead when
 * any key starts with `$`, holds a `.` or is empty (the server treats those as syntax in places).
 */
export interface StoredReadModel {
  model: string;
  id: string;
  doc?: unknown;
  docBson?: Binary;
}

/** The read-model store's collections: `<prefix>readmodels` and `<prefix>checkpoints` (prefix rules as the event store's). */
export function readModelCollectionNames(prefix: string): { readModels: string; checkpoints: string } {
  collectionNames(prefix); // refuses an unusable prefix, with the same words
  return { readModels: `${prefix}readmodels`, checkpoints: `${prefix}checkpoints` };
}

/** MongoDB refuses documents over 16 MiB; what a stored read model may take, its own fields included. */
export const LARGEST_STORED_READ_MODEL = 16 * 1024 * 1024;

export function checkReadModelName(readModel: unknown): string {
  if (typeof readModel !== 'string' || readModel.length === 0) {
    throw new EventspecError(`read-model name must be a non-empty string, got ${JSON.stringify(readModel)}`);
  }
  return readModel;
}

export function checkDocumentId(readModel: string, id: unknown): string {
  if (typeof id !== 'string' || id.length === 0) {
    throw new EventspecError(`${readModel}: a document id must be a non-empty string, got ${JSON.stringify(id)}`);
  }
  return id;
}

export function checkProjectionName(projection: unknown): string {
  if (typeof projection !== 'string' || projection.length === 0) {
    throw new EventspecError(`projection name must be a non-empty string, got ${JSON.stringify(projection)}`);
  }
  return projection;
}

/**
 * The stored shape of a put. Serialised once, here: the result is a copy (later changes to the
 * caller's object don't reach the store, also when the driver retries a transaction) and its size is
 * known before any I/O, so an oversized document fails with what to do instead of a server error.
 */
export function storedReadModel(model: string, id: string, doc: unknown): StoredReadModel {
  const where = `read model ${model}, document "${id}"`;
  let problem: string | undefined;
  try {
    problem = unstorableValue(doc, 'doc');
  } catch (error) {
    // A getter that throws, a proxy that refuses: the value cannot be read, so it cannot be stored.
    throw new EventspecError(`${where} cannot be read (${messageOf(error)}). Nothing was written.`);
  }
  if (problem) throw new EventspecError(`${where}: ${problem}. Nothing was written.`);
  let bytes: Uint8Array;
  try {
    bytes = BSON.serialize({ v: doc }, BSON_OPTIONS);
  } catch (error) {
    throw new EventspecError(`${where} cannot be stored as BSON (${messageOf(error)}). Nothing was written.`);
  }
  const size = bytes.length + Buffer.byteLength(model) + Buffer.byteLength(id) + 64;
  if (size > LARGEST_STORED_READ_MODEL) {
    throw new EventspecError(
      `${where} takes ${size} bytes, over MongoDB's 16 MiB document limit. Nothing was written. ` +
        'Keep read-model documents bounded: split a growing list into one document per entry (see docs/projections.md, "Shaping read models").',
    );
  }
  // The keys are looked at in the copy, not in the caller's object: read again, a getter may throw.
  const copy: unknown = BSON.deserialize(bytes, { promoteValues: true }).v;
  if (hasUnsafeKey(copy)) return { model, id, docBson: new Binary(bytes, Binary.SUBTYPE_USER_DEFINED) };
  return { model, id, doc: copy };
}

/** The document a stored read model holds; damage is reported with where it is and how to recover. */
export function readStoredReadModel(raw: unknown, model: string): { id: string; doc: unknown } {
  const fail = (problem: string, id = '?'): never => {
    throw new EventspecError(
      `the stored document "${id}" of read model ${model} does not match the read-model layout: ${problem}. ` +
        'Rebuild the projection that owns it (its documents are derived from the events, nothing is lost).',
    );
  };
  if (raw === null || typeof raw !== 'object') return fail('it is not a document');
  const stored = raw as Record<string, unknown>;
  if (typeof stored.id !== 'string') return fail('id is not a string');
  const id = stored.id;
  if (stored.docBson === undefined) return { id, doc: stored.doc };
  if (!(stored.docBson instanceof Binary)) return fail('docBson is not binary data', id);
  try {
    return { id, doc: decodeBody({ bson: stored.docBson }) };
  } catch (error) {
    return fail(`docBson cannot be read as BSON (${messageOf(error)})`, id);
  }
}

/** A projection's checkpoint document: `{ _id: <projection>, checkpoint }`; none means 0. */
export interface CheckpointDocument {
  _id: string;
  checkpoint: number;
}

export function readCheckpoint(raw: unknown, projection: string): number {
  if (raw === null || raw === undefined) return 0;
  const checkpoint = (raw as { checkpoint?: unknown }).checkpoint;
  if (typeof checkpoint !== 'number' || !Number.isInteger(checkpoint) || checkpoint < 0) {
    throw new EventspecError(
      `the stored checkpoint of projection ${projection} is damaged (checkpoint is ${JSON.stringify(checkpoint)}, not a whole number ≥ 0). ` +
        'Rebuild the projection to start it over from position 0.',
    );
  }
  return checkpoint;
}
