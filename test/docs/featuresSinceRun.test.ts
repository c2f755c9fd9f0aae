import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readRunResults } from '../../src/docs/readRunResults';

// The shop fixture's stream was written long before this copy: every file is newer than the run.
const FIXTURE = join(__dirname, 'fixtures', 'shop');
const work = mkdtempSync(join(tmpdir(), 'eventspec-since-run-'));
after(() => rmSync(work, { recursive: true, force: true }));

let copies = 0;
const copy = () => {
  const dir = join(work, String(++copies));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
};
const notes = async (dir: string) => (await readRunResults('run.ndjson', { cwd: dir })).run.problems.filter((p) => /last run/.test(p));

describe('feature files that moved on since the run', () => {
  it('says nothing of files touched since the run whose text is the same', async () => {
    assert.deepEqual(await notes(copy()), []);
  });

  it('names a file edited since the run, and one that is gone', async () => {
    const dir = copy();
    const cart = join(dir, 'features', 'cart.feature');
    writeFileSync(cart, readFileSync(cart, 'utf8').replace('Scenario: An empty cart cannot be checked out', 'Scenario: An empty cart is refused at checkout'));
    rmSync(join(dir, 'features', 'odd.feature'));
    assert.deepEqual(await notes(dir), [
      'features/cart.feature was edited after the last run started; the site shows it as it ran — run the features again to document the new text',
      'features/odd.feature is no longer on disk; the site shows it as the last run ran it — run the features again to drop it',
    ]);
  });

  it('counts a file that is no longer valid Gherkin as edited', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'features', 'odd.feature'), 'Scenario without a feature\n  Given nothing\n');
    assert.deepEqual(await notes(dir), ['features/odd.feature was edited after the last run started; the site shows it as it ran — run the features again to document the new text']);
  });

  it('says nothing when none of the run\'s files is on disk: the site is built away from the sources', async () => {
    const dir = copy();
    rmSync(join(dir, 'features'), { recursive: true });
    assert.deepEqual(await notes(dir), []);
  });
});
