import { inMemoryEventStore } from '../eventStore/inMemoryEventStore';
import { inMemorySnapshotStore } from '../snapshots/inMemorySnapshotStore';
import type { ScenarioStoreFactory } from './scenarioStores';

/** The default: a new in-memory store per scenario, which costs next to nothing. */
export const memoryScenarioStores: ScenarioStoreFactory = {
  name: 'memory',
  async create({ clock }) {
    const events = inMemoryEventStore({ clock });
    const snapshots = inMemorySnapshotStore();
    return { events, snapshots, dispose: async () => events.close() };
  },
  async close() {},
};
