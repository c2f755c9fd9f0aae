import { STORE_HOOK, STORE_UNAVAILABLE } from './storeHook';
import { redactCredentials, scrubError } from '../core/redactCredentials';
import { After, AfterAll, Before, defineParameterType, defineStep, setWorldConstructor, World } from '@cucumber/cucumber';
import type { IWorldOptions } from '@cucumber/cucumber';
import { controllableClock } from '../core/clock';
import { EventspecError } from '../core/errors';
import { sequentialIds } from '../core/ids';
import type { Domain } from '../domain/defineDomain';
import { memoryScenarioStores } from '../testing/memoryScenarioStores';
import { RECORDED_EVENTS_FILE } from '../testing/recordedEventsAttachment';
import type { Scenario } from '../testing/scenario';
import { createScenario } from '../testing/scenario';
import type { ScenarioStoreFactory } from '../testing/scenarioStores';
import { scenarioTransportNamed } from '../testing/scenarioTransport';
import { atDefinitionSite } from './definitionSite';
import { compile, domainParameterTypes, domainRegistry, parameterCount } from './domainParameterTypes';
import { staleEditorFile } from './editorStepsFile';
import { rememberInstalledDomain } from './installedDomain';
import { useNativeMatchIndices } from './nativeMatchIndices';
import { checkOutlinePlaceholders } from './outlinePlaceholders';
import { phrasingSteps } from './phrasingSteps';
import { readSideSteps } from './readSideSteps';
import type { StepArgument } from './stepContext';
import type { StepPlace } from './stepPlace';
import { placesOf } from './stepPlace';
import { quoteInValue } from './quoteInValue';
import { domainErrorAtStep } from './domainErrorAtStep';
import { ScenarioError } from './scenarioError';
import type { VocabularyStep } from './vocabulary';
import { vocabulary } from './vocabulary';

/** Scenarios with one of these tags update read models and run processes inside each append, not in the background. */
export const INLINE_TAGS: readonly string[] = ['@inline', '@inline-read-models'];

export interface InstallOptions {
  /** More store factories by name, chosen by the world parameter `store`; `memory` (the default) and `mongo` are built in. */
  stores?: Record<string, () => ScenarioStoreFactory>;
}

/** The per-scenario world cucumber creates: it holds the scenario and where each step is written. */
export class EventspecWorld extends World {
  scenario!: Scenario;
  places: StepPlace[] = [];
  cursor = 0;

  constructor(options: IWorldOptions) {
    super(options);
  }

  /** The place of the step now running: the next step, from the last one found, whose text matches. */
  placeOf(pattern: RegExp): StepPlace | undefined {
    for (let i = this.cursor; i < this.places.length; i++) {
      if (pattern.test(this.places[i]!.text)) {
        this.cursor = i + 1;
        return this.places[i];
      }
    }
    return undefined;
  }
}

interface DataTableLike {
  raw(): string[][];
}

function argumentOf(value: unknown): StepArgument {
  if (typeof value === 'string') return { docString: value };
  if (value && typeof (value as DataTableLike).raw === 'function') return { table: (value as DataTableLike).raw() };
  return undefined;
}

/**
 * A step function declared with one parameter more than its captures. Cucumber passes the table or
 * doc string there when the step has one, and its own callback when it has none; given the
 * callback, the step settles through it and returns nothing. Returning a promise as well made
 * cucumber fail the step with "multiple asynchronous interfaces" while the body still ran, and its
 * rejection then surfaced as a later scenario's failure.
 */
function stepFunction(captures: number, body: (world: EventspecWorld, args: unknown[], argument: unknown) => Promise<void>) {
  const run = function (this: EventspecWorld, ...args: unknown[]): Promise<void> | undefined {
    const last = args[captures];
    if (typeof last === 'function') {
      const done = last as (error?: unknown) => void;
      body(this, args.slice(0, captures), undefined).then(() => done(), (error: unknown) => done(error ?? new Error('the step failed')));
      return undefined;
    }
    return body(this, args.slice(0, captures), last);
  };
  // Cucumber reads the declared length to tell the table slot from its callback.
  Object.defineProperty(run, 'length', { value: captures + 1 });
  return run;
}

/** A step bound to a domain: its expression compiled with the domain's names. */
interface BoundStep {
  readonly step: VocabularyStep;
  readonly pattern: RegExp;
}

function register(bound: BoundStep, isStep: (text: string) => boolean): void {
  const { step, pattern } = bound;
  const captures = parameterCount(step.cucumberExpression);
  atDefinitionSite(step.declaredAt, () =>
    defineStep(
      step.cucumberExpression,
      stepFunction(captures, async (world, args, given) => {
        const place = world.placeOf(pattern);
        const argument = argumentOf(given);
        const problem = argumentProblem(step, place?.text, argument, isStep);
        if (problem) throw new ScenarioError(place, problem);
        if (place?.phase) world.scenario.enter(place.phase);
        try {
          await step.run({ scenario: world.scenario, place }, args.map(String), argument);
        } catch (error) {
          throw domainErrorAtStep(error, place);
        }
      }),
    ),
  );
}

