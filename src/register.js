// `requireModule: ['eventspec/register']` (and this checkout's scripts/swc-register.js): loads
// TypeScript by stripping its types with @swc/core, without loading the TypeScript compiler.
// ts-node loads `typescript` (about half a second of CPU) in every process, even transpile-only and
// even with its own swc option; cucumber pays that once per run and once per parallel worker.
// Types are checked by `tsc --noEmit`, as before. Without @swc/core installed, ts-node does the
// work (slower, same result). Plain JavaScript on purpose: it must load before any TypeScript can.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const REGISTERED = Symbol.for('eventspec.register');

/** Where @swc/core is and its version, without loading it: with a warm cache its native binary is never needed. */
function findSwc(paths) {
  try {
    const main = require.resolve('@swc/core', { paths });
    const { version } = JSON.parse(readFileSync(require.resolve('@swc/core/package.json', { paths }), 'utf8'));
    return { main, version };
  } catch {
    return undefined;
  }
}

function register() {
  if (process[REGISTERED] || require.extensions['.ts']) return;
  process[REGISTERED] = true;
  const swc = findSwc([process.cwd(), __dirname]);
  if (!swc) {
    require('ts-node').register({ transpileOnly: true });
    return;
  }
  // Stack traces and cucumber's step locations point at .ts lines through the inline source maps.
  process.setSourceMapsEnabled(true);
  const options = {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
    // Positions are enough for stack traces; the sources would only make each map bigger to decode.
    inlineSourcesContent: false,
  };
  // Output is cached by content: the next run (and every parallel worker) only reads it back.
  const cache = join(tmpdir(), 'eventspec-swc-cache');
  mkdirSync(cache, { recursive: true });
  const salt = `${swc.version}\n${JSON.stringify(options)}\n`;
  const compile = (source, filename) => {
    const key = createHash('sha1').update(salt).update(filename).update(source).digest('hex');
    const cached = join(cache, `${key}.js`);
    try {
      return readFileSync(cached, 'utf8');
    } catch {
      let code;
      try {
        ({ code } = require(swc.main).transformSync(source, { ...options, filename }));
      } catch (error) {
        // swc's code frame says what and where; with RUST_BACKTRACE set it adds its own native stack, noise to a user.
        if (error instanceof Error && !process.env.EVENTSPEC_DEBUG) error.message = error.message.replace(/\n+Stack backtrace:[\s\S]*$/, '');
        throw error;
      }
      // Written aside then renamed, so a process running beside this one never reads half an entry.
      const aside = `${cached}.${process.pid}`;
      try {
        writeFileSync(aside, code);
        renameSync(aside, cached);
      } catch {
        // A read-only or full temporary folder only costs the next run a compile.
      }
      return code;
    }
  };
  require.extensions['.ts'] = function (module, filename) {
    module._compile(compile(readFileSync(filename, 'utf8'), filename), filename);
  };
}

register();
