/** How the adapter must react to a driver error; read from the error's shape, never its text alone. */
export type MongoErrorKind =
  /** A unique index refused the write: another writer got there first (chunk creation, snapshot insert). */
  | 'duplicate-key'
  /** The server is not a replica set member or mongos, so there are no transactions. */
  | 'no-replica-set'
  /** No server could be reached in time. */
  | 'unreachable'
  | 'other';

const DUPLICATE_KEY = 11000;
const ILLEGAL_OPERATION = 20;
const UNREACHABLE = new Set(['MongoServerSelectionError', 'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoTopologyClosedError']);

export function mongoErrorKind(error: unknown): MongoErrorKind {
  if (error === null || typeof error !== 'object') return 'other';
  const { code, name, message, writeErrors } = error as { code?: unknown; name?: unknown; message?: unknown; writeErrors?: unknown };
  if (code === DUPLICATE_KEY) return 'duplicate-key';
  if (Array.isArray(writeErrors) && writeErrors.length > 0 && writeErrors.every((e: unknown) => (e as { code?: unknown } | null)?.code === DUPLICATE_KEY)) {
    return 'duplicate-key';
  }
  if (typeof message === 'string') {
    if (code === ILLEGAL_OPERATION && /only allowed on a replica set member or mongos/i.test(message)) return 'no-replica-set';
    if (name === 'MongoCompatibilityError' && /transactions are not supported/i.test(message)) return 'no-replica-set';
  }
  if (typeof name === 'string' && UNREACHABLE.has(name)) return 'unreachable';
  return 'other';
}

/** MongoDB 6.0 speaks wire version 17. */
export const MIN_WIRE_VERSION = 17;

/**
 * Why the connected deployment cannot run the store, from its `hello` answer: global positions need
 * multi-document transactions, which only replica sets and sharded clusters have.
 */
export function topologyProblem(hello: unknown): string | undefined {
  const answer = (hello ?? {}) as { setName?: unknown; msg?: unknown; maxWireVersion?: unknown; isreplicaset?: unknown; isWritablePrimary?: unknown };
  if (typeof answer.maxWireVersion === 'number' && answer.maxWireVersion < MIN_WIRE_VERSION) {
    return `the server speaks wire version ${answer.maxWireVersion}; the MongoDB event store needs MongoDB 6.0 or newer`;
  }
  // Reached directly (directConnection=true), a secondary answers too, and every write would then fail.
  if (typeof answer.setName === 'string' && answer.isWritablePrimary === false) {
    return (
      `the server is a member of replica set "${answer.setName}" but not its primary (a direct connection to a secondary?): ` +
      `connect to the set instead (replicaSet=${answer.setName}, without directConnection=true), so the driver finds the primary`
    );
  }
  if (answer.msg === 'isdbgrid' || typeof answer.setName === 'string') return undefined;
  // Started with --replSet but never initiated (reached directly): not a standalone, and the fix differs.
  if (answer.isreplicaset === true) {
    return 'the server was started as a replica set member, but its replica set was never initiated: run rs.initiate() once in mongosh (then rs.status() shows a PRIMARY)';
  }
  return (
    'the server is a standalone mongod, but the MongoDB event store needs a replica set (a single node is enough): ' +
    'it assigns global positions in a transaction. Start mongod with --replSet rs0 and run rs.initiate() once, ' +
    'or use mongodb-memory-server\'s MongoMemoryReplSet'
  );
}
