/**
 * What a failed append transaction means for the events, read from the driver error's labels and
 * class (never its text):
 * - `unknown`: the commit may have happened (the driver says so, or the connection or the primary
 *   was lost, which can happen after the commit was sent);
 * - `gave-up`: the driver retried a transient transaction error (a write conflict) until its
 *   120 s limit; the transaction was aborted, nothing was written;
 * - `other`: passed on as it is.
 */
export type AppendFailure = 'unknown' | 'gave-up' | 'other';

const OUTCOME_UNKNOWN = new Set(['MongoServerSelectionError', 'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoWriteConcernError', 'MongoTopologyClosedError']);

export function appendFailure(error: unknown): AppendFailure {
  if (error === null || typeof error !== 'object') return 'other';
  const labels = (error as { errorLabels?: unknown }).errorLabels;
  const has = (label: string) => Array.isArray(labels) && labels.includes(label);
  if (has('UnknownTransactionCommitResult')) return 'unknown';
  const name = (error as { name?: unknown }).name;
  if (typeof name === 'string' && OUTCOME_UNKNOWN.has(name)) return 'unknown';
  if (has('TransientTransactionError')) return 'gave-up';
  return 'other';
}
