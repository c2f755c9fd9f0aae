/** An aggregate's state after `version` events, so loading can skip replaying them. */
export interface Snapshot<State = unknown> {
  streamId: string;
  version: number;
  /** The aggregate's snapshot policy version: a snapshot from another version is ignored. */
  snapshotVersion: number;
  state: State;
  takenAt: string;
}

export interface SnapshotStore {
  load(streamId: string): Promise<Snapshot | undefined>;
  /** Keeps the snapshot only if it is newer than the stored one; returns whether it was kept. */
  save(snapshot: Snapshot): Promise<boolean>;
  close(): Promise<void>;
}
