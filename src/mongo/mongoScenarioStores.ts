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
const SCENARIO_TIMEOUT_MS = 5000;

/** The scenario client's server-selection wait: the option, else the connection string's own, else 5000 ms. */
export function scenarioTimeoutMs(uri: string | undefined, given: number | undefined): number {
  if (given !== undefined) return given;
  const query = uri?.split('?')[1] ?? '';
  for (const pair of query.split('&')) {
    const [name, value] = pair.split('=');
    if (name?.toLowerCase() === 'serverselectiontimeoutms' && /^\d+$/.test(value ?? '')) return Number(value);
  }
  return SCENARIO_TIMEOUT_MS;
}

/**
 * The collections a finished scenario leaves: none when it never used its stores, so its After
 * hook makes no round trip (and cannot wait out a server that is gone).
 */
export function collectionsToDrop(used: boolean, collectionPrefix: string): string[] {
  if (!used) return [];
  const names = collectionNames(collectionPrefix);
  const readSide = readModelCollectionNames(collectionPrefix);
  return [names.events, names.positions, names.snapshots, readSide.readModels, readSide.checkpoints];
}

/** The store, telling `used` whenever anything but `close` is called on it. */
function noticingUse<T extends object>(store: T, used: () => void): T {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || key === 'close') return value;
      return (...args: unknown[]) => {
        used();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

export function mongoScenarioStores(options: MongoScenarioStoresOptions) {
  const database = options.database ?? 'eventspec_scenarios';
  let client: MongoClient;
  if (options.client) client = options.client;
  else if (options.uri) {
    try {
      client = new MongoClient(options.uri, { serverSelectionTimeoutMS: scenarioTimeoutMs(options.uri, options.serverSelectionTimeoutMS), appName: 'eventspec-scenarios' });
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
      // The uri names the server in messages (redacted); the timeout is the one the client waits.
      const timeout = options.client ? (options.serverSelectionTimeoutMS ?? client.options?.serverSelectionTimeoutMS ?? SCENARIO_TIMEOUT_MS) : scenarioTimeoutMs(options.uri, options.serverSelectionTimeoutMS);
      const target = { client, ...(options.uri !== undefined ? { uri: options.uri } : {}), database, collectionPrefix, serverSelectionTimeoutMS: timeout };
      let used = false;
      const use = () => void (used = true);
      const events = noticingUse(mongoEventStore({ ...target, clock, chunkMaxEvents: options.chunkMaxEvents, chunkMaxBytes: options.chunkMaxBytes }), use);
      const snapshots = noticingUse(mongoSnapshotStore(target), use);
      // Connects on first use only: scenarios without read-model steps cost nothing here.
      const readModels = noticingUse(mongoReadModelStore(target), use);
      return {
        events,
        snapshots,
        readModels,
        async dispose() {
          await events.close();
          await snapshots.close();
          await readModels.close();
          await Promise.all(
            collectionsToDrop(used, collectionPrefix).map((name) =>
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
