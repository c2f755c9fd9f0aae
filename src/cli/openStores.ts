import { EventspecError } from '../core/errors';
import type { EventStore } from '../eventStore/eventStore';
import type { SnapshotStore } from '../snapshots/snapshotStore';
import type { CommandLog } from '../commandHandling/commandLog';
import type { ReadModelStore } from '../projections/readModelStore';
import { UsageError } from './exitCodes';
import { redactCredentials, scrubError } from './redactCredentials';

/** The stores a command reads, and how to let go of them. */
export interface OpenedStores {
  events: EventStore;
  snapshots?: SnapshotStore;
  close(): Promise<void>;
}

/** Opens the stores behind a connection string, read-only. Tests pass their own; the default is MongoDB. */
export type StoreOpener = (uri: string, options?: { collectionPrefix?: string }) => Promise<OpenedStores>;

/**
 * MongoDB stores from `src/mongo`, loaded only when asked for, so every other command starts
 * without the driver. Errors never repeat the URI's credentials.
 */
export const openMongoStoresFromUri: StoreOpener = async (uri, options = {}) => {
  if (!/^mongodb(\+srv)?:\/\//.test(uri)) {
    throw new UsageError(`--mongo expects a MongoDB connection string (mongodb://host/db or mongodb+srv://…), got "${redactCredentials(uri, uri)}"`);
  }
  const mongo = loadMongo();
  try {
    return await mongo.openMongoStores(uri, { ...options, readOnly: true });
  } catch (error) {
    throw new EventspecError(`cannot open the MongoDB store: ${redactCredentials((error as Error).message, uri)}`, { cause: scrubError(error, uri) });
  }
};

/** The MongoDB adapter, whose driver (an optional peer dependency) the project may not have: told as what to install. */
function loadMongo(): typeof import('../mongo') {
  try {
    require.resolve('mongodb');
  } catch {
    throw new UsageError('--mongo needs the MongoDB driver, which this project does not have: npm install mongodb');
  }
  return require('../mongo') as typeof import('../mongo');
}

/** Everything a service writes to: events, snapshots, read models and the command log, on one database. */
export interface ServiceStoresOpened {
  events: EventStore;
  snapshots: SnapshotStore;
  readModels: ReadModelStore;
  commandLog: CommandLog;
  close(): Promise<void>;
}

/** The stores `eventspec serve --mongo <uri>` runs on, writable; the driver is loaded only here. */
export async function openMongoServiceStores(uri: string, options: { collectionPrefix?: string } = {}): Promise<ServiceStoresOpened> {
  if (!/^mongodb(\+srv)?:\/\//.test(uri)) {
    throw new UsageError(`--mongo expects a MongoDB connection string (mongodb://host/db or mongodb+srv://…), got "${redactCredentials(uri, uri)}"`);
  }
  const mongo = loadMongo();
  try {
    const target = { uri, database: mongo.databaseOfUri(uri) ?? 'eventspec', ...options };
    const stores = await mongo.openMongoStores(uri, { ...options, readOnly: false });
    const readModels = mongo.mongoReadModelStore(target);
    const commandLog = mongo.mongoCommandLog(target);
    return {
      events: stores.events,
      snapshots: stores.snapshots,
      readModels,
      commandLog,
      async close() {
        await stores.close();
        await readModels.close();
        await commandLog.close();
      },
    };
  } catch (error) {
    throw new EventspecError(`cannot open the MongoDB store: ${redactCredentials((error as Error).message, uri)}`, { cause: scrubError(error, uri) });
  }
}
