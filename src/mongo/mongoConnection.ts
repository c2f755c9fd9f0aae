import { type Db, MongoClient, ReadConcern, WriteConcern, type WriteConcernSettings } from 'mongodb';
import { MongoSetupError } from './mongoSetupError';
import { topologyProblem } from './mongoErrorKind';
import { redactSecrets, redactUri } from './redactUri';
import { setupFailure } from './setupFailure';
import { checkDatabaseName } from './storeOptions';
import { messageOf } from './messageOf';

/** Where a MongoDB store lives: a connection string (the store owns the client) or a client you own. */
export interface MongoTarget {
  uri?: string;
  client?: MongoClient;
  /** Defaults to `eventspec`. */
  database?: string;
  /** How long to look for a server before failing (default 5000 ms); only for a client made from `uri`. */
  serverSelectionTimeoutMS?: number;
  /** Defaults to `{ w: 'majority', journal: true }`; anything weaker may lose acknowledged events in a failover. */
  writeConcern?: WriteConcernSettings;
}

export interface MongoConnection {
  readonly client: MongoClient;
  readonly db: Db;
  /** The server, for messages: the redacted connection string. */
  readonly where: string;
  readonly writeConcern: WriteConcern;
  /** Connects and checks the deployment once, then runs `setup` (indexes): memoized, retried after a failure. */
  ready(): Promise<void>;
  /** Turns a driver error into one without credentials. */
  explain(error: unknown): MongoSetupError;
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 5000;
// One topology check per client, shared by every store on it.
const checkedClients = new WeakMap<MongoClient, Promise<void>>();

export function mongoConnection(target: MongoTarget, setup: (db: Db) => Promise<void>): MongoConnection {
  const timeoutMs = target.serverSelectionTimeoutMS ?? DEFAULT_TIMEOUT_MS;
  const uri = target.uri;
  if (!target.client && typeof uri !== 'string') throw new MongoSetupError('a MongoDB store needs a connection string (uri) or a MongoClient (client)');
  const where = target.client ? 'the MongoClient passed in' : redactUri(uri!);
  let client: MongoClient;
  try {
    client = target.client ?? new MongoClient(uri!, { serverSelectionTimeoutMS: timeoutMs, appName: 'eventspec' });
  } catch (error) {
    throw new MongoSetupError(`the MongoDB connection string ${where} is not valid: ${redactSecrets(messageOf(error), uri)}`);
  }
  const owned = !target.client;
  const writeConcern = WriteConcern.fromOptions({ writeConcern: target.writeConcern ?? { w: 'majority', journal: true } })!;
  const db = client.db(checkDatabaseName(target.database ?? 'eventspec'), {
    readConcern: new ReadConcern('majority'),
    readPreference: 'primary',
    writeConcern,
    ignoreUndefined: true,
  });
  const explain = (error: unknown) => setupFailure(error, where, uri, timeoutMs);

  let readiness: Promise<void> | undefined;
  const ready = () => {
    readiness ??= (async () => {
      let checked = checkedClients.get(client);
      if (!checked) {
        checked = checkTopology(client, where);
        checkedClients.set(client, checked);
        checked.catch(() => checkedClients.delete(client));
      }
      await checked;
      await setup(db);
    })().catch((error: unknown) => {
      readiness = undefined;
      throw explain(error);
    });
    return readiness;
  };

  return {
    client,
    db,
    where,
    writeConcern,
    ready,
    explain,
    async close() {
      if (owned) await client.close();
    },
  };
}

async function checkTopology(client: MongoClient, where: string): Promise<void> {
  await client.connect();
  const hello = await client.db('admin').command({ hello: 1 });
  const problem = topologyProblem(hello);
  if (problem) throw new MongoSetupError(`MongoDB at ${where}: ${problem}`);
}
