import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliIO } from '../cliIO';
import { colorsFor, writeLine } from '../cliIO';
import { ExitCode, UsageError } from '../exitCodes';
import { projectRoot } from '../projectModule';
import { aggregateFeature, aggregateSource } from '../scaffold/aggregateFiles';
import { importLine, registerAggregate } from '../scaffold/domainFile';
import { namesOf } from '../scaffold/names';
import { EDITOR_STEPS_FILE } from '../../gherkin/editorStepsFile';
import { checkAggregateName } from './initCommand';
import { stepsCommand } from './stepsCommand';

export interface NewAggregateOptions {
  /** Folder for the aggregate's file, from the project root. */
  dir?: string;
  /** Folder for its feature file. */
  features?: string;
  /** The file that defines the domain. */
  domainFile?: string;
}

export interface NewAggregateResult {
  created: string[];
  /** True when the domain file now lists the aggregate; otherwise `instructions` says what to add. */
  registered: boolean;
  instructions: string[];
}

/** Adds an aggregate file and a starter feature to the project around `io.cwd`, and registers it. */
export function addAggregate(name: string, options: NewAggregateOptions, io: CliIO): NewAggregateResult {
  const n = namesOf(checkAggregateName(name));
  const root = projectRoot(io.cwd);
  if (root === undefined) throw new UsageError('no package.json here or above: run `eventspec new aggregate` inside a project (or `eventspec init` one)');
  const source = join(root, options.dir ?? 'src/aggregates', `${n.camel}.ts`);
  const feature = join(root, options.features ?? 'features', `${n.kebab}.feature`);
  for (const path of [source, feature]) {
    if (existsSync(path)) throw new UsageError(`${relative(root, path)} already exists; pick another name or remove it first`);
  }
  const domainFile = resolve(root, options.domainFile ?? 'src/domain.ts');
  let specifier = relative(dirname(domainFile), source).replace(/\\/g, '/').replace(/\.ts$/, '');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;

  const before = existsSync(domainFile) ? readFileSync(domainFile, 'utf8') : undefined;
  if (before !== undefined && new RegExp(`\\bimport\\s*\\{[^}]*\\b${n.pascal}\\b`).test(before)) {
    throw new UsageError(`${relative(root, domainFile)} already imports ${n.pascal}`);
  }
  const after = before === undefined ? undefined : registerAggregate(before, n, specifier);
  for (const [path, text] of [[source, aggregateSource(n)], [feature, aggregateFeature(n)]] as const) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  if (after !== undefined) writeFileSync(domainFile, after);
  return {
    created: [source, feature].map((p) => relative(root, p)),
    registered: after !== undefined,
    instructions: after !== undefined ? [] : [importLine(n, specifier), `and add ${n.pascal} to the aggregates of defineDomain({ ... })`],
  };
}

export function registerNew(program: Command, io: CliIO, done: (code: ExitCode) => void): void {
  const group = program.command('new').description('add a part to the current project');
  group
    .command('aggregate')
    .description('add an aggregate and a starter feature that passes, and register it in the domain')
    .argument('<Name>', 'PascalCase name, e.g. Invoice')
    .option('--dir <folder>', 'folder for the aggregate file', 'src/aggregates')
    .option('--features <folder>', 'folder for the feature file', 'features')
    .option('--domain-file <file>', 'file that calls defineDomain', 'src/domain.ts')
    .addHelpText('after', '\nExample:\n  eventspec new aggregate Invoice')
    .action((name: string, options: NewAggregateOptions) => {
      const result = addAggregate(name, options, io);
      const c = colorsFor(io.stdout, io.env);
      writeLine(io.stdout, `${c.green('created')} ${result.created.join(', ')}`);
      if (result.registered) {
        writeLine(io.stdout, `${c.green('registered')} ${name} in ${options.domainFile ?? 'src/domain.ts'}`);
        refreshEditorSteps(io, c.yellow);
      } else {
        writeLine(io.stdout, `${c.yellow('to register it')}, add to the file that defines the domain:`);
        for (const line of result.instructions) writeLine(io.stdout, `  ${line}`);
      }
      done(ExitCode.ok);
    });
}

/** The editor's step file, where the project has one, learns the new aggregate's steps at once. */
function refreshEditorSteps(io: CliIO, warn: (text: string) => string): void {
  const root = projectRoot(io.cwd) ?? io.cwd;
  if (!existsSync(join(root, EDITOR_STEPS_FILE))) return;
  try {
    stepsCommand({}, io);
  } catch (error) {
    writeLine(io.stdout, `${warn('not updated')} ${EDITOR_STEPS_FILE} (${(error as Error).message}); run \`npx eventspec steps\` once the domain loads`);
  }
}
