#!/usr/bin/env node
// Runs every test/**/*.test.ts with node's own test runner. TypeScript is stripped by the swc hook
// (scripts/swc-register.js): ts-node loaded the TypeScript compiler in every test file's process,
// seconds each under load. Types are checked by `tsc --noEmit`; stack traces map to .ts lines.
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
const result = spawnSync(process.execPath, ['--require', join(__dirname, 'test-timeout.js'), '--require', join(__dirname, 'swc-register.js'), '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  // Tests that start ts-node themselves (the CLI on a user's project) still want it transpile-only.
  env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
});
console.log(`\nunit tests: ${files.length} files (${relative(root, join(root, 'test'))}/)`);
process.exit(result.status ?? 1);
