import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const preload = join(root, 'scripts', 'test-timeout.js');
const fixture = join(__dirname, 'fixtures', 'hangingTests.js');

function runFixture(env: Record<string, string>) {
  // A child `node --test` inside a test would otherwise take itself for part of this run and run nothing.
  const { NODE_TEST_CONTEXT: _parent, ...outer } = process.env;
  const ran = spawnSync(process.execPath, ['--require', preload, '--test', '--test-reporter=spec', fixture], {
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...outer, ...env },
  });
  return { code: ran.status, output: `${ran.stdout}\n${ran.stderr}` };
}

describe('the unit-test runner bounds every test (scripts/test-timeout.js)', () => {
  it('fails a hanging test by its name after the default bound, and the run goes on', () => {
    const ran = runFixture({ EVENTSPEC_TEST_TIMEOUT_MS: '1500', SLOW_MS: '2500' });
    assert.notEqual(ran.code, 0, ran.output);
    assert.match(ran.output, /✖ waits for something that never comes \(\d+(\.\d+)?ms\)\s+'test timed out after 1500ms'/, ran.output);
    assert.match(ran.output, /✔ runs after the hang/, ran.output);
    assert.match(ran.output, /ℹ pass 3\s+ℹ fail 0\s+ℹ cancelled 1\b/, ran.output);
  });

  it('lets a suite that states its own timeout take longer than the default', () => {
    const ran = runFixture({ EVENTSPEC_TEST_TIMEOUT_MS: '1500', SLOW_MS: '2500' });
    assert.match(ran.output, /✔ takes longer than the default bound and still passes/, ran.output);
  });

  it('refuses a bound that is not a whole number of milliseconds, saying which variable and how to fix it', () => {
    const ran = runFixture({ EVENTSPEC_TEST_TIMEOUT_MS: '2 minutes', SLOW_MS: '0' });
    assert.notEqual(ran.code, 0, ran.output);
    assert.match(ran.output, /EVENTSPEC_TEST_TIMEOUT_MS is "2 minutes": give a whole number of milliseconds above 0, e\.g\. EVENTSPEC_TEST_TIMEOUT_MS=120000/);
  });
});
