export type { Snapshot, SnapshotStore } from './snapshotStore';
export { inMemorySnapshotStore } from './inMemorySnapshotStore';
export { replacesSnapshot } from './snapshotOrder';
