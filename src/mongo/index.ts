/**
 * The MongoDB event and snapshot stores (capped chunk documents, transactional global order).
 * A separate entry point: importing it loads the `mongodb` driver, the main entry does not.
 */
// First: a project without the driver (an optional peer dependency) hears what to install.
import './driverInstalled';
export { mongoEventStore } from './mongoEventStore';
export type { MongoEventStoreOptions } from './mongoEventStore';
export { mongoSnapshotStore } from './mongoSnapshotStore';
export { mongoCommandLog } from './mongoCommandLog';
export type { MongoCommandLogOptions } from './mongoCommandLog';
export type { MongoSnapshotStoreOptions } from './mongoSnapshotStore';
export { mongoScenarioStores } from './mongoScenarioStores';
export type { MongoScenarioStoresOptions } from './mongoScenarioStores';
export type { MongoTarget } from './mongoConnection';
export { findTestMongo, localMongod, HOW_TO_ENABLE } from './testMongo';
export type { TestMongo } from './testMongo';
export { StoredChunkError } from './storedChunkError';
export { MongoSetupError } from './mongoSetupError';
export { redactUri, redactSecrets } from './redactUri';
export { DEFAULT_CHUNK_LIMITS } from './storeOptions';
export type { ChunkLimits } from './storeOptions';
export { mongoScenarioStoresFromEnvironment } from './mongoScenarioStoresFromEnvironment';
export { openMongoStores, databaseOfUri } from './openMongoStores';
export { mongoReadModelStore } from './mongoReadModelStore';
export type { MongoReadModelStoreOptions, MongoCommitStep } from './mongoReadModelStore';
export { readModelCollectionNames } from './readModelDocument';
