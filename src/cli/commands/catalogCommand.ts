import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { buildCatalog } from '../../catalog/buildCatalog';
import type { CliIO } from '../cliIO';
import { writeLine } from '../cliIO';
import { ExitCode, UsageError } from '../exitCodes';
import { loadDomain } from '../loadDomain';
import { outputPathProblem } from '../pathProblems';

export interface CatalogOptions {
  out?: string;
  domain?: string;
  /** `--no-index`: leave out the x-eventspec index, for validators that refuse unknown keywords. */
  index?: boolean;
}

/** Prints the domain's JSON Schema catalog, or writes it to `--out`. */
export function catalogCommand(options: CatalogOptions, io: CliIO): ExitCode {
  const { domain } = loadDomain(io, options.domain);
  const catalog = buildCatalog(domain, { index: options.index !== false });
  const text = `${JSON.stringify(catalog, null, 2)}\n`;
  if (options.out === undefined) {
    io.stdout.write(text);
    return ExitCode.ok;
  }
  const problem = outputPathProblem('--out', options.out, io.cwd, 'file', 'catalog.schema.json');
  if (problem) throw new UsageError(problem);
  const path = resolve(io.cwd, options.out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  const events = domain.aggregates.flatMap((a) => a.events.map((e) => e.name));
  const commands = domain.aggregates.flatMap((a) => a.commands.map((c) => c.name));
  const count = (names: string[], noun: string) => `${new Set(names).size} ${noun}`;
  writeLine(io.stdout, `catalog of ${domain.name} written to ${relative(io.cwd, path) || path} (${count(events, 'events')}, ${count(commands, 'commands')})`);
  return ExitCode.ok;
}

export function registerCatalog(program: Command, io: CliIO, done: (code: ExitCode) => void): void {
  program
    .command('catalog')
    .description('print every event and command of the domain as one JSON Schema document (draft 2020-12)')
    .option('-o, --out <file>', 'write the catalog to a file instead of printing it')
    .option('--no-index', 'leave out the "x-eventspec" index (aggregates, versions, upcasters): standard keywords only')
    .option('-d, --domain <module>', 'module exporting `domain` (default: eventspec.config.ts, then package.json "eventspec.domain")')
    .addHelpText(
      'after',
      '\nValidate an event\'s data against "#/$defs/<Type>.v<N>", or a whole event envelope against the root.\n' +
        'Example:\n  eventspec catalog --out catalog.schema.json',
    )
    .action((options: CatalogOptions) => done(catalogCommand(options, io)));
}
