import pc from 'picocolors';
import type { Domain } from '../domain/defineDomain';
import type { AggregateCheckOptions, CheckProgress, CheckResult } from './checkAggregate';
import { checkAggregate } from './checkAggregate';
import { checkProcess } from './checkProcess';
import type { ProcessCheckResult } from './checkProcess';
import { isProcess } from '../processes/defineProcess';
import type { PropertySwitches } from './properties';

/** Parsed options of `eventspec check [Aggregate] --runs --seed --path --regressions`. */
export interface RunChecksOptions {
  /** One aggregate or process; all of the domain's when absent. */
  aggregate?: string;
  runs?: number;
  seed?: number;
  path?: string;
  /** Append failing scenarios to regression features (true: features/regressions). */
  regressions?: boolean | string;
  properties?: PropertySwitches;
  /** Print the results as one JSON document on stdout instead of text. */
  json?: boolean;
  /** Per aggregate arbitraries and models, when the domain module provides them. */
  aggregates?: Readonly<Record<string, AggregateCheckOptions>>;
}

export interface RunChecksOutput {
  /** The results: a line per aggregate, scenarios of failures (pasteable), the summary. */
  out: { write(text: string): unknown };
  /** Progress and mistakes in the options. */
  err: { write(text: string): unknown; isTTY?: boolean };
  /** Whether to color (the command line decides, honouring NO_COLOR); default: when stderr is a terminal. */
  colors?: boolean;
}

/**
 * The body of `eventspec check`: runs the checks, shows progress on stderr, prints the results
 * (each failure as a scenario) on stdout, as text or JSON. Exit code 0 when all pass, 1 when one
 * fails, 2 for unusable options.
 */
export async function runChecks(domain: Domain, options: RunChecksOptions = {}, output: RunChecksOutput = { out: process.stdout, err: process.stderr }): Promise<number> {
  const { out, err } = output;
  const color = pc.createColors(!options.json && (output.colors ?? Boolean(err.isTTY)));
  let names: string[];
  const processNames = domain.processes.filter(isProcess).map((p) => p.name);
  const onlyProcess = options.aggregate !== undefined && processNames.includes(options.aggregate);
  try {
    names = onlyProcess ? [] : options.aggregate !== undefined ? [domain.aggregate(options.aggregate).name] : domain.aggregates.map((a) => a.name);
    if (options.path !== undefined && names.length !== 1 && !onlyProcess) throw new RangeError('--path replays one failure: name the aggregate or process it was found in');
    if (options.path !== undefined && options.seed === undefined) throw new RangeError('--path needs the --seed it was found with');
    for (const name of Object.keys(options.aggregates ?? {})) domain.aggregate(name);
  } catch (error) {
    err.write(`${color.red('eventspec check:')} ${(error as Error).message}\n`);
    return 2;
  }

  const results: CheckResult[] = [];
  for (const name of names) {
    const own = options.aggregates?.[name] ?? {};
    const started = Date.now();
    let result: CheckResult;
    try {
      result = await checkAggregate(domain, name, {
        ...own,
        ...(options.runs !== undefined ? { runs: options.runs } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.path !== undefined ? { path: options.path } : {}),
        ...(options.regressions !== undefined ? { regressions: options.regressions } : {}),
        properties: { ...options.properties, ...own.properties },
        onProgress: progressPrinter(err, color),
      });
    } catch (error) {
      clearLine(err);
      err.write(`${color.red('eventspec check:')} ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    clearLine(err);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.status === 'passed') {
      if (!options.json) out.write(`${color.green('✓')} ${name}: ${result.runs} cases passed in ${seconds}s (seed ${result.seed})${replayed(options)}\n`);
    } else if (!options.json) {
      out.write(`${color.red('✗')} ${name}: ${result.property} — ${result.message}\n`);
      out.write(`  found after ${result.runs} case(s), shrunk in ${result.shrinks} step(s)${result.regressionFile ? `; appended to ${result.regressionFile}` : ''}\n`);
      out.write(`${result.gherkin}\n`);
    }
    results.push(result);
  }
  const processResults: ProcessCheckResult[] = [];
  for (const name of onlyProcess ? [options.aggregate!] : options.aggregate === undefined ? processNames : []) {
    const started = Date.now();
    let result: ProcessCheckResult;
    try {
      result = await checkProcess(domain, name, {
        ...(options.runs !== undefined ? { runs: options.runs } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.path !== undefined ? { path: options.path } : {}),
      });
    } catch (error) {
      err.write(`${color.red('eventspec check:')} ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (!options.json && result.status === 'passed') {
      out.write(`${color.green('✓')} ${name} (process): ${result.runs} cases passed in ${seconds}s (seed ${result.seed})${replayed(options)}\n`);
    } else if (!options.json && result.status === 'failed') {
      out.write(`${color.red('✗')} ${name} (process): ${result.property} — ${result.message}\n  found after ${result.runs} case(s)\n${result.gherkin}\n`);
    }
    processResults.push(result);
  }
  const failed = results.filter((r) => r.status === 'failed').length + processResults.filter((r) => r.status === 'failed').length;
  const checked = results.length + processResults.length;
  if (options.json) {
    out.write(`${JSON.stringify({ passed: failed === 0, aggregates: results, processes: processResults }, null, 2)}\n`);
    return failed === 0 ? 0 : 1;
  }
  const what = processResults.length > 0 ? 'aggregate(s) and process(es)' : 'aggregate(s)';
  out.write(failed === 0 ? `${color.green(`all ${checked} ${what} passed their checks`)}\n` : `${color.red(`${failed} of ${checked} ${what} failed`)}\n`);
  return failed === 0 ? 0 : 1;
}

/** On a terminal, one line rewritten in place, at most every 100 ms; elsewhere nothing until the result. */
function progressPrinter(err: RunChecksOutput['err'], color: ReturnType<typeof pc.createColors>): (progress: CheckProgress) => void {
  let last = 0;
  return (p) => {
    if (!err.isTTY) return;
    const now = Date.now();
    if (now - last < 100 && p.run !== p.runs) return;
    last = now;
    const what = p.shrinking ? color.yellow(`shrinking a failure (${p.run} runs)`) : `${p.run}/${p.runs}`;
    err.write(`\r\x1b[2K${p.aggregate} ${p.target}: ${what}`);
  };
}

function clearLine(err: RunChecksOutput['err']): void {
  if (err.isTTY) err.write('\r\x1b[2K');
}

/** A replay that passes says what that means: the case it names no longer fails (or the path names none). */
function replayed(options: RunChecksOptions): string {
  return options.path === undefined ? '' : `; replaying path ${options.path}: that case no longer fails, or the seed has no such path`;
}
