import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const fixture = 'test/gherkin/fixtures/failingProjection';

describe('a projection handler with a bug, read through a step', () => {
  it('is told at the step with the handler\'s own file and line, without a class name in front', () => {
    const run = spawnSync(process.execPath, [join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), '--config', `${fixture}/cucumber.js`, `${fixture}/shelf.feature`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', EVENTSPEC_DEBUG: '' },
    });
    const output = run.stdout + run.stderr;
    assert.equal(run.status, 1, output);
    assert.match(output, new RegExp(`\\n\\s+${fixture}/shelf\\.feature:6: projection Titles failed on Added at position 1 \\(stream "Shelf-s-1" version 1\\): Cannot read properties of undefined \\(reading 'name'\\)`));
    assert.match(output, /\n\s+at Added \(.*failingProjection\/domain\.ts:19:\d+\)/);
    assert.doesNotMatch(output, /ProjectionFailed/);
  });
});
