// A require hook compiling .ts with @swc/core, for mutation runs only: ts-node loads `typescript`
// in every test process (seconds each), which would make each mutant cost many times more.
// Compiled output is cached by content, since a mutation run loads the same sources again and again.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const cache = join(tmpdir(), 'eventspec-swc-cache');
mkdirSync(cache, { recursive: true });
const options = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
const version = require('@swc/core/package.json').version;

function compile(source, filename) {
  const key = createHash('sha1').update(version).update(filename).update(source).digest('hex');
  const cached = join(cache, `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    const { code } = transformSync(source, { ...options, filename });
    // Written aside then renamed, so a process running beside this one never reads half an entry.
    const aside = `${cached}.${process.pid}`;
    writeFileSync(aside, code);
    renameSync(aside, cached);
    return code;
  }
}

require.extensions['.ts'] = function (module, filename) {
  module._compile(compile(readFileSync(filename, 'utf8'), filename), filename);
};
