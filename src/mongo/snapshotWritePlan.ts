import { replacesSnapshot } from '../snapshots/snapshotOrder';
import type { Snapshot } from '../snapshots/snapshotStore';

/**
 * What a snapshot save does, from the stored snapshot it read: nothing (the stored one is as new
 * or newer), insert (none stored), or replace exactly the one it read (a compare-and-set; if
 * another save got in between, the caller reads again and asks again).
 */
export type SnapshotWritePlan =
  | { kind: 'keep-stored' }
  | { kind: 'insert' }
  | { kind: 'replace'; stored: Pick<Snapshot, 'version' | 'snapshotVersion'> };

export function planSnapshotWrite(stored: Pick<Snapshot, 'version' | 'snapshotVersion'> | undefined, incoming: Pick<Snapshot, 'version' | 'snapshotVersion'>): SnapshotWritePlan {
  if (!replacesSnapshot(stored, incoming)) return { kind: 'keep-stored' };
  return stored ? { kind: 'replace', stored: { version: stored.version, snapshotVersion: stored.snapshotVersion } } : { kind: 'insert' };
}
