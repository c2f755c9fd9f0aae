import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectLock, type Lockfile, type ProjectManifest } from './projectLock';

/**
 * A user's project in a temporary folder: made by `eventspec init` against the packed tarball,
 * installed from the npm cache that `npm ci` filled, and driven by the commands a user types.
 */
export const repoRoot = join(__dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const repoLock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as Lockfile;
const own = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Required<ProjectManifest>;

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Command, folder and both outputs: what an assertion prints when it fails. */
  output: string;
}

/** The environment of a user's shell: none of the variables `npm test` set for this repository. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_package_|npm_lifecycle_|npm_config_(?!cache$|registry$|userconfig$))/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

export function sh(command: string, args: readonly string[], cwd: string, extra: Record<string, string> = {}): Ran {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000, env: userEnv(extra) });
  const output = `$ ${command} ${args.join(' ')}   (in ${cwd}, exit ${result.status})\n${result.stdout}\n${result.stderr}${result.error ? `\n${result.error.message}` : ''}`;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, output };
}

/** `npm pack` of this repository, as it would be published (prepack builds dist/ afresh). */
export function pack(into: string): string {
  const packed = sh(npm, ['pack', '--pack-destination', into], repoRoot);
  if (packed.code !== 0) throw new Error(`npm pack failed\n${packed.output}`);
  const tarball = readdirSync(into).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball\n${packed.output}`);
  return join(into, tarball);
}

/** The files the tarball holds, by path inside the package. */
export function tarballFiles(tarball: string): string[] {
  const listed = sh('tar', ['tzf', tarball], repoRoot);
  if (listed.code !== 0) throw new Error(listed.output);
  return listed.stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
}

/** `eventspec init <name> ...` run with this checkout's bin, as `npx eventspec init` would. */
export function init(parent: string, args: readonly string[]): Ran {
  return sh(process.execPath, [join(repoRoot, 'bin', 'eventspec.js'), 'init', ...args], parent);
}

/**
 * `npm install` in the project, from the cache only: the lock is cut from this repository's, so
 * every version is one `npm ci` fetched. `devDependencies` adds packages (at this repository's ranges).
 */
export function installOffline(project: string, devDependencies: readonly string[] = []): Ran {
  const manifestPath = join(project, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ProjectManifest;
  if (devDependencies.length > 0) {
    manifest.devDependencies = { ...manifest.devDependencies };
    for (const name of devDependencies) manifest.devDependencies[name] = own.devDependencies[name] ?? own.dependencies[name]!;
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const lock = projectLock(repoLock, manifest, ['eventspec'], Object.keys(own.dependencies), process.env.npm_config_registry);
  writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  return sh(npm, ['install', '--offline', '--no-audit', '--no-fund'], project);
}

/** `npx <bin> ...` in the project: its installed bin, as a user's shell finds it. */
export function npx(project: string, args: readonly string[], extra: Record<string, string> = {}): Ran {
  return sh(process.platform === 'win32' ? 'npx.cmd' : 'npx', args, project, extra);
}

export function npmRun(project: string, script: string, args: readonly string[] = [], extra: Record<string, string> = {}): Ran {
  return sh(npm, script === 'test' ? ['test', ...args] : ['run', script, ...args], project, extra);
}
