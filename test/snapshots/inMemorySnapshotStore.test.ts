import { inMemorySnapshotStore } from '../../src';
import { snapshotStoreContract } from './snapshotStoreContract';

snapshotStoreContract('in-memory', { create: async () => inMemorySnapshotStore() });
