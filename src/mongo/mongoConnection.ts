import { type Db, MongoClient, ReadConcern, type WriteConcern, type WriteConcernSettings } from 'mongodb';
import { clientOptionsFor, STARTUP_CHECK_MS, storeWriteConcern } from './clientOptions';
import { MongoSetupError } from './mongoSetupError';
import { topologyProblem } from './mongoErrorKind';
import { redactSecrets, redactUri } from './redactUri';
import { noPrimaryProblem, setupFailure } from './setupFailure';
import { checkDatabaseName } from './storeOptions';
import { messageOf } from './messageOf';

/** Where a MongoDB store lives: a connection string (the store owns the client) or a client you own. */
export interface MongoTarget {
  /** With `client` as well, it only names the server in messages (redacted). */
  uri?: string;
  client?: MongoClient;
  /** Defaults to `eventspec`. */
  database?: string;
  /**
   * How long the start-up check waits for a primary (default 5000 ms). Given, it is also the
   * driver's server-selection timeout of a client made from `uri`; otherwise the driver's default
   * (30 s) stays, so operations wait out an election instead of failing.
   */
  serverSelectionTimeoutMS?: number;
  /**
   * Defaults to `{ w: 'majority', journal: true, wtimeoutMS: 10000 }` (a wtimeout is added when
   * missing). Anything weaker than majority is refused: it may lose acknowledged events in a
   * failover, and the stores read at majority, so they would not see their own writes.
   */
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

// One topology check per client, shared by every store on it.
const checkedClients = new WeakMap<MongoClient, Promise<void>>();

export function mongoConnection(target: MongoTarget, setup: (db: Db) => Promise<void>): MongoConnection {
  const timeoutMs = target.serverSelectionTimeoutMS ?? STARTUP_CHECK_MS;
  const uri = target.uri;
  if (!target.client && typeof uri !== 'string') throw new MongoSetupError('a MongoDB store needs a connection string (uri) or a MongoClient (client)');
  // A client given with its connection string is named by the string (redacted), as one made from it.
  const where = typeof uri === 'string' ? redactUri(uri) : 'the MongoClient passed in';
  let client: MongoClient;
  try {
    client = target.client ?? new MongoClient(uri!, clientOptionsFor(uri!, target.serverSelectionTimeoutMS));
  } catch (error) {
    throw new MongoSetupError(`the MongoDB connection string ${where} is not valid: ${redactSecrets(messageOf(error), uri)}`);
  }
  const owned = !target.client;
  const writeConcern = storeWriteConcern(target.writeConcern);
  // What each server last said it is, for a start-up check that times out: no primary is not "unreachable".
  const serverTypes = new Map<string, string>();
  client.on('serverDescriptionChanged', (event) => void serverTypes.set(event.address, event.newDescription.type));
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
        checked = checkTopology(client, where, timeoutMs, serverTypes);
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

async function checkTopology(client: MongoClient, where: string, timeoutMs: number, serverTypes: ReadonlyMap<string, string>): Promise<void> {
  // Bounded here, not through the client's server-selection timeout, which must stay long enough
  // for an election once the store runs.
  const hello = client.db('admin').command({ hello: 1 });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed out'>((resolve) => (timer = setTimeout(resolve, timeoutMs, 'timed out')));
  try {
    const answer = await Promise.race([hello, timedOut]);
    if (answer === 'timed out') {
      hello.catch(() => undefined);
      const noPrimary = noPrimaryProblem([...serverTypes.values()]);
      throw new MongoSetupError(
        noPrimary
          ? `MongoDB at ${where} ${noPrimary}`
          : `cannot reach MongoDB at ${where} within ${timeoutMs} ms. Check that mongod is running and the connection string is right; ` +
              'the wait is set by serverSelectionTimeoutMS.',
      );
    }
    const problem = topologyProblem(answer);
    if (problem) throw new MongoSetupError(`MongoDB at ${where}: ${problem}`);
  } finally {
    clearTimeout(timer);
  }
}
