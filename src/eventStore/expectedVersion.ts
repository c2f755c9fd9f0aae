import { EventspecError } from '../core/errors';

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

/**
 * Refuses what is not an expected version, naming the stream: a negative number (the sentinels are
 * the words below, not -1 or -2), NaN, a fraction, or an unknown word.
 */
export function checkExpectedVersion(streamId: string, expected: unknown): asserts expected is ExpectedVersion {
  if (typeof expected === 'number' ? Number.isInteger(expected) && expected >= 0 : SENTINELS.includes(expected as string)) return;
  const got = typeof expected === 'string' ? JSON.stringify(expected) : String(expected);
  throw new EventspecError(
    `stream "${streamId}": expected version ${got} is not a version; pass a whole number ≥ 0 (the version the stream is at, 0 = empty), ` +
      `or "no_stream", "stream_exists" or "any"`,
  );
}

const SENTINELS: readonly string[] = ['any', 'no_stream', 'stream_exists'];
