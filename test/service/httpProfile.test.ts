import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');

function cucumber(args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    timeout: 180_000,
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('the http cucumber profile', () => {
  it('runs example features through the service: commands, state and read models', () => {
    const run = cucumber(['-p', 'http', 'features/ordering/placing_orders.feature', 'features/read-side/order-summary.feature']);
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /\d+ scenarios \(\d+ passed\)/);
  });

  it('fails each scenario in one line when the transport named is not registered', () => {
    const run = cucumber(['features/ordering/placing_orders.feature', '--world-parameters', '{"transport":"pigeon"}', '--format', 'summary']);
    assert.equal(run.status, 1);
    assert.match(run.output, /EventspecError: the world parameter transport "pigeon" has no transport registered; registered: none\n(?!\s+at )/);
  });
});
