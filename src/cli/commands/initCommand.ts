import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliIO } from '../cliIO';
import { colorsFor, progress, writeLine } from '../cliIO';
import { ExitCode, UsageError } from '../exitCodes';
import { installedFromTarball, packageInfo } from '../packageInfo';
import { AGGREGATE_NAME, namesOf, packageNameOf, toPascalCase } from '../scaffold/names';
import { projectFiles } from '../scaffold/projectFiles';

export const DEFAULT_AGGREGATE = 'Ticket';

export interface InitOptions {
  name?: string;
  aggregate?: string;
  /** eventspec dependency: a version range, or a path/`file:` spec to a checkout or tarball. */
  eventspec?: string;
}

export interface InitResult {
  dir: string;
  files: string[];
  /** The packed tarball the project depends on, when eventspec itself was installed from one. */
  tarball?: string;
}

const NOTHING_YET = new Set(['.git', '.DS_Store']);

/** A path as a POSIX shell reads it back: as is when plain, else in single quotes. */
export function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** Writes a new domain project into `dir` (which must be new or empty). */
export function initProject(dir: string, options: InitOptions, io: CliIO): InitResult {
  const target = resolve(io.cwd, dir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new UsageError(`${dir} is a file; init writes a new project into a folder, so give it a new or empty folder`);
  }
  // A folder that only has its git repository (git init, then eventspec init .) counts as empty.
  if (existsSync(target) && readdirSync(target).some((entry) => !NOTHING_YET.has(entry))) {
    throw new UsageError(`${dir} is not empty; init writes a new project, so give it a new or empty folder`);
  }
  const aggregate = checkAggregateName(options.aggregate ?? DEFAULT_AGGREGATE);
  const own = packageInfo();
  // Installed from a packed tarball (not published, say): the project depends on that tarball.
  const tarball = options.eventspec === undefined ? installedFromTarball() : undefined;
  const files = projectFiles({
    name: options.name ?? packageNameOf(basename(target)),
    aggregate: namesOf(aggregate),
    eventspec: dependencySpec(options.eventspec ?? tarball, own.version, io.cwd),
    versions: {
      typescript: own.dependencies.typescript ?? '^5.9.3',
      tsNode: own.dependencies['ts-node'] ?? '^10.9.2',
      typesNode: own.devDependencies['@types/node'] ?? '^20.19.0',
      swcCore: own.devDependencies['@swc/core'] ?? '^1.16.22',
    },
  });
  const step = progress(io);
  for (const [path, text] of Object.entries(files)) {
    step(`writing ${path}`);
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), text);
  }
  return { dir: target, files: Object.keys(files), ...(tarball !== undefined ? { tarball } : {}) };
}

export function checkAggregateName(name: string): string {
  if (AGGREGATE_NAME.test(name)) return name;
  const suggestion = toPascalCase(name);
  const hint = suggestion && AGGREGATE_NAME.test(suggestion) ? ` — did you mean \`${suggestion}\`?` : '';
  throw new UsageError(`aggregate name "${name}" must be PascalCase letters and digits, like Order or PurchaseOrder${hint}`);
}

/**
 * A path the user typed (to a checkout or a packed tarball) is relative to where they are, but npm
 * reads `file:` specs relative to the new package.json: make it absolute. Version ranges pass through.
 */
export function dependencySpec(spec: string | undefined, version: string, cwd: string): string {
  if (spec === undefined) return `^${version}`;
  const path = spec.startsWith('file:') ? spec.slice('file:'.length) : spec;
  const looksLikePath = spec.startsWith('file:') || spec.startsWith('.') || isAbsolute(spec) || spec.endsWith('.tgz');
  if (!looksLikePath) return spec;
  const absolute = resolve(cwd, path);
  if (!existsSync(absolute)) throw new UsageError(`--eventspec ${spec}: ${absolute} does not exist`);
  return `file:${absolute}`;
}

export function registerInit(program: Command, io: CliIO, done: (code: ExitCode) => void): void {
  program
    .command('init')
    .description('create a new domain project whose `npm test` passes right after `npm install`')
    .argument('<dir>', 'folder for the project (new or empty)')
    .option('--name <name>', 'package and domain name (default: the folder name)')
    .option('-a, --aggregate <Name>', 'the first aggregate', DEFAULT_AGGREGATE)
    .option('--eventspec <spec>', 'eventspec dependency: a version range, or a path to a checkout or a packed .tgz (default: this version)')
    .addHelpText('after', '\nExample:\n  eventspec init shop --aggregate Order && cd shop && npm install && npm test')
    .action((dir: string, options: InitOptions) => {
      const result = initProject(dir, options, io);
      const c = colorsFor(io.stdout, io.env);
      const near = relative(io.cwd, result.dir);
      const shown = near === '' ? '.' : near.startsWith('..') ? result.dir : near;
      writeLine(io.stdout, `${c.green('created')} ${shown}: ${result.files.join(', ')}`);
      if (result.tarball !== undefined) writeLine(io.stdout, `eventspec comes from ${result.tarball}, the tarball this eventspec was installed from (--eventspec to choose another)`);
      writeLine(io.stdout, `next: ${c.bold(`cd ${shellWord(shown)} && npm install && npm test`)}`);
      done(ExitCode.ok);
    });
}
