import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { declare } from './fixtures/declares';

/** The 1-based line of `marker` in this file, as written in TypeScript. */
function lineOf(marker: string): number {
  return readFileSync(__filename, 'utf8').split('\n').findIndex((text) => text.includes(marker) && !text.includes('lineOf')) + 1;
}

describe('where a declaration is written (callerSite)', () => {
  it('is the TypeScript line and column of the call, in the file that called the define function', () => {
    const site = declare(); // the call
    assert.deepEqual({ file: site?.file, line: site?.line }, { file: __filename, line: lineOf('// the call') });
    // Where on the line the source map puts the call: within it.
    assert.ok(site!.column > 0 && site!.column < '    const site = declare();'.length, `column ${site!.column}`);
  });

  it('is the same through a nested call on a later line', () => {
    const sites = [1, 2].map(() =>
      declare(), // the nested call
    );
    assert.deepEqual({ file: sites[1]?.file, line: sites[1]?.line }, { file: __filename, line: lineOf('// the nested call') });
  });
});
