import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');

/** The packages a process has loaded after running `code` (compiled on the fly, as cucumber's runs do). */
function loadedAfter(code: string): string[] {
  const probe = `${code}; console.log(JSON.stringify(Object.keys(require.cache)))`;
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register', '-e', probe], { cwd: root, encoding: 'utf8', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as string[];
}

const heavy = /node_modules[\\/](fastify|prom-client|@opentelemetry)[\\/]/;

describe('the eventspec/service entry point', () => {
  it('is not loaded by the root entry point, which every cucumber run loads', () => {
    const loaded = loadedAfter("require('./src')");
    assert.deepEqual(loaded.filter((file) => heavy.test(file)), []);
  });

  it('loads Fastify, prom-client and the OpenTelemetry API itself', () => {
    const loaded = loadedAfter("require('./src/service')");
    for (const name of ['fastify', 'prom-client', '@opentelemetry']) assert.ok(loaded.some((file) => file.includes(`node_modules/${name}/`)), `${name} is loaded`);
  });

  it('is a subpath of the package, built into dist/service', () => {
    const pkg = require(join(root, 'package.json')) as { exports: Record<string, { default: string }> };
    assert.equal(pkg.exports['./service']?.default, './dist/service/index.js');
  });
});
