import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { globSync, hasMagic } from 'glob';

/** A path as the user will recognise it: relative to where they ran the command when it is inside. */
function shown(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

/**
 * The feature paths (files, folders, globs, `file:line`) that name nothing: cucumber runs an
 * empty set without a word, and a docs build makes an empty site. `@rerun.txt` is left to cucumber.
 */
export function missingPaths(paths: readonly string[], cwd: string): string[] {
  return paths.filter((given) => {
    if (given.startsWith('@')) return false;
    const path = given.replace(/(:\d+)+$/, '');
    if (hasMagic(path, { windowsPathsNoEscape: true })) return globSync(path, { cwd, windowsPathsNoEscape: true }).length === 0;
    return !existsSync(resolve(cwd, path));
  });
}

/** Says which given paths do not exist, and what to give instead; undefined when all exist. */
export function missingPathsProblem(what: string, paths: readonly string[], cwd: string): string | undefined {
  const missing = missingPaths(paths, cwd);
  if (missing.length === 0) return undefined;
  const list = missing.map((p) => `"${p}"`).join(', ');
  return `${what} ${list} ${missing.length === 1 ? 'does' : 'do'} not exist (looked in ${cwd}); give feature files, folders or globs that exist`;
}

/**
 * Why a folder (or a file) cannot be written at this path: it, or a folder on the way to it, is
 * the other kind. Checked before the work starts, so the user reads the path and the fix rather
 * than `EEXIST` or `ENOTDIR` after a long build.
 */
export function outputPathProblem(flag: string, given: string, cwd: string, kind: 'folder' | 'file', exampleFile = 'output'): string | undefined {
  const path = resolve(cwd, given);
  const at = (place: string) => (place === given ? flag : `${flag} ${given}:`);
  if (existsSync(path)) {
    const isFolder = statSync(path).isDirectory();
    if (kind === 'folder' && !isFolder) return `${at(shown(path, cwd))} ${shown(path, cwd)} is a file, not a folder; give a folder to write into (it is made when missing)`;
    if (kind === 'file' && isFolder) return `${at(shown(path, cwd))} ${shown(path, cwd)} is a folder, not a file; give a file path such as ${given.replace(/[\\/]+$/, '')}/${exampleFile}`;
    return undefined;
  }
  for (let above = dirname(path); ; above = dirname(above)) {
    if (existsSync(above)) {
      if (statSync(above).isDirectory()) return undefined;
      return `${flag} ${given}: ${shown(above, cwd)} is a file, so no folder can be made inside it; give a path whose folders are folders`;
    }
    if (dirname(above) === above) return undefined;
  }
}
