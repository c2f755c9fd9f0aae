import { sep } from 'node:path';
import { Writable } from 'node:stream';
import type { Envelope, GherkinDocument } from '@cucumber/messages';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { installedDomain, isInstalledStep } from '../../gherkin/installedDomain';
import { parseErrorText } from '../../gherkin/parseErrorText';
import { STORE_UNAVAILABLE } from '../../gherkin/storeHook';
import type { CliIO } from '../cliIO';
import { writeLine } from '../cliIO';
import { ExitCode, UsageError } from '../exitCodes';
import { missingPathsProblem, outputPathProblem } from '../pathProblems';
import { projectRoot } from '../projectModule';

export interface TestOptions {
  store?: 'memory' | 'mongo';
  profile?: string[];
  tags?: string;
  name?: string[];
  format?: string[];
  parallel?: number;
  retry?: number;
  failFast?: boolean;
  dryRun?: boolean;
  order?: string;
  worldParameters?: string;
  shard?: string;
}

/** The cucumber profile a store runs under: the project's cucumber.js defines both. */
export function profilesFor(options: TestOptions): string[] {
  const profiles = options.store === 'mongo' ? ['mongo'] : [];
  return [...profiles, ...(options.profile ?? [])];
}

/** The options we know, turned back into cucumber's own argv, followed by the pass-through arguments. */
export function cucumberArgv(options: TestOptions, rest: readonly string[]): string[] {
  const argv: string[] = [];
  if (options.tags !== undefined) argv.push('--tags', options.tags);
  for (const name of options.name ?? []) argv.push('--name', name);
  for (const format of options.format ?? []) argv.push('--format', format);
  if (options.parallel !== undefined) argv.push('--parallel', String(options.parallel));
  if (options.retry !== undefined) argv.push('--retry', String(options.retry));
  if (options.failFast) argv.push('--fail-fast');
  if (options.dryRun) argv.push('--dry-run');
  if (options.order !== undefined) argv.push('--order', options.order);
  if (options.worldParameters !== undefined) argv.push('--world-parameters', options.worldParameters);
  if (options.shard !== undefined) argv.push('--shard', options.shard);
  return [...argv, ...rest];
}

/**
 * Runs the project's feature files through cucumber's programmatic API, with the project's
 * cucumber.js profile (`--store mongo` → the `mongo` profile). 0 when every scenario passes.
 */
