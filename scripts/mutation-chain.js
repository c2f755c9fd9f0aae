#!/usr/bin/env node
// Stryker's `command` runner for one mutated file: runs its test files one `node --test` each, most
// specific first, and stops at the first failure (a killed mutant needs no further test).
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = process.cwd(); // Stryker runs this inside its sandbox
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('mutation-chain: give the test files to run, e.g. test/commandHandling/stateCache.test.ts');
  process.exit(2);
}
for (const file of files) {
  const ran = spawnSync(
    process.execPath,
    ['--require', join(root, 'scripts', 'test-timeout.js'), '--require', join(root, 'scripts', 'swc-register.js'), '--test', '--test-reporter=dot', file],
    { cwd: root, stdio: 'inherit', env: { ...process.env, EVENTSPEC_TEST_TIMEOUT_MS: process.env.EVENTSPEC_TEST_TIMEOUT_MS ?? '30000' } },
  );
  if (ran.status !== 0) {
    console.error(`mutation-chain: ${file} failed`);
    process.exit(1);
  }
}
