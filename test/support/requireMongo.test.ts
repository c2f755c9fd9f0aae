import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { mongoRequired, skipMongo } from './requireMongo';

function recorder() {
  const skipped: string[] = [];
  return { skipped, t: { skip: (reason: string) => void skipped.push(reason) } };
}

describe('EVENTSPEC_REQUIRE_MONGODB turns MongoDB skips into failures', () => {
  it('skips with the reason when the switch is unset, empty or 0', () => {
    for (const env of [{}, { EVENTSPEC_REQUIRE_MONGODB: '' }, { EVENTSPEC_REQUIRE_MONGODB: '0' }]) {
      const { skipped, t } = recorder();
      skipMongo(t, 'no MongoDB here', env);
      assert.deepEqual(skipped, ['no MongoDB here'], JSON.stringify(env));
      assert.equal(mongoRequired(env), false);
    }
  });

  it('fails with the reason, and does not skip, when the switch is 1', () => {
    const { skipped, t } = recorder();
    assert.throws(
      () => skipMongo(t, 'no MongoDB here', { EVENTSPEC_REQUIRE_MONGODB: '1' }),
      { message: 'EVENTSPEC_REQUIRE_MONGODB=1, so this MongoDB test fails instead of skipping: no MongoDB here' },
    );
    assert.deepEqual(skipped, []);
  });

  it('refuses any other value, saying what to set', () => {
    assert.throws(() => mongoRequired({ EVENTSPEC_REQUIRE_MONGODB: 'yes' }), {
      message: 'EVENTSPEC_REQUIRE_MONGODB is "yes": set it to 1 to make skipped MongoDB tests fail, or leave it unset (or 0) to let them skip',
    });
  });

  it('makes a MongoDB test file fail when there is no server, instead of passing with skips', () => {
    const root = join(__dirname, '..', '..');
    // No URI and a mongod path that does not exist: the file's suite can only skip, or fail under the switch.
    const { NODE_TEST_CONTEXT: _parent, MONGODB_URI: _uri, ...outer } = process.env;
    const run = (required: string) =>
      spawnSync(process.execPath, [join(root, 'scripts', 'run-unit-tests.js'), 'test/mongo/mongoScenarioStores.test.ts'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...outer, MONGOMS_SYSTEM_BINARY: '/no/such/mongod', EVENTSPEC_REQUIRE_MONGODB: required },
      });
    const skipped = run('0');
    assert.equal(skipped.status, 0, skipped.stdout + skipped.stderr);
    assert.match(skipped.stdout, /ℹ skipped 1\b/);
    const required = run('1');
    assert.equal(required.status, 1, required.stdout + required.stderr);
    assert.match(required.stdout, /EVENTSPEC_REQUIRE_MONGODB=1, so this MongoDB test fails instead of skipping: MONGOMS_SYSTEM_BINARY is \/no\/such\/mongod/);
    assert.match(required.stdout, /ℹ skipped 0\b/);
  });
});
