import { MongoClient } from 'mongodb';
import type { Clock } from '../core/clock';
import type { EventStore } from '../eventStore/eventStore';
import type { SnapshotStore } from '../snapshots/snapshotStore';
import type { ReadModelStore } from '../projections/readModelStore';
import { mongoEventStore } from './mongoEventStore';
import { mongoErrorKind } from './mongoErrorKind';
import { MongoSetupError } from './mongoSetupError';
import { mongoSnapshotStore } from './mongoSnapshotStore';
import { mongoReadModelStore } from './mongoReadModelStore';
import { readModelCollectionNames } from './readModelDocument';
import { redactSecrets, redactUri } from './redactUri';
import { collectionNames } from './storeOptions';
import { messageOf } from './messageOf';

export interface MongoScenarioStoresOptions {
  uri?: string;
  client?: MongoClient;
  /** Defaults to `eventspec_scenarios`. */
  database?: string;
  chunkMaxEvents?: number;
  chunkMaxBytes?: number;
  serverSelectionTimeoutMS?: number;
}

/**
 * Per-scenario MongoDB stores on one shared client: each scenario gets its own collection prefix,
 * so scenarios never see each other (also under `--parallel`), and its collections are dropped at
 * the end. Shaped as the `ScenarioStoreFactory` of `src/testing` (not imported: lower layers don't
 * reach up).
 */
export function mongoScenarioStores(options: MongoScenarioStoresOptions) {
  const database = options.database ?? 'eventspec_scenarios';
  let client: MongoClient;
  if (options.client) client = options.client;
  else if (options.uri) {
    try {
      client = new MongoClient(options.uri, { serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000, appName: 'eventspec-scenarios' });
    } catch (error) {
      throw new MongoSetupError(`the MongoDB connection string ${redactUri(options.uri)} is not valid: ${redactSecrets(messageOf(error), options.uri)}`);
    }
  } else throw new MongoSetupError('mongoScenarioStores needs a connection string (uri) or a MongoClient (client)');
  const owned = !options.client;
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  let count = 0;

  return {
    name: 'mongo',
    async create({ clock }: { clock: Clock; scenario: string }): Promise<{ events: EventStore; snapshots: SnapshotStore; readModels: ReadModelStore; dispose(): Promise<void> }> {
      const collectionPrefix = `s${run}_${++count}_`;
      const target = { client, database, collectionPrefix, serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000 };
      const events = mongoEventStore({ ...target, clock, chunkMaxEvents: options.chunkMaxEvents, chunkMaxBytes: options.chunkMaxBytes });
      const snapshots = mongoSnapshotStore(target);
      // Connects on first use only: scenarios without read-model steps cost nothing here.
      const readModels = mongoReadModelStore(target);
      return {
        events,
        snapshots,
        readModels,
        async dispose() {
          await events.close();
          await snapshots.close();
          await readModels.close();
          const names = collectionNames(collectionPrefix);
          const readSide = readModelCollectionNames(collectionPrefix);
          await Promise.all(
            [names.events, names.positions, names.snapshots, readSide.readModels, readSide.checkpoints].map((name) =>
              client.db(database).dropCollection(name).catch((error: unknown) => {
                if ((error as { code?: unknown }).code !== 26 && mongoErrorKind(error) !== 'unreachable') throw error; // 26: never created
              }),
            ),
          );
        },
      };
    },
    async close() {
      if (owned) await client.close();
    },
  };
}
