import type { Command } from 'commander';
import type { CliIO } from '../cliIO';
import { progress, writeLine } from '../cliIO';
import { ExitCode, UsageError } from '../exitCodes';
import { loadDomain } from '../loadDomain';
import { missingPathsProblem, outputPathProblem } from '../pathProblems';
import { redactCredentials } from '../redactCredentials';
import { terminalSafe } from '../../core/terminalText';

export interface DocsOptions {
  out?: string;
  features?: string[];
  messages?: string[];
  title?: string;
  domain?: string;
  requireResults?: boolean;
  history?: string;
}

/** Builds the living documentation site from the features, the last run's messages and the domain. */
export async function docsCommand(options: DocsOptions, io: CliIO): Promise<ExitCode> {
  // Checked before the domain loads and the build starts: a wrong path is a usage mistake.
  const problem =
    (options.features !== undefined ? missingPathsProblem('--features', options.features, io.cwd) : undefined) ??
    outputPathProblem('--out', options.out ?? 'site', io.cwd, 'folder') ??
    (options.history !== undefined ? outputPathProblem('--history', options.history, io.cwd, 'folder') : undefined);
  if (problem) throw new UsageError(problem);
  const { domain } = loadDomain(io, options.domain);
  // Loaded here, not at start-up: the generator pulls in gherkin parsing and the site assets.
  const docs = require('../../docs') as typeof import('../../docs');
  const { vocabularyFor } = require('../../gherkin/vocabulary') as typeof import('../../gherkin/vocabulary');
  try {
    await docs.buildProjectDocs({
      domain,
      // Only the steps this domain can use: no process or read-model steps for a domain without them.
      vocabulary: vocabularyFor(domain),
      cwd: io.cwd,
      log: (line) => writeLine(io.stdout, line),
      progress: progress(io),
      allowMissingResults: options.requireResults !== true,
      ...(options.out !== undefined ? { out: options.out } : {}),
      ...(options.features !== undefined ? { features: options.features } : {}),
      ...(options.messages !== undefined ? { messages: options.messages } : {}),
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.history !== undefined ? { history: options.history } : {}),
    });
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof docs.DocsInputError)) throw error;
    writeLine(io.stderr, terminalSafe(redactCredentials(error.message)));
    return ExitCode.failed;
  }
}

export function registerDocs(program: Command, io: CliIO, done: (code: ExitCode) => void): void {
  program
    .command('docs')
    .description('build the living documentation: a static site from the features, the last run and the domain')
    .option('-o, --out <dir>', 'where to write the site', 'site')
    .option('--features <paths...>', 'feature files, folders or globs (default: features)')
    .option('--messages <files...>', 'the run\'s Cucumber message streams: files, folders of .ndjson files or globs; several (one per CI shard, or a re-run) are merged (default: reports/cucumber.ndjson)')
    .option('--title <text>', 'the site\'s title (default: the domain\'s name)')
    .option('--history <dir>', 'keep a record of each run in this folder and show every scenario\'s last runs (e.g. reports/history)')
    .option('--require-results', 'fail when the message stream is missing instead of building a site without results')
    .option('-d, --domain <module>', 'module exporting `domain` (default: eventspec.config.ts, then package.json "eventspec.domain")')
    .addHelpText('after', '\nOpen <out>/index.html in a browser; it needs no server.\nExample:\n  eventspec test && eventspec docs --out site')
    .action(async (options: DocsOptions) => done(await docsCommand(options, io)));
}
