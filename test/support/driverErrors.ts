import { MongoBulkWriteError, type BulkWriteResult as Result, type WriteError as WriteErrorOf } from 'mongodb';

// Not exported by the driver's index (nor typed there): the driver builds bulk errors from these, so the tests do too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { BulkWriteResult, WriteError } = require('mongodb/lib/bulk/common') as {
  BulkWriteResult: new (bulkResult: unknown, isOrdered: boolean) => Result;
  WriteError: new (err: { index: number; code: number; errmsg: string }) => WriteErrorOf;
};

/**
 * The error an ordered `bulkWrite` throws when the server refuses one of its writes, built the way
 * the driver builds it (bulk/common.js handleWriteError): a top-level code copied from the first
 * write error, the write errors as `WriteError`s, and the partial result.
 */
export function bulkWriteError(...codes: number[]): MongoBulkWriteError {
  const writeErrors = codes.map((code, index) => new WriteError({ index, code, errmsg: `E${code} refused by the server` }));
  const bulkResult = { ok: 1, writeErrors, writeConcernErrors: [], insertedIds: [], nInserted: 0, nUpserted: 0, nMatched: 0, nModified: 0, nRemoved: 0, upserted: [] };
  return new MongoBulkWriteError(
    { message: writeErrors[0]?.errmsg ?? 'write operation failed', code: writeErrors[0]?.code, writeErrors } as never,
    new BulkWriteResult(bulkResult, true),
  );
}
