import { EventspecError } from '../core/errors';
import { unstorableValue } from '../core/storableValue';
import { storedSize } from '../core/storedSize';
import { checkSnapshotSize } from './snapshotSize';
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
      // Refused as MongoDB refuses it, so a snapshot policy tested in memory holds in production.
      const problem = unstorableValue(snapshot.state, 'state');
      if (problem) throw new EventspecError(`snapshot of stream "${snapshot.streamId}" at version ${snapshot.version}: ${problem}`);
      // The size of the document the MongoDB store would write (its fields as stored, `state` plain).
      const { streamId: _id, ...fields } = snapshot;
      checkSnapshotSize(snapshot, storedSize({ _id, ...fields }));
      if (!replacesSnapshot(snapshots.get(snapshot.streamId), snapshot)) return false;
      snapshots.set(snapshot.streamId, structuredClone(snapshot));
      return true;
    },
    async close() {},
  };
}
