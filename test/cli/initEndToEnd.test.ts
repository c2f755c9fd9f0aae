import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot, spawnBin } from './cliHarness';

/**
 * The promise of `eventspec init`: pack this package as it would be published, scaffold a project
 * against the tarball, install it from the registry, and its `npm test` passes. Slow (a minute or
 * more: pack, install, compile); on by default, off with EVENTSPEC_SKIP_INIT_E2E=1.
 */
const skipReason = (() => {
  if (process.env.EVENTSPEC_SKIP_INIT_E2E) return 'EVENTSPEC_SKIP_INIT_E2E is set';
  const kit = require('../../src') as Record<string, unknown>;
  if (typeof kit.installSteps !== 'function') {
    return "src/index.ts does not export installSteps yet (the kit's step registration, being written in src/gherkin); it runs once that is merged";
  }
  return undefined;
})();
if (skipReason) console.log(`\n*** SKIPPED eventspec init end-to-end test: ${skipReason} ***\n`);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sh(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 600_000, env: { ...process.env, NO_COLOR: '1' } });
  const output = `$ ${command} ${args.join(' ')} (in ${cwd})\n${result.stdout}\n${result.stderr}${result.error ? `\n${result.error.message}` : ''}`;
  return { code: result.status, output, stdout: result.stdout };
}

describe('eventspec init, end to end', () => {
  it('scaffolds a project whose npm test passes after npm install of the packed package', { skip: skipReason ?? false, timeout: 900_000 }, () => {
    const temp = mkdtempSync(join(tmpdir(), 'eventspec-e2e-'));
    try {
      const pack = sh(npm, ['pack', '--pack-destination', temp], repoRoot);
      assert.equal(pack.code, 0, pack.output);
      const tarball = readdirSync(temp).find((f) => f.endsWith('.tgz'));
      assert.ok(tarball, `npm pack wrote no tarball\n${pack.output}`);

      const init = spawnBin(['init', 'shop', '--aggregate', 'Order', '--eventspec', join(temp, tarball)], temp);
      assert.equal(init.code, 0, init.stderr);
      const project = join(temp, 'shop');

      const install = sh(npm, ['install', '--no-audit', '--no-fund'], project);
      assert.equal(install.code, 0, install.output);
      const test = sh(npm, ['test'], project);
      assert.equal(test.code, 0, test.output);
      assert.match(test.stdout, /3 scenarios \(3 passed\)/, test.output);

      // The installed bin (from dist/) finds the project's domain too.
      const catalog = sh(process.execPath, [join(project, 'node_modules', 'eventspec', 'bin', 'eventspec.js'), 'catalog'], project);
      assert.equal(catalog.code, 0, catalog.output);
      assert.deepEqual(Object.keys(JSON.parse(catalog.stdout).$defs).sort(), ['CloseOrder.v1', 'Command', 'Event', 'OpenOrder.v1', 'OrderClosed.v1', 'OrderOpened.v1']);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