export async function testCommand(options: TestOptions, rest: readonly string[], io: CliIO): Promise<ExitCode> {
  const { loadConfiguration, runCucumber } = await import('@cucumber/cucumber/api');
  const cwd = projectRoot(io.cwd) ?? io.cwd;
  // Told once, up front, rather than by every scenario's Before hook failing the same way.
  if (options.store === 'mongo' && !resolvable('mongodb', cwd)) {
    throw new UsageError('--store mongo needs the MongoDB driver, which this project does not have: npm install mongodb (and npm install --save-dev mongodb-memory-server to run the scenarios on a local mongod)');
  }
  const environment = { cwd, stdout: io.stdout, stderr: withoutRepeats(io.stderr), env: { ...io.env } };
  const profiles = profilesFor(options);
  let configuration: Awaited<ReturnType<typeof loadConfiguration>>;
  try {
    configuration = await loadConfiguration({ profiles, provided: cucumberArgv(options, rest) }, environment);
  } catch (error) {
    const message = (error as Error).message;
    const hint = /profile/i.test(message) && options.store === 'mongo' ? ' (add a `mongo` profile to cucumber.js to run against MongoDB)' : '';
    throw new UsageError(`cucumber configuration: ${message}${hint}`);
  }
  // Cucumber adds paths given on the command line to the profile's; here they replace them, so
  // `eventspec test features/x.feature` runs x alone.
  const given = await pathsGiven(rest, environment, loadConfiguration);
  const missing = missingPathsProblem('the feature path', given, cwd);
  if (missing) throw new UsageError(missing);
  for (const format of options.format ?? []) {
    const target = formatTarget(format);
    const problem = target === undefined ? undefined : outputPathProblem('--format', target, cwd, 'file', 'report');
    if (problem) throw new UsageError(problem);
  }
  if (given.length > 0) configuration.runConfiguration.sources.paths = given;
  if (options.dryRun) keepLastRunReports(configuration.runConfiguration.formats, options.format ?? [], io);
  const loadedBefore = new Set(Object.keys(require.cache));
  let success: boolean;
  let scenarios = 0;
  const unparsable: string[] = [];
  const storeSkips = storeSkipCounter();
  const sources = new Map<string, string>();
  const documents: GherkinDocument[] = [];
  const stepless = new Map<string, string>();
  const ranStepless: string[] = [];
  const seen = (envelope: Envelope) => {
    storeSkips.see(envelope);
    if (envelope.source) sources.set(envelope.source.uri, envelope.source.data);
    else if (envelope.gherkinDocument) documents.push(envelope.gherkinDocument);
    // Cucumber passes a scenario without steps (and its formatter cannot show one failing). Every
    // pickle is announced, the ones tags or lines leave out too: only those that run count.
    else if (envelope.pickle?.steps.length === 0) stepless.set(envelope.pickle.id, `${envelope.pickle.uri}:${envelope.pickle.location?.line ?? '?'}: "${envelope.pickle.name}" has no steps, so it checks nothing — write its Given, When and Then steps`);
    else if (envelope.testCase && stepless.has(envelope.testCase.pickleId)) ranStepless.push(stepless.get(envelope.testCase.pickleId)!);
    if (envelope.testCaseStarted && envelope.testCaseStarted.attempt === 0) scenarios += 1;
    else if (envelope.parseError) {
      const { source, message } = envelope.parseError;
      unparsable.push(`${source.uri ?? 'a feature file'}${source.location ? `:${source.location.line}` : ''}: ${parseErrorText(message)}`);
    }
  };
  try {
    ({ success } = await runCucumber(configuration.runConfiguration, environment, seen));
  } catch (error) {
    // Cucumber checks some options only when the run starts (`--order rand`, `--tags "a and"`): a
    // usage mistake, told by the option and cucumber's own reason, not its transform's name.
    // A formatter name that is neither cucumber's nor a module: the option was mistyped.
    const formatter = error instanceof Error ? /^Failed to import formatter (.+)$/.exec(error.message)?.[1] : undefined;
    if (formatter !== undefined) {
      throw new UsageError(`--format ${formatter}: no such formatter; cucumber's own are ${BUILTIN_FORMATTERS.join(', ')}, or give a module's path (./my-formatter.js)`);
    }
    const stage = error instanceof Error ? /^Cucumber errored when trying to do a "([^"]+)" transform/.exec(error.message)?.[1] : undefined;
    if (stage !== undefined) {
      const option = STAGE_OPTIONS[stage] ?? 'cucumber configuration';
      const cause = (error as Error).cause;
      const reason = cause instanceof Error ? cause.message : (error as Error).message;
      // Cucumber's own wording leaves out `reverse`, which it accepts.
      const told = stage === 'pickles:order' && /^Unrecognized order type/.test(reason) ? 'takes defined, reverse or random (random:<seed> to repeat an order)' : reason;
      throw new UsageError(`${option}: ${told}`);
    }
    throw error;
  } finally {
    forgetProjectModules(loadedBefore);
  }
  // A file that is not Gherkin is the writer's mistake, not a failing scenario.
  if (unparsable.length > 0) throw new UsageError(`${unparsable.length === 1 ? 'a feature file is' : 'feature files are'} not valid Gherkin — ${unparsable.join('; ')}`);
  // Lines Gherkin took for description: a scenario or step there never ran, and nothing failed for it.
  const { misreadLines } = await import('../../gherkin/misreadLines');
  const isStep = installedDomain() ? isInstalledStep : undefined;
  const misread = documents.flatMap((document) => misreadLines(document, sources.get(document.uri ?? '') ?? '', isStep).map((m) => `${document.uri}:${m.line}: "${m.text}" — ${m.problem}`));
  const unchecked = [...misread, ...ranStepless].sort(byFileAndLine);
  if (unchecked.length > 0) {
    throw new UsageError(`the feature files say more than ran (${unchecked.length === 1 ? 'a scenario or step' : 'scenarios or steps'} that checked nothing):\n${unchecked.map((m) => `  ${m}`).join('\n')}`);
  }
  // `--store mongo` asked for MongoDB: scenarios skipped for want of a server tested nothing there.
  if (options.store === 'mongo' && !options.dryRun && storeSkips.count() > 0) {
    writeLine(io.stderr, `--store mongo: ${storeSkips.count()} of ${scenarios} scenario${scenarios === 1 ? '' : 's'} skipped because no MongoDB server is reachable (the SKIPPED line above says why) — set MONGODB_URI to a replica set, or MONGOMS_SYSTEM_BINARY to a mongod, and run again`);
    return ExitCode.usage;
  }
  // Passing because nothing ran would pass a CI job that tested nothing: said, not refused (cucumber's own rule is 0).
  if (scenarios === 0) writeLine(io.stderr, `no scenario ran: ${selectionOf(options, given)} matched none — ${tagHint(options.tags) ?? 'check the tags, names and paths'}`);
  if (!success) writeLine(io.stderr, 'some scenarios failed');
  return success ? ExitCode.ok : ExitCode.failed;
}

