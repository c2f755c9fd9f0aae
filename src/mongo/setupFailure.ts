import { mongoErrorKind, topologyProblem } from './mongoErrorKind';
import { MongoSetupError } from './mongoSetupError';
import { redactSecrets } from './redactUri';

/**
 * The error to show when the store cannot start: what failed, where (the redacted address), and
 * what to do. Driver messages are passed through `redactSecrets` so no credential leaks through them.
 */
export function setupFailure(error: unknown, where: string, uri: string | undefined, timeoutMs: number): MongoSetupError {
  if (error instanceof MongoSetupError) return error;
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const detail = redactSecrets(raw, uri);
  switch (mongoErrorKind(error)) {
    case 'unreachable': {
      const noPrimary = noPrimaryProblem(serverTypesOf(error));
      if (noPrimary) return new MongoSetupError(`MongoDB at ${where} ${noPrimary} (${detail})`);
      return new MongoSetupError(
        `cannot reach MongoDB at ${where} within ${timeoutMs} ms (${detail}). Check that mongod is running and the connection string is right; ` +
          'the wait is set by serverSelectionTimeoutMS.',
      );
    }
    case 'no-replica-set':
      return new MongoSetupError(`MongoDB at ${where}: ${topologyProblem({})}`);
    default:
      return new MongoSetupError(`MongoDB at ${where} could not set up the event store: ${detail}`);
  }
}

/**
 * Why no primary was found although servers answered, from the types the driver gave them
 * (`RSGhost`: started with --replSet, never initiated; `RSSecondary`/`RSArbiter`/`RSOther`: a set
 * without a primary, as during an election). Undefined when no server answered at all.
 */
export function noPrimaryProblem(serverTypes: readonly string[]): string | undefined {
  if (serverTypes.includes('RSPrimary')) return undefined;
  if (serverTypes.includes('RSGhost')) {
    return 'is reachable, but its replica set was never initiated: run rs.initiate() once in mongosh (then rs.status() shows a PRIMARY)';
  }
  if (serverTypes.some((type) => type === 'RSSecondary' || type === 'RSArbiter' || type === 'RSOther')) {
    return (
      'is reachable, but the replica set has no primary right now: an election is under way, or too few members are up ' +
      'to elect one. Wait and try again, and check rs.status()'
    );
  }
  return undefined;
}

/** The server types in a server-selection error's topology description, if it carries one. */
export function serverTypesOf(error: unknown): string[] {
  const servers = (error as { reason?: { servers?: unknown } } | null)?.reason?.servers;
  if (!(servers instanceof Map)) return [];
  return [...servers.values()].map((server: unknown) => String((server as { type?: unknown } | null)?.type));
}

/**
 * A unique index that could not be built because documents already break it: two chunk documents
 * for one {stream, chunk} (possible only if the index was missing while writers ran). Said with
 * how to find them; undefined for any other error.
 */
export function indexBuildFailure(error: unknown, collection: string): MongoSetupError | undefined {
  if (mongoErrorKind(error) !== 'duplicate-key') return undefined;
  const detail = error instanceof Error ? error.message : String(error);
  return new MongoSetupError(
    `the unique index stream_chunk on ${collection} cannot be built: two chunk documents hold the same stream and chunk number (${detail}). ` +
      'This happens only when the index was missing while writers ran. Nothing was changed. Find them with ' +
      `db.${collection}.aggregate([{$group: {_id: {stream: "$stream", chunk: "$chunk"}, n: {$sum: 1}, ids: {$push: "$_id"}}}, {$match: {n: {$gt: 1}}}]), ` +
      'keep the copy whose events the next chunk continues (compare nextVersion with the next chunk\'s firstVersion), back up and delete the other, then start again.',
  );
}
