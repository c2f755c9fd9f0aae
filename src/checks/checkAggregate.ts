import fc from 'fast-check';
import type { AnyAggregate } from '../aggregate/defineAggregate';
import type { Domain } from '../domain/defineDomain';
import type { AggregateModel } from './aggregateModel';
import type { SequenceOptions } from './commandSequence';
import { stepsArbitrary } from './commandSequence';
import type { Counterexample, PropertyFailure } from './counterexample';
import { counterexampleToGherkin } from './gherkinCounterexample';
import type { PropertyName, PropertySwitches } from './properties';
import { enabledProperties } from './properties';
import { writeRegression } from './regressionFile';
import { CheckSetupError, runSequence } from './runSequence';
import { checkUpcastPair, differingPairs, upcastTargetName, upcastTargets } from './upcasterCheck';

/** What one aggregate is checked with, beyond the defaults. */
export interface AggregateCheckOptions extends SequenceOptions {
  model?: AggregateModel;
  properties?: PropertySwitches;
}

export interface CheckProgress {
  readonly aggregate: string;
  /** `commands` for command sequences, `OrderPlaced@v1` for an upcaster chain. */
  readonly target: string;
  readonly run: number;
  readonly runs: number;
  /** True once a failure was found and fast-check is shrinking it. */
  readonly shrinking: boolean;
}

export interface CheckOptions extends AggregateCheckOptions {
  /** Generated cases per target (default 100). */
  runs?: number;
  seed?: number;
  /** Replays one failure exactly, with the seed it was found with. */
  path?: string;
  onProgress?: (progress: CheckProgress) => void;
  /** Append a failing scenario to `<dir>/<aggregate>.feature` (true: features/regressions). */
  regressions?: boolean | string;
}

export interface CheckPassed {
  readonly status: 'passed';
  readonly aggregate: string;
  readonly seed: number;
  /** Cases run, over all targets. */
  readonly runs: number;
  readonly properties: readonly PropertyName[];
}

export interface CheckFailed {
  readonly status: 'failed';
  readonly aggregate: string;
  readonly property: PropertyName;
  readonly message: string;
  readonly counterexample: Counterexample;
  /** The counterexample as a scenario to paste into a feature file. */
  readonly gherkin: string;
  readonly seed: number;
  readonly path: string;
  readonly runs: number;
  readonly shrinks: number;
  /** The regression file the scenario was appended to, when asked. */
  readonly regressionFile?: string;
}

export type CheckResult = CheckPassed | CheckFailed;

/** Thrown inside a property so fast-check shrinks it; carries the failure as a scenario. */
class FailureSignal extends Error {
  constructor(readonly failure: PropertyFailure) {
    super(failure.message);
  }
}

interface Target {
  readonly name: string;
  readonly property: fc.IRawProperty<unknown[]>;
}

/**
 * Checks one aggregate with generated command sequences (and upcaster chains) through the real
 * command handler and in-memory stores. A failure comes back shrunk, as a Gherkin scenario.
 */
export async function checkAggregate(domain: Domain, aggregateName: string, options: CheckOptions = {}): Promise<CheckResult> {
  const aggregate = domain.aggregate(aggregateName);
  const on = enabledProperties(options.properties);
  const runs = options.runs ?? 100;
  if (!(Number.isInteger(runs) && runs > 0)) throw new RangeError(`runs must be a whole number above 0, got ${runs}`);
  const seed = options.seed ?? (Math.floor(Math.random() * 0x100000000) | 0);
  const replay = options.path !== undefined ? parsePath(options.path) : undefined;

  let total = 0;
  for (const target of targets(aggregate, options, on)) {
    if (replay && replay.target !== target.name) continue;
    let run = 0;
    let shrinking = false;
    const progress = (failed: boolean) => {
      run += 1;
      shrinking ||= failed;
      options.onProgress?.({ aggregate: aggregate.name, target: target.name, run, runs, shrinking });
    };
    const watched = watch(target.property, progress);
    const details = await fc.check(watched, { numRuns: runs, seed, ...(replay ? { path: replay.path } : {}) });
    total += details.numRuns;
    if (!details.failed) continue;
    const error = details.errorInstance;
    if (!(error instanceof FailureSignal)) {
      if (error instanceof CheckSetupError) throw new CheckSetupError(`checks of ${aggregate.name}: ${error.message}`);
      throw error instanceof Error ? error : new Error(`checks of ${aggregate.name} stopped: ${String(error)}`);
    }
    const { failure } = error;
    const path = target.name === 'commands' ? details.counterexamplePath ?? '' : `${target.name}:${details.counterexamplePath ?? ''}`;
    const gherkin = counterexampleToGherkin(failure.counterexample, aggregate, { seed: details.seed, path });
    const regressionFile = options.regressions ? await writeRegression(options.regressions === true ? 'features/regressions' : options.regressions, aggregate.name, gherkin) : undefined;
    return {
      status: 'failed',
      aggregate: aggregate.name,
      property: failure.property,
      message: failure.message,
      counterexample: failure.counterexample,
      gherkin,
      seed: details.seed,
      path,
      runs: details.numRuns,
      shrinks: details.numShrinks,
      ...(regressionFile !== undefined ? { regressionFile } : {}),
    };
  }
  if (replay && !targets(aggregate, options, on).some((t) => t.name === replay.target)) {
    throw new RangeError(`path "${options.path}" names ${replay.target}, which ${aggregate.name} has no check for`);
  }
  return { status: 'passed', aggregate: aggregate.name, seed, runs: total, properties: [...on].filter((p) => p !== 'model' || options.model !== undefined) };
}