/** A table or doc string where the step takes none, or none where it needs one: what to change. */
export function argumentProblem(step: Pick<VocabularyStep, 'argument'>, text: string | undefined, argument: StepArgument, isStep: (text: string) => boolean): string | undefined {
  const what = step.argument === 'tableOrDocString' ? 'a table (or a doc string)' : step.argument === 'docString' ? 'a doc string' : 'a table';
  if (step.argument !== 'none' && argument === undefined) {
    if (text === undefined || !text.endsWith(':')) return `this step needs ${what} under it`;
    return isStep(text.slice(0, -1).trimEnd())
      ? `this step ends with ':' but has no table under it; add ${what} or remove the colon`
      : `this step ends with ':' but has no table under it; add ${what} under it`;
  }
  if (step.argument === 'table' && argument !== undefined && 'docString' in argument) return 'this step needs a table under it, not a doc string; write the values as a table';
  if (step.argument === 'docString' && argument !== undefined && 'table' in argument) return 'this step needs a doc string under it, not a table';
  if (step.argument === 'none' && argument !== undefined) {
    const given = 'table' in argument ? 'table' : 'doc string';
    return text !== undefined && isStep(`${text}:`)
      ? `this step has a ${given} under it but does not end with ':'; add the colon to give fields, or remove the ${given}`
      : `this step takes no table or doc string; remove the ${given} under it`;
  }
  return undefined;
}

