import { EventspecError } from '../core/errors';
import type { Snapshot } from './snapshotStore';

/** MongoDB refuses documents over 16 MiB; a snapshot is one document. */
export const LARGEST_SNAPSHOT_DOCUMENT = 16 * 1024 * 1024;

/** Refuses a snapshot whose stored document would take `size` bytes, over the limit, saying what to do. */
export function checkSnapshotSize(snapshot: Snapshot, size: number): void {
  if (size <= LARGEST_SNAPSHOT_DOCUMENT) return;
  throw new EventspecError(
    `snapshot of stream "${snapshot.streamId}" at version ${snapshot.version} takes ${size} bytes, over MongoDB's 16 MiB document limit, so no snapshot was written. ` +
      "The events are stored and loading replays them. Keep the aggregate's state small (what its decisions need), or remove its snapshot policy.",
  );
}
