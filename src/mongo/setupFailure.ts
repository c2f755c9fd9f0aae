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
    case 'unreachable':
      return new MongoSetupError(
        `cannot reach MongoDB at ${where} within ${timeoutMs} ms (${detail}). Check that mongod is running and the connection string is right; ` +
          'the wait is set by serverSelectionTimeoutMS.',
      );
    case 'no-replica-set':
      return new MongoSetupError(`MongoDB at ${where}: ${topologyProblem({})}`);
    default:
      return new MongoSetupError(`MongoDB at ${where} could not set up the event store: ${detail}`);
  }
}
