import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { EDITOR_STEPS_FILE, editorFileImport, editorStepsSource } from '../../gherkin/editorStepsFile';
import type { CliIO } from '../cliIO';
import { writeLine } from '../cliIO';
import { ExitCode, UsageError } from '../exitCodes';
import { loadDomain } from '../loadDomain';
import { outputPathProblem } from '../pathProblems';

export interface StepsOptions {
  out?: string;
  domain?: string;
  /** The module the file imports eventspec from (`eventspec` unless eventspec is the project). */
  import?: string;
  /** `--check`: write nothing; fail when the file is missing or out of date. */
  check?: boolean;
}

/** Writes the editor file: the project's steps as literal calls the Cucumber extension reads. */
export function stepsCommand(options: StepsOptions, io: CliIO): ExitCode {
  const { domain, root } = loadDomain(io, options.domain);
  const problem = outputPathProblem('--out', options.out ?? EDITOR_STEPS_FILE, root, 'file', basename(EDITOR_STEPS_FILE));
  if (problem) throw new UsageError(problem);
  const path = resolve(root, options.out ?? EDITOR_STEPS_FILE);
  const shown = relative(io.cwd, path) || path;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  // Without --import the file keeps the module it imports from (a project may import a path).
  const eventspecModule = options.import ?? (current === undefined ? undefined : editorFileImport(current));
  const text = editorStepsSource(domain, { root, ...(eventspecModule ? { eventspecModule } : {}) });
  if (options.check) {
    if (current === text) return ExitCode.ok;
    writeLine(io.stderr, `${shown} is ${current === undefined ? 'missing' : 'out of date with the domain'}: run \`npx eventspec steps${options.import ? ` --import ${options.import}` : ''}\` to write it`);
    return ExitCode.failed;
  }
  if (current !== text) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  writeLine(io.stdout, `${current === text ? 'unchanged' : 'wrote'} ${shown}: the steps of ${domain.name} for the Cucumber editor extension`);
  return ExitCode.ok;
}

export function registerSteps(program: Command, io: CliIO, done: (code: ExitCode) => void): void {
  program
    .command('steps')
    .description('write the steps of the vocabulary and the domain\'s phrasings as a file the Cucumber editor extension reads (autocompletion, go to definition)')
    .option('-o, --out <file>', `where to write it (default ${EDITOR_STEPS_FILE}, in a folder the extension's "cucumber.glue" setting names)`)
    .option('-d, --domain <module>', 'module exporting `domain` (default: eventspec.config.ts, then package.json "eventspec.domain")')
    .option('--import <module>', 'module to import eventspec from in the file (default: the one the file imports now, else eventspec)')
    .option('--check', 'write nothing; exit 1 when the file is missing or out of date (for CI)')
    .addHelpText('after', '\nExample:\n  eventspec steps')
    .action((options: StepsOptions) => done(stepsCommand(options, io)));
}
