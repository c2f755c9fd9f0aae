import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { missingPaths, outputPathProblem } from '../../src/cli/pathProblems';

const dir = mkdtempSync(join(tmpdir(), 'eventspec-paths-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'features'));
writeFileSync(join(dir, 'features', 'order.feature'), 'Feature: x\n');
writeFileSync(join(dir, 'notes'), 'a file\n');

describe('paths a command is given', () => {
  it('finds the feature paths that name nothing, reading line numbers, globs and rerun files as cucumber does', () => {
    assert.deepEqual(missingPaths(['features', 'features/order.feature:3:7', 'features/*.feature', '@rerun.txt'], dir), []);
    assert.deepEqual(missingPaths(['features/nope.feature', 'features/*.fature', 'feature/', 'features/order.feature'], dir), ['features/nope.feature', 'features/*.fature', 'feature/']);
  });

  it('says, relative to where the command runs, which part of an output path is the wrong kind', () => {
    assert.equal(outputPathProblem('--out', 'site', dir, 'folder'), undefined, 'a folder yet to be made');
    assert.equal(outputPathProblem('--out', 'features', dir, 'folder'), undefined);
    assert.equal(outputPathProblem('--out', 'notes', dir, 'folder'), '--out notes is a file, not a folder; give a folder to write into (it is made when missing)');
    assert.equal(outputPathProblem('--out', 'notes/site/deep', dir, 'folder'), '--out notes/site/deep: notes is a file, so no folder can be made inside it; give a path whose folders are folders');
    assert.equal(outputPathProblem('--out', './features/', dir, 'file', 'catalog.json'), '--out ./features/: features is a folder, not a file; give a file path such as ./features/catalog.json');
    assert.equal(outputPathProblem('--out', 'reports/catalog.json', dir, 'file'), undefined);
  });
});