/** Installs the eventspec vocabulary and the domain's phrasings into cucumber, with a fresh store per scenario. */
export function installSteps(domain: Domain, options: InstallOptions = {}): void {
  // Cucumber's step matching without its polyfill (nativeMatchIndices.ts): most of a dry run's time.
  useNativeMatchIndices();
  const factories: Record<string, () => ScenarioStoreFactory> = {
    memory: () => memoryScenarioStores,
    // Loaded only when a run asks for it: the driver is an optional peer dependency.
    mongo: () => (require('../mongo') as typeof import('../mongo')).mongoScenarioStoresFromEnvironment(),
    ...options.stores,
  };
  const opened = new Map<string, ScenarioStoreFactory>();
  const announced = new Set<string>();

  const phrasings = phrasingSteps(domain);
  const types = domainParameterTypes(domain);
  const registry = domainRegistry(types);
  const bound: BoundStep[] = [...vocabulary, ...phrasings].map((step) => ({ step, pattern: compile(step.cucumberExpression, registry).regexp }));
  // Steps known never to read a read model: everything but the read-side vocabulary.
  const isCommandSide = matchesAny(bound.filter(({ step }) => !readSideSteps.includes(step)).map(({ pattern }) => pattern));

  rememberInstalledDomain(domain, bound.map(({ pattern }) => pattern));
  const isStep = matchesAny(bound.map(({ pattern }) => pattern));
  // Checked by the coordinating process only: parallel workers would each say it again, and pay for it.
  const stale = process.env.CUCUMBER_WORKER_ID === undefined ? staleEditorFile(domain, process.cwd()) : undefined;
  if (stale) console.warn(`eventspec: ${stale}`);
  setWorldConstructor(EventspecWorld);
  // The domain's names as parameter types: a misspelled name leaves its step undefined, which
  // `cucumber-js --dry-run` reports with the line and the closest step (see snippetSyntax.ts).
  for (const type of types) {
    defineParameterType({ name: type.name, regexp: new RegExp(type.regexp), transformer: type.transformer, useForSnippets: false });
  }

  /** The run's store factory, made once. One that cannot be made fails each scenario in one line, no stack. */
  const factoryFor = (storeName: string): ScenarioStoreFactory => {
    let factory = opened.get(storeName);
    if (factory) return factory;
    const make = factories[storeName];
    if (!make) throw briefError(`unknown store "${storeName}" in the world parameters; known stores: ${Object.keys(factories).join(', ')}`);
    try {
      factory = make();
    } catch (error) {
      throw briefError(`the ${storeName} store cannot be used: ${redactCredentials((error as Error).message)}`, scrubError(error));
    }
    opened.set(storeName, factory);
    return factory;
  };

  Before({ name: STORE_HOOK }, async function (this: EventspecWorld, { pickle, gherkinDocument }) {
    const storeName = String(this.parameters.store ?? 'memory');
    const factory = factoryFor(storeName);
    const unavailable = await factory.unavailable?.();
    if (unavailable) {
      // Where a server is expected (CI), a skip would pass a run that tested nothing.
      if (process.env.EVENTSPEC_REQUIRE_MONGODB === '1') throw briefError(`EVENTSPEC_REQUIRE_MONGODB=1, so this scenario fails instead of skipping: ${unavailable}`);
      // Said once per run, loudly; every scenario then reports itself skipped rather than passed.
      if (!announced.has(storeName)) console.log(`\n*** SKIPPED scenarios on the ${storeName} store: ${unavailable} ***\n`);
      announced.add(storeName);
      // Cucumber skips this hook for other reasons too (--fail-fast, an earlier hook): this says why here.
      this.attach(unavailable, { mediaType: STORE_UNAVAILABLE });
      return 'skipped';
    }
    const clock = controllableClock();
    const stores = await factory.create({ clock, scenario: pickle.name });
    // The world parameter `inline: true` runs a whole suite inline, to prove it passes both ways.
    const inline = this.parameters.inline === true || pickle.tags.some((tag) => INLINE_TAGS.includes(tag.name));
    // The world parameter `transport` (the `http` profile) sends the steps' commands and reads through a registered transport.
    const transport = this.parameters.transport === undefined ? undefined : transportFor(String(this.parameters.transport));
    this.scenario = createScenario({ domain, stores, clock, ids: sequentialIds(), readSide: inline ? 'inline' : 'live', ...(transport ? { transport } : {}) });
    this.places = placesOf(pickle, gherkinDocument);
    checkOutlinePlaceholders(pickle, gherkinDocument, this.places);
    // A live runner follows every append: a tenth of the kit's time on 2,000 command-only scenarios
    // (docs/performance.md). So it starts only when some step may read a read model: a read-side
    // step, or any step that is not eventspec's own (a project's steps may look).
    let mayRead = false;
    for (const place of this.places) {
      // A command-side step is a known step, so it holds no stray quote either: one match for both questions.
      if (isCommandSide(place.text)) continue;
      mayRead = true;
      // Cucumber would report such a step as undefined, with a snippet of the line cut at the quote.
      const problem = place.text.includes('"') ? quoteInValue(place.text, isStep) : undefined;
      if (problem) throw new ScenarioError(place, problem);
    }
    if (this.scenario.readSide?.mode === 'live' && mayRead) await this.scenario.readSide.runner.start();
    // Processes send commands, which every later step may see: they follow from the start (the runner is made when needed, scenario.ts).
    if (!inline) await this.scenario.processes?.runner.start();
  });

  After({ name: 'eventspec: record events and release stores' }, async function (this: EventspecWorld) {
    if (!this.scenario) return;
    const events = this.scenario.recorded.map(({ streamId, version, position, type, schemaVersion, data, metadata }) => ({
      streamId,
      version,
      position,
      type,
      schemaVersion,
      data,
      metadata,
    }));
    // What the processes sent, for the living documentation's process pages.
    const sent = (this.scenario.processes?.sent ?? []).map(({ process, instance, trigger, request, result }) => ({
      process,
      instance,
      trigger,
      aggregate: request.aggregate,
      id: request.id,
      command: request.command.type,
      outcome: result.status === 'accepted' ? 'accepted' : result.rejection,
    }));
    this.attach(JSON.stringify(sent.length > 0 ? { events, sent } : { events }), { mediaType: 'application/json', fileName: RECORDED_EVENTS_FILE });
    await this.scenario.processes?.runner.stop();
    await this.scenario.readSide?.runner.stop();
    await this.scenario.stores.dispose();
  });

  AfterAll(async function () {
    for (const factory of opened.values()) await factory.close();
  });

  for (const step of bound) register(step, isStep);
}

/**
 * Whether a step text matches one of the patterns, as one regexp: the Before hook asks it of every
 * step of every scenario, and one native match beats dozens of separate ones. Sticky, so it is
 * tried at the start of the text only, as each anchored pattern would be.
 */
export function matchesAny(patterns: readonly RegExp[]): (text: string) => boolean {
  if (patterns.length === 0) return () => false;
  const any = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'y');
  return (text) => {
    any.lastIndex = 0;
    return any.test(text);
  };
}

/** The registered transport of that name; one that is not registered fails the scenario in one line. */
function transportFor(name: string) {
  try {
    return scenarioTransportNamed(name);
  } catch (error) {
    throw briefError((error as Error).message);
  }
}

/** A setup problem told in one line: its message is the whole story (EVENTSPEC_DEBUG=1 keeps the stack). */
function briefError(message: string, cause?: unknown): EventspecError {
  const error = new EventspecError(message, cause === undefined ? undefined : { cause });
  if (!process.env.EVENTSPEC_DEBUG) error.stack = `${error.name}: ${message}`;
  return error;
}
