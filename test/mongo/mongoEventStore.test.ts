import { mongoEventStore } from '../../src/mongo';
import { eventStoreContract } from '../eventStore/storeContract';
import { mongoSkipReason, mongoUri, testDatabase } from '../support/mongo';

// The shared contract, unchanged: once with the default chunk limits, once with small chunks so
// that streams of the contract roll over into several chunks.
let prefix = 0;
for (const [name, limits] of [
  ['mongo (chunks of 500 events / 1 MiB)', {}],
  ['mongo (chunks of 10 events / 4 KiB)', { chunkMaxEvents: 10, chunkMaxBytes: 4096 }],
] as const) {
  eventStoreContract(name, {
    unavailable: mongoSkipReason,
    create: async ({ clock }) => mongoEventStore({ uri: await mongoUri(), database: testDatabase('contract'), collectionPrefix: `c${++prefix}_`, clock, ...limits }),
  });
}
