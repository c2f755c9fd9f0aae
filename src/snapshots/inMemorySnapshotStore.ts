import { replacesSnapshot } from './snapshotOrder';
import type { Snapshot, SnapshotStore } from './snapshotStore';

export function inMemorySnapshotStore(): SnapshotStore {
  const snapshots = new Map<string, Snapshot>();
  return {
    async load(streamId) {
      const found = snapshots.get(streamId);
      return found && structuredClone(found);
    },
    async save(snapshot) {
      if (!replacesSnapshot(snapshots.get(snapshot.streamId), snapshot)) return false;
      snapshots.set(snapshot.streamId, structuredClone(snapshot));
      return true;
    },
    async close() {},
  };
}
