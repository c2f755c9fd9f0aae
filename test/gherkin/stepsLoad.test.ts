import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');

describe("what the kit's steps load (start-up, docs/performance.md)", () => {
  it('runs the example features without the TypeScript compiler, the HTTP service or the MongoDB driver', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventspec-steps-load-'));
    try {
      const file = join(dir, 'loaded.json');
      // The project's own configuration, as `npx cucumber-js --dry-run` runs it, plus a file noting what was loaded.
      const run = spawnSync(
        process.execPath,
        [join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), '--dry-run', '--format', 'summary', '--require', 'step-definitions/**/*.ts', '--require', 'test/gherkin/fixtures/loadedPackages.js'],
        { cwd: root, encoding: 'utf8', env: { ...process.env, LOADED_PACKAGES_FILE: file } },
      );
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const loaded = JSON.parse(readFileSync(file, 'utf8')) as string[];
      assert.deepEqual(loaded.filter((p) => ['typescript', 'ts-node', 'fastify', 'mongodb', 'mongodb-memory-server', 'prom-client', '@opentelemetry/api'].includes(p)), []);
      assert.ok(loaded.includes('@cucumber/cucumber') && loaded.includes('zod'), `the run loaded the steps: ${loaded.join(', ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
