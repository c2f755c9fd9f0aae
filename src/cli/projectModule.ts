import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';

const TYPESCRIPT = new Set(['.ts', '.cts', '.mts']);
const EXTENSIONS = ['.ts', '.cts', '.js', '.cjs'];

/** The nearest folder at or above `from` with a package.json: where a project's files are. */
export function projectRoot(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The file a module path names, trying TypeScript as well as JavaScript (`./src/domain` → `./src/domain/index.ts`). */
export function resolveProjectModule(path: string): string | undefined {
  const candidates = [path, ...EXTENSIONS.map((e) => path + e), ...EXTENSIONS.map((e) => join(path, `index${e}`))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/**
 * Loads a file of the user's project. TypeScript is compiled on the fly by ts-node in
 * transpile-only mode (type checking is `tsc`'s job), with the project's own tsconfig.
 */
export function requireProjectModule(file: string, root: string): unknown {
  if (TYPESCRIPT.has(extname(file)) && require.extensions[extname(file)] === undefined) {
    const tsNode = require('ts-node') as { register(options: object): unknown };
    tsNode.register({ transpileOnly: true, cwd: root });
  }
  return require(file);
}