/** `file:line: …` texts in file order, then line order. */
function byFileAndLine(a: string, b: string): number {
  const [, fileA = a, lineA = '0'] = /^(.*?):(\d+):/.exec(a) ?? [];
  const [, fileB = b, lineB = '0'] = /^(.*?):(\d+):/.exec(b) ?? [];
  return fileA < fileB ? -1 : fileA > fileB ? 1 : Number(lineA) - Number(lineB);
}

/** Scenarios the store hook skipped for want of a store: each carries its STORE_UNAVAILABLE attachment. */
function storeSkipCounter(): { see(envelope: Envelope): void; count(): number } {
  const skipped = new Set<string>();
  return {
    see(envelope) {
      if (envelope.attachment?.mediaType === STORE_UNAVAILABLE) skipped.add(envelope.attachment.testCaseStartedId ?? String(skipped.size));
    },
    count: () => skipped.size,
  };
}

/** A tag written without its @ (`--tags smoke`) matches nothing: said, with the expression to write. */
function tagHint(tags: string | undefined): string | undefined {
  if (tags === undefined) return undefined;
  const bare = tags.split(/[\s()]+/).filter((word) => word !== '' && !word.startsWith('@') && !['and', 'or', 'not'].includes(word));
  if (bare.length === 0) return undefined;
  const fixed = tags.replace(/(^|[\s(])(?!and\b|or\b|not\b)([^\s()@]+)/g, '$1@$2');
  return `tags start with @: did you mean --tags "${fixed}"?`;
}

/** The file a `--format <name>:<file>` writes, if it names one. */
function formatTarget(format: string): string | undefined {
  return /^[^:]+:(.+)$/.exec(format)?.[1];
}

function resolvable(id: string, from: string): boolean {
  try {
    require.resolve(id, { paths: [from] });
    return true;
  } catch {
    return false;
  }
}

/** What chose the scenarios, in the user's words. */
function selectionOf(options: TestOptions, paths: readonly string[]): string {
  const parts = [
    ...(options.tags !== undefined ? [`--tags "${options.tags}"`] : []),
    ...(options.name ?? []).map((n) => `--name "${n}"`),
    ...(options.shard !== undefined ? [`--shard ${options.shard}`] : []),
    ...paths,
  ];
  return parts.length > 0 ? parts.join(' ') : 'the profile\'s feature paths';
}

/**
 * A dry run runs no step: the reports the profile writes (the message stream `eventspec docs`
 * reads, JUnit) would say every scenario was skipped. They are left as the last real run wrote
 * them; a report asked for on the command line is still written.
 */
function keepLastRunReports(formats: { files: Record<string, string> }, given: readonly string[], io: CliIO): void {
  const asked = new Set(given.map(formatTarget).filter((path) => path !== undefined));
  const kept = Object.keys(formats.files).filter((path) => !asked.has(path));
  if (kept.length === 0) return;
  for (const path of kept) delete formats.files[path];
  writeLine(io.stderr, `dry run: ${kept.join(', ')} left as the last run wrote ${kept.length === 1 ? 'it' : 'them'}`);
}

/**
 * Cucumber's stderr without what eventspec says better itself: the warning that command-line paths
 * are merged with the profile's (eventspec replaces them, see testCommand), and Gherkin parse errors
 * in the parser's words (said once, after the run, in the writer's).
 */
function withoutRepeats(stderr: CliIO['stderr']): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const text = chunk.toString();
      if (!text.startsWith('You have specified paths in both your configuration file and as CLI arguments.') && !text.startsWith('Parse error in "')) stderr.write(text);
      callback();
    },
  });
}

