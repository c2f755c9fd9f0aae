import type { EventStore } from '../eventStore/eventStore';
import type { SnapshotStore } from '../snapshots/snapshotStore';
import { mongoEventStore } from './mongoEventStore';
import { mongoSnapshotStore } from './mongoSnapshotStore';

/** The database a connection string names (`mongodb://host/shop` → `shop`), if any. */
export function databaseOfUri(uri: string): string | undefined {
  const path = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]*)/.exec(uri)?.[1];
  return path ? decodeURIComponent(path) : undefined;
}

/**
 * The event and snapshot stores behind one connection string: what `eventspec inspect --mongo
 * <uri>` reads. The database is the URI's, else `eventspec`. Each store owns its client, so
 * errors name the (redacted) server. Read-only unless `readOnly: false`: inspecting creates
 * nothing (no indexes, no counter, no collection), so a user with the `read` role can do it and a
 * mistyped database or prefix stays empty instead of being set up.
 */
export async function openMongoStores(
  uri: string,
  options: { collectionPrefix?: string; readOnly?: boolean } = {},
): Promise<{ events: EventStore; snapshots: SnapshotStore; close(): Promise<void> }> {
  const target = { uri, database: databaseOfUri(uri) ?? 'eventspec', readOnly: true, ...options };
  const events = mongoEventStore(target);
  const snapshots = mongoSnapshotStore(target);
  return {
    events,
    snapshots,
    async close() {
      await events.close();
      await snapshots.close();
    },
  };
}
