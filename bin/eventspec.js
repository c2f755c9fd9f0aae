#!/usr/bin/env node
'use strict';
// Launches the command line. In a source checkout (src/ next to this file) it runs the TypeScript
// sources through ts-node in transpile-only mode, so it can never run a stale build; an installed
// package ships only the compiled dist/ (see "files" in package.json) and runs that.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
let cli;
if (existsSync(join(root, 'src', 'cli', 'index.ts'))) {
  require('ts-node').register({ transpileOnly: true, project: join(root, 'tsconfig.json') });
  cli = require('../src/cli');
} else {
  cli = require('../dist/cli');
}
cli.main(process.argv.slice(2));