export interface DomainCheckOptions extends Omit<CheckOptions, keyof AggregateCheckOptions> {
  properties?: PropertySwitches;
  /** Per aggregate: arbitraries, model, properties. */
  aggregates?: Readonly<Record<string, AggregateCheckOptions>>;
}

/** Checks every aggregate of a domain in turn; one result each. */
export async function checkDomain(domain: Domain, options: DomainCheckOptions = {}): Promise<CheckResult[]> {
  const { aggregates: perAggregate = {}, ...shared } = options;
  for (const name of Object.keys(perAggregate)) domain.aggregate(name);
  const results: CheckResult[] = [];
  for (const aggregate of domain.aggregates) {
    const own = perAggregate[aggregate.name] ?? {};
    results.push(await checkAggregate(domain, aggregate.name, { ...shared, ...own, properties: { ...shared.properties, ...own.properties } }));
  }
  return results;
}

function targets(aggregate: AnyAggregate, options: AggregateCheckOptions, on: ReadonlySet<PropertyName>): Target[] {
  const list: Target[] = [];
  const context = { aggregate, properties: on, model: options.model };
  // Snapshot intervals of 1–3 events (or the aggregate's own, when that small) so short runs go through snapshots.
  const own = aggregate.snapshot?.every;
  const every = own !== undefined && own <= 3 ? fc.constant(own) : fc.integer({ min: 1, max: 3 });
  list.push({
    name: 'commands',
    property: fc.asyncProperty(stepsArbitrary(aggregate, options), every, async (steps, interval) => {
      const failure = await runSequence(context, steps, interval);
      if (failure) throw new FailureSignal(failure);
    }) as unknown as fc.IRawProperty<unknown[]>,
  });
  if (!on.has('upcasters')) return list;
  for (const target of upcastTargets(aggregate)) {
    const pairs = differingPairs(target);
    if (!pairs) continue;
    list.push({
      name: upcastTargetName(target),
      property: fc.property(pairs, (pair) => {
        const failure = checkUpcastPair(aggregate, target, pair);
        if (failure) throw new FailureSignal(failure);
      }) as unknown as fc.IRawProperty<unknown[]>,
    });
  }
  return list;
}

function parsePath(path: string): { target: string; path: string } {
  const match = /^([A-Za-z][A-Za-z0-9_]*@v\d+):(.*)$/.exec(path);
  if (match) return { target: match[1]!, path: match[2]! };
  if (!/^\d+(:\d+)*$/.test(path)) {
    throw new RangeError(`path "${path}" is not a replay path; copy it from a failure report, e.g. "3:1:0" or "OrderPlaced@v1:2:0"`);
  }
  return { target: 'commands', path };
}

/** The same property, reporting each run (and whether it failed) for progress output. */
function watch(property: fc.IRawProperty<unknown[]>, report: (failed: boolean) => void): fc.IRawProperty<unknown[]> {
  const run = property.run.bind(property);
  return Object.assign(Object.create(property) as fc.IRawProperty<unknown[]>, {
    run: (value: unknown[]) => {
      const outcome = run(value);
      const settle = (result: unknown) => {
        report(result !== null && result !== undefined);
        return result;
      };
      return outcome instanceof Promise ? outcome.then(settle) : settle(outcome);
    },
  }) as fc.IRawProperty<unknown[]>;
}
