import { Binary, BSON } from 'mongodb';
import { EventspecError } from '../core/errors';
import { checkSnapshotSize } from '../snapshots/snapshotSize';
import type { Snapshot } from '../snapshots/snapshotStore';
import { BSON_OPTIONS, decodeBody, encodeBody, unstorableValue } from './bodyEncoding';
import { messageOf } from './messageOf';

/** A snapshot as stored: keyed by its stream id, state plain or as BSON bytes like event data. */
export interface SnapshotDocument {
  _id: string;
  version: number;
  snapshotVersion: number;
  state?: unknown;
  stateBson?: Binary;
  takenAt: string;
}

/** The stored shape of a snapshot; one the server would refuse is refused here, saying what to do. */
export function snapshotDocument(snapshot: Snapshot): SnapshotDocument {
  const problem = unstorableValue(snapshot.state, 'state');
  if (problem) throw new EventspecError(`snapshot of stream "${snapshot.streamId}" at version ${snapshot.version}: ${problem}`);
  const body = encodeBody(snapshot.state);
  const doc: SnapshotDocument = { _id: snapshot.streamId, version: snapshot.version, snapshotVersion: snapshot.snapshotVersion, takenAt: snapshot.takenAt };
  if ('plain' in body) doc.state = body.plain;
  else doc.stateBson = body.bson;
  checkSnapshotSize(snapshot, BSON.calculateObjectSize(doc, BSON_OPTIONS));
  return doc;
}

export function readSnapshotDocument(doc: unknown, streamId: string): Snapshot {
  const fail = (problem: string): never => {
    throw new EventspecError(`the stored snapshot of stream "${streamId}" does not match the snapshot layout: ${problem}. Delete it: loading falls back to replaying the events.`);
  };
  if (doc === null || typeof doc !== 'object') return fail('it is not a document');
  const d = doc as Record<string, unknown>;
  const whole = (v: unknown, min: number) => typeof v === 'number' && Number.isInteger(v) && v >= min;
  if (!whole(d.version, 0)) fail('version is not a whole number ≥ 0');
  if (!whole(d.snapshotVersion, 0)) fail('snapshotVersion is not a whole number ≥ 0');
  if (typeof d.takenAt !== 'string') fail('takenAt is not a string');
  let state: unknown = d.state;
  if (d.stateBson !== undefined) {
    if (!(d.stateBson instanceof Binary)) return fail('stateBson is not binary data');
    try {
      state = decodeBody({ bson: d.stateBson });
    } catch (error) {
      return fail(`stateBson cannot be read as BSON (${messageOf(error)})`);
    }
  }
  return { streamId, version: d.version as number, snapshotVersion: d.snapshotVersion as number, state, takenAt: d.takenAt as string };
}
