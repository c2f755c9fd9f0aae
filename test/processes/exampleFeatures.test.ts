import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');

/** The example process features through cucumber, with processes and read models run as asked. */
function run(worldParameters: Record<string, unknown>) {
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), '--config', 'test/gherkin/fixtures/cucumber.js', 'features/processes', '--format', 'summary', '--world-parameters', JSON.stringify(worldParameters)],
    { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
  );
  const output = result.stdout + result.stderr;
  const scenarios = /(\d+) scenarios? \((\d+) passed\)/.exec(output);
  return { status: result.status, output, total: Number(scenarios?.[1] ?? 0), passed: Number(scenarios?.[2] ?? 0) };
}

describe('the example process features', () => {
  // `npm test` runs them in the background mode with the other features; here they run inline too.
  for (const [mode, parameters] of [['inline', { inline: true }], ['in the background', {}]] as const) {
    it(`pass ${mode}, all of at least 20 scenarios`, () => {
      const outcome = run(parameters);
      assert.equal(outcome.status, 0, outcome.output);
      assert.ok(outcome.total >= 20, `only ${outcome.total} process scenarios:\n${outcome.output}`);
      assert.equal(outcome.passed, outcome.total, outcome.output);
    });
  }
});