const BUILTIN_FORMATTERS = ['progress', 'progress-bar', 'pretty', 'summary', 'html', 'json', 'junit', 'message', 'rerun', 'snippets', 'usage', 'usage-json'];

/** The option behind each of cucumber's start-of-run stages that can refuse one. */
const STAGE_OPTIONS: Record<string, string> = { 'pickles:filter': 'the tag expression (--tags)', 'pickles:order': 'the order (--order)' };

export function registerTest(program: Command, io: CliIO, done: (code: ExitCode) => void): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  program
    .command('test')
    .description('run the feature files as executable specifications (cucumber, with the project\'s cucumber.js)')
    .argument('[paths...]', 'feature files or folders (default: the profile\'s paths); after `--`, any cucumber-js argument')
    .addOption(new Option('-s, --store <store>', 'the event store scenarios run against').choices(['memory', 'mongo']).default('memory'))
    .option('-p, --profile <name>', 'an extra cucumber.js profile (repeatable)', collect)
    .option('-t, --tags <expression>', 'only scenarios whose tags match, e.g. "@smoke and not @slow"')
    .option('-n, --name <regexp>', 'only scenarios whose name matches (repeatable)', collect)
    .option('-f, --format <type[:path]>', 'a cucumber formatter (repeatable), e.g. progress, summary, junit:reports/junit.xml', collect)
    .option('--parallel <workers>', 'run scenarios in this many worker processes', wholeNumber('--parallel'))
    .option('--retry <times>', 'retry failing scenarios this many times', wholeNumber('--retry'))
    .option('--fail-fast', 'stop at the first failure')
    .option('--dry-run', 'check that every step has a definition without running any')
    .option('--order <type[:seed]>', 'defined, reverse or random[:seed]')
    .option('--world-parameters <json>', 'extra world parameters as JSON')
    .option('--shard <index/total>', 'run one part of the suite, e.g. 2/3 on the second of three CI machines', shardOption)
    .addHelpText(
      'after',
      '\nExit code 0 when every scenario passes, 1 when one fails, 2 for a configuration mistake.\n' +
        'Examples:\n  eventspec test\n  eventspec test --store mongo --tags @orders\n  eventspec test features/order.feature -- --require-module tsconfig-paths/register',
    )
    .action(async (paths: string[], options: TestOptions) => done(await testCommand(options, paths, io)));
}

/** The feature paths among the arguments, as cucumber itself reads them (options after `--` taken into account). */
async function pathsGiven(
  rest: readonly string[],
  environment: { cwd: string },
  load: typeof import('@cucumber/cucumber/api').loadConfiguration,
): Promise<string[]> {
  if (rest.length === 0) return [];
  const { useConfiguration } = await load({ file: false, provided: [...rest] }, environment);
  return useConfiguration.paths;
}

/**
 * Cucumber `require`s the step definitions; a second run in the same process would find them
 * cached and register no steps. Forgetting the project's own modules the run loaded (not packages)
 * lets `testCommand` run again, e.g. from a watcher or a test.
 */
function forgetProjectModules(loadedBefore: ReadonlySet<string>): void {
  for (const key of Object.keys(require.cache)) {
    if (!loadedBefore.has(key) && !key.includes(`${sep}node_modules${sep}`)) delete require.cache[key];
  }
}

/**
 * Cucumber deals scenarios round-robin after filtering and before ordering, so every machine given
 * the same features and tags takes a disjoint part and the parts cover the suite. It accepts `0/3`
 * and `4/3` and then runs nothing, which would pass a CI job that tested nothing: refused here.
 */
export function shardOption(value: string): string {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) {
    throw new InvalidArgumentError(`--shard takes <index>/<total> with 1 ≤ index ≤ total, e.g. 1/3 for the first of three machines; "${value}" is not one.`);
  }
  return `${index}/${total}`;
}

function wholeNumber(flag: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${flag} takes a whole number.`);
    return Number(value);
  };
}
