import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { buildCatalog, CATALOG_KEYWORD } from '../../catalog/buildCatalog';
import type { CliIO } from '../cliIO';
import { writeLine } from '../cliIO';
import { ExitCode } from '../exitCodes';
import { loadDomain } from '../loadDomain';

export interface CatalogOptions {
  out?: string;
  domain?: string;
}

/** Prints the domain's JSON Schema catalog, or writes it to `--out`. */
export function catalogCommand(options: CatalogOptions, io: CliIO): ExitCode {
  const { domain } = loadDomain(io, options.domain);
  const catalog = buildCatalog(domain);
  const text = `${JSON.stringify(catalog, null, 2)}\n`;
  if (options.out === undefined) {
    io.stdout.write(text);
    return ExitCode.ok;
  }
  const path = resolve(io.cwd, options.out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  const index = catalog[CATALOG_KEYWORD];
  writeLine(io.stdout, `catalog of ${domain.name} written to ${relative(io.cwd, path) || path} (${index.events.length} events, ${index.commands.length} commands)`);
  return ExitCode.ok;
}

export function registerCatalog(program: Command, io: CliIO, done: (code: ExitCode) => void): void {
  program
    .command('catalog')
    .description('print every event and command of the domain as one JSON Schema document (draft 2020-12)')
    .option('-o, --out <file>', 'write the catalog to a file instead of printing it')
    .option('-d, --domain <module>', 'module exporting `domain` (default: eventspec.config.ts, then package.json "eventspec.domain")')
    .addHelpText(
      'after',
      '\nValidate an event\'s data against "#/$defs/<Type>.v<N>", or a whole event envelope against the root.\n' +
        'Example:\n  eventspec catalog --out catalog.schema.json',
    )
    .action((options: CatalogOptions) => done(catalogCommand(options, io)));
}
