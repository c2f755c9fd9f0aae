/**
 * What a writer believes about the stream before appending: an exact version (0 = empty),
 * `no_stream`, `stream_exists`, or `any` (no check).
 */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

export function describeExpected(expected: ExpectedVersion): string {
  return typeof expected === 'number' ? `version ${expected}` : expected;
}

export function satisfies(expected: ExpectedVersion, currentVersion: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return currentVersion === 0;
    case 'stream_exists':
      return currentVersion > 0;
    default:
      return currentVersion === expected;
  }
}

export function checkExpectedVersion(expected: ExpectedVersion): void {
  if (typeof expected === 'number') {
    if (!Number.isInteger(expected) || expected < 0) {
      throw new RangeError(`expected version ${expected} is not a whole number ≥ 0`);
    }
  } else if (!['any', 'no_stream', 'stream_exists'].includes(expected)) {
    throw new RangeError(`expected version "${String(expected)}" is not a number, no_stream, stream_exists or any`);
  }
}
