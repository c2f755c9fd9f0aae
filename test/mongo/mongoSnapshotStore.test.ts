import { mongoSnapshotStore } from '../../src/mongo';
import { snapshotStoreContract } from '../snapshots/snapshotStoreContract';
import { mongoSkipReason, mongoUri, testDatabase } from '../support/mongo';

snapshotStoreContract('mongo', {
  unavailable: mongoSkipReason,
  create: async () => mongoSnapshotStore({ uri: await mongoUri(), database: testDatabase('snapshots') }),
});
