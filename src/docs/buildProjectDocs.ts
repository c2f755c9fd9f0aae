import { relative } from 'node:path';
import type { Domain } from '../domain/defineDomain';
import type { StepPhrase } from '../gherkin/stepPhrase';
import { terminalSafe } from '../core/terminalText';
import { buildDocs, type BuiltDocs } from './buildDocs';

/** What `eventspec docs [--out <dir>]` passes in once the CLI has parsed its options and loaded the domain. */
export interface ProjectDocsOptions {
  out?: string;
  features?: string | readonly string[];
  messages?: string | readonly string[];
  domain?: Domain;
  vocabulary?: readonly StepPhrase[];
  title?: string;
  cwd?: string;
  /** Default true for the command: a site without results says so, rather than not existing. */
  allowMissingResults?: boolean;
  log?: (line: string) => void;
  /** A folder keeping a record of each run, for the history of every scenario. */
  history?: string;
  /** Stages of a long build (the command shows them on a terminal). */
  progress?: (stage: string) => void;
}

/**
 * The `eventspec docs` subcommand: builds the site with the project's defaults (features/,
 * reports/cucumber.ndjson, site/) and prints one summary line, plus a line per run problem.
 * Throws DocsInputError on bad input; the CLI prints its message and exits non-zero.
 */
export async function buildProjectDocs(options: ProjectDocsOptions = {}): Promise<BuiltDocs> {
  // Notes quote the message stream and paths quote the disk: neither may steer the terminal.
  const print = options.log ?? ((line: string) => console.log(line));
  const log = (line: string) => print(terminalSafe(line));
  const cwd = options.cwd ?? process.cwd();
  const built = await buildDocs({
    features: options.features ?? 'features',
    messages: options.messages ?? 'reports/cucumber.ndjson',
    out: options.out ?? 'site',
    cwd,
    allowMissingResults: options.allowMissingResults ?? true,
    ...(options.domain ? { domain: options.domain } : {}),
    ...(options.vocabulary ? { vocabulary: options.vocabulary } : {}),
    ...(options.title ? { title: options.title } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.history !== undefined ? { history: options.history } : {}),
  });
  const counts = Object.entries(built.counts).map(([status, n]) => `${n} ${status}`).join(', ');
  const where = relative(cwd, built.index) || built.index;
  log(`living documentation: ${where} (${built.data.scenarios.length} scenarios${counts ? `: ${counts}` : ''}; ${built.data.events.length} events, ${built.data.commands.length} commands)`);
  for (const problem of built.data.run.problems) log(`  note: ${problem}`);
  return built;
}
