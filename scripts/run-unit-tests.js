#!/usr/bin/env node
// Runs every test/**/*.test.ts with node's own test runner, compiled on the fly by ts-node.
// Every test has a time bound (scripts/test-timeout.js), so a hang fails with the test's name.
const { readdirSync } = require('node:fs');
const { join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'test'), { recursive: true })
  .map((f) => join('test', f))
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (files.length === 0) {
  console.error(`no test files match ${only.join(' ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--require', join(__dirname, 'test-timeout.js'), '--require', 'ts-node/register', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
});
console.log(`\nunit tests: ${files.length} files (${relative(root, join(root, 'test'))}/)`);
process.exit(result.status ?? 1);
