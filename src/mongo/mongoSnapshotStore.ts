import type { Collection } from 'mongodb';
import { EventspecError } from '../core/errors';
import type { Snapshot, SnapshotStore } from '../snapshots/snapshotStore';
import { mongoConnection, type MongoTarget } from './mongoConnection';
import { mongoErrorKind } from './mongoErrorKind';
import { checkStreamId } from './streamIdArgument';
import { readSnapshotDocument, snapshotDocument, type SnapshotDocument } from './snapshotDocument';
import { planSnapshotWrite } from './snapshotWritePlan';
import { collectionNames } from './storeOptions';

export interface MongoSnapshotStoreOptions extends MongoTarget {
  /** Same prefix as the event store's: the collection is `<prefix>snapshots`. */
  collectionPrefix?: string;
}

const MAX_ATTEMPTS = 50;

/**
 * One document per stream. A save reads the stored snapshot, asks `replacesSnapshot` (through
 * `planSnapshotWrite`), then inserts or replaces exactly what it read; losing a race means reading
 * and deciding again, so a snapshot never replaces a newer one.
 */
export function mongoSnapshotStore(options: MongoSnapshotStoreOptions): SnapshotStore {
  const names = collectionNames(options.collectionPrefix ?? 'eventspec_');
  const connection = mongoConnection(options, async () => undefined);
  const snapshots: Collection<SnapshotDocument> = connection.db.collection(names.snapshots);

  return {
    async load(streamId) {
      checkStreamId(streamId);
      await connection.ready();
      const doc = await snapshots.findOne({ _id: { $eq: streamId } });
      return doc ? readSnapshotDocument(doc, streamId) : undefined;
    },

    async save(snapshot: Snapshot) {
      checkStreamId(snapshot.streamId);
      const doc = snapshotDocument(snapshot);
      await connection.ready();
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const storedDoc = await snapshots.findOne({ _id: { $eq: snapshot.streamId } }, { projection: { version: 1, snapshotVersion: 1, takenAt: 1 } });
        const stored = storedDoc ? readSnapshotDocument(storedDoc, snapshot.streamId) : undefined;
        const plan = planSnapshotWrite(stored, snapshot);
        if (plan.kind === 'keep-stored') return false;
        if (plan.kind === 'insert') {
          try {
            await snapshots.insertOne(doc);
            return true;
          } catch (error) {
            if (mongoErrorKind(error) !== 'duplicate-key') throw error;
            continue; // another save inserted first: decide again against it
          }
        }
        const result = await snapshots.replaceOne(
          { _id: { $eq: snapshot.streamId }, version: { $eq: plan.stored.version }, snapshotVersion: { $eq: plan.stored.snapshotVersion } },
          doc,
        );
        if (result.matchedCount === 1) return true;
      }
      throw new EventspecError(`snapshot of stream "${snapshot.streamId}" at version ${snapshot.version}: gave up after ${MAX_ATTEMPTS} attempts under concurrent saves`);
    },

    async close() {
      await connection.close();
    },
  };
}
