import type { Command } from 'commander';
import type { CliIO } from '../cliIO';
import { colorsFor } from '../cliIO';
import type { ExitCode } from '../exitCodes';
import { UsageError } from '../exitCodes';
import { loadDomain } from '../loadDomain';

export interface CheckOptions {
  runs?: string;
  seed?: string;
  path?: string;
  write?: boolean | string;
  domain?: string;
  json?: boolean;
}

function wholeNumber(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw new UsageError(`${option} takes a whole number, not "${text}"`);
  return Number(text);
}

/** Runs the property checks of one aggregate, or of all; failures are printed as Gherkin. */
export async function checkCommand(aggregate: string | undefined, options: CheckOptions, io: CliIO): Promise<ExitCode> {
  const { domain, checks } = loadDomain(io, options.domain);
  if (options.path !== undefined && options.seed === undefined) throw new UsageError('--path replays a failure together with its --seed');
  const { runChecks } = require('../../checks') as typeof import('../../checks');
  const runs = wholeNumber('--runs', options.runs);
  if (runs !== undefined && runs < 1) throw new UsageError(`--runs takes a whole number above 0 (the command sequences tried per aggregate), not ${runs}`);
  const seed = wholeNumber('--seed', options.seed);
  const code = await runChecks(
    domain,
    {
      ...(aggregate !== undefined ? { aggregate } : {}),
      ...(runs !== undefined ? { runs } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(options.path !== undefined ? { path: options.path } : {}),
      ...(options.write !== undefined ? { regressions: options.write } : {}),
      ...(checks !== undefined ? { aggregates: checks } : {}),
      ...(options.json ? { json: true } : {}),
    },
    { out: io.stdout, err: io.stderr, colors: colorsFor(io.stdout, io.env).isColorSupported },
  );
  return code as ExitCode;
}

export function registerCheck(program: Command, io: CliIO, done: (code: ExitCode) => void): void {
  program
    .command('check')
    .argument('[aggregate]', 'the aggregate or process to check (default: all of them)')
    .description('property-check aggregates with generated command sequences; a failure prints as a Gherkin scenario')
    .option('--runs <n>', 'command sequences per aggregate (default 100)')
    .option('--seed <n>', 'replay a run exactly (printed with every failure)')
    .option('--path <path>', 'with --seed: replay one shrunk failure')
    .option('--write [dir]', 'append failing scenarios to regression features (default features/regressions)')
    .option('--json', 'print the results as one JSON document (for CI): per aggregate its status, seed and, when it failed, the scenario')
    .option('-d, --domain <module>', 'module exporting `domain` (default: eventspec.config.ts, then package.json "eventspec.domain")')
    .addHelpText(
      'after',
      '\nArbitraries and models come from a `checks` export beside `domain` in eventspec.config.ts.\n' +
        'Example:\n  eventspec check Order --runs 500\n  eventspec check Order --seed 42 --path "3:1:0"',
    )
    .action(async (aggregate: string | undefined, options: CheckOptions) => done(await checkCommand(aggregate, options, io)));
}
