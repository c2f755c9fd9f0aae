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
import { atDefinitionSite } from './definitionSite';
import { compile, domainParameterTypes, domainRegistry, parameterCount } from './domainParameterTypes';
import { staleEditorFile } from './editorStepsFile';
import { rememberInstalledDomain } from './installedDomain';
import { checkOutlinePlaceholders } from './outlinePlaceholders';
import { phrasingSteps } from './phrasingSteps';
import { readSideSteps } from './readSideSteps';
import type { StepArgument } from './stepContext';
import type { StepPlace } from './stepPlace';
import { placesOf } from './stepPlace';
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

/** Cucumber checks a step function's declared length, so each step gets a function of the right arity. */
function withArity(length: number, body: (world: EventspecWorld, args: unknown[]) => Promise<void>) {
  switch (length) {
    case 0: return function (this: EventspecWorld) { return body(this, []); };
    case 1: return function (this: EventspecWorld, a: unknown) { return body(this, [a]); };
    case 2: return function (this: EventspecWorld, a: unknown, b: unknown) { return body(this, [a, b]); };
    case 3: return function (this: EventspecWorld, a: unknown, b: unknown, c: unknown) { return body(this, [a, b, c]); };
    case 4: return function (this: EventspecWorld, a: unknown, b: unknown, c: unknown, d: unknown) { return body(this, [a, b, c, d]); };
    case 5: return function (this: EventspecWorld, a: unknown, b: unknown, c: unknown, d: unknown, e: unknown) { return body(this, [a, b, c, d, e]); };
    default: throw new TypeError(`a step with ${length} parameters is more than eventspec supports (5)`);
  }
}

/** A step bound to a domain: its expression compiled with the domain's names. */
interface BoundStep {
  readonly step: VocabularyStep;
  readonly pattern: RegExp;
}

function register(bound: BoundStep): void {
  const { step, pattern } = bound;
  const captures = parameterCount(step.cucumberExpression);
  const takesArgument = step.argument !== 'none';
  atDefinitionSite(step.declaredAt, () =>
    defineStep(
      step.cucumberExpression,
      withArity(captures + (takesArgument ? 1 : 0), async (world, args) => {
        const place = world.placeOf(pattern);
        if (place?.phase) world.scenario.enter(place.phase);
        const argument = takesArgument ? argumentOf(args[captures]) : undefined;
        await step.run({ scenario: world.scenario, place }, args.slice(0, captures).map(String), argument);
      }),
    ),
  );
}

/** Installs the eventspec vocabulary and the domain's phrasings into cucumber, with a fresh store per scenario. */
export function installSteps(domain: Domain, options: InstallOptions = {}): void {
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
  const commandSide = bound.filter(({ step }) => !readSideSteps.includes(step)).map(({ pattern }) => pattern);

  rememberInstalledDomain(domain, bound.map(({ pattern }) => pattern));
  const stale = staleEditorFile(domain, process.cwd());
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

  Before({ name: 'eventspec: fresh stores' }, async function (this: EventspecWorld, { pickle, gherkinDocument }) {
    const storeName = String(this.parameters.store ?? 'memory');
    const factory = factoryFor(storeName);
    const unavailable = await factory.unavailable?.();
    if (unavailable) {
      // Said once per run, loudly; every scenario then reports itself skipped rather than passed.
      if (!announced.has(storeName)) console.log(`\n*** SKIPPED scenarios on the ${storeName} store: ${unavailable} ***\n`);
      announced.add(storeName);
      return 'skipped';
    }
    const clock = controllableClock();
    const stores = await factory.create({ clock, scenario: pickle.name });
    // The world parameter `inline: true` runs a whole suite inline, to prove it passes both ways.
    const inline = this.parameters.inline === true || pickle.tags.some((tag) => INLINE_TAGS.includes(tag.name));
    this.scenario = createScenario({ domain, stores, clock, ids: sequentialIds(), readSide: inline ? 'inline' : 'live' });
    // A live runner follows every append: a tenth of the kit's time on 2,000 command-only scenarios
    // (docs/performance.md). So it starts only when some step may read a read model: a read-side
    // step, or any step that is not eventspec's own (a project's steps may look).
    const mayRead = pickle.steps.some((s) => !commandSide.some((pattern) => pattern.test(s.text)));
    if (this.scenario.readSide?.mode === 'live' && mayRead) await this.scenario.readSide.runner.start();
    // Processes send commands, which every later step may see: they follow from the start.
    if (!inline) await this.scenario.processes?.runner.start();
    this.places = placesOf(pickle, gherkinDocument);
    checkOutlinePlaceholders(pickle, gherkinDocument, this.places);
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

  for (const step of bound) register(step);
}

/** A setup problem told in one line: its message is the whole story (EVENTSPEC_DEBUG=1 keeps the stack). */
function briefError(message: string, cause?: unknown): EventspecError {
  const error = new EventspecError(message, cause === undefined ? undefined : { cause });
  if (!process.env.EVENTSPEC_DEBUG) error.stack = `${error.name}: ${message}`;
  return error;
}
