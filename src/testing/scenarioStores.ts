import type { EventStore } from '../eventStore/eventStore';
import type { SnapshotStore } from '../snapshots/snapshotStore';
import type { ReadModelStore } from '../projections/readModelStore';

/** The stores one scenario runs against: fresh and isolated, released when it ends. */
export interface ScenarioStores {
  readonly events: EventStore;
  readonly snapshots: SnapshotStore;
  /** Where the scenario's projections keep read models; in memory when absent. Closed by `dispose`. */
  readonly readModels?: ReadModelStore;
  dispose(): Promise<void>;
}

/** Makes isolated stores for each scenario; `close` releases what the factory shares (a connection). */
export interface ScenarioStoreFactory {
  readonly name: string;
  /** Why this factory cannot run here (no server reachable), or undefined when it can. */
  unavailable?(): Promise<string | undefined>;
  create(options: { clock: import('../core/clock').Clock; scenario: string }): Promise<ScenarioStores>;
  close(): Promise<void>;
}
