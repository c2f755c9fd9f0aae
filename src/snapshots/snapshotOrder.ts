import type { Snapshot } from './snapshotStore';

/**
 * Whether `incoming` may replace `existing`: a snapshot never replaces a newer one. A snapshot
 * taken under a newer snapshot policy wins even at a lower version, since the older one is unusable.
 */
export function replacesSnapshot(existing: Pick<Snapshot, 'version' | 'snapshotVersion'> | undefined, incoming: Pick<Snapshot, 'version' | 'snapshotVersion'>): boolean {
  if (!existing) return true;
  if (incoming.snapshotVersion !== existing.snapshotVersion) return incoming.snapshotVersion > existing.snapshotVersion;
  return incoming.version > existing.version;
}
