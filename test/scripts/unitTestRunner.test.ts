import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { throwHere } from './fixtures/throwsAtLine';

describe('the unit-test runner (scripts/run-unit-tests.js)', () => {
  it('loads TypeScript files without loading the TypeScript compiler in each test process', () => {
    // ts-node loaded `typescript` in every test file's process: seconds of each file's start under load.
    const compiler = Object.keys(require.cache).filter((file) => /[\\/]node_modules[\\/](typescript|ts-node)[\\/]/.test(file));
    assert.deepEqual(compiler, []);
  });

  it('keeps stack traces on the TypeScript lines', () => {
    assert.throws(
      () => throwHere(undefined),
      (error: Error) => {
        const frame = error.stack?.split('\n').find((line) => line.includes('throwsAtLine'));
        assert.match(frame ?? '', /throwsAtLine\.ts:10:\d+\)?$/, error.stack);
        return true;
      },
    );
  });
});
