import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { AnyAggregate } from '../aggregate/defineAggregate';
import { createCommandHandler } from '../commandHandling/commandHandler';
import type { CommandHandler } from '../commandHandling/commandHandler';
import { controllableClock } from '../core/clock';
import type { RecordedEvent } from '../core/envelope';
import type { Domain } from '../domain/defineDomain';
import { inMemoryEventStore } from '../eventStore/inMemoryEventStore';
import type { ProjectedEvent } from '../projections/defineProjection';
import { inMemoryReadModelStore } from '../projections/inMemoryReadModelStore';
import type { ReadModelStore } from '../projections/readModelStore';
import { handlerAccess, unitOfWork } from '../projections/unitOfWork';
import { isProcess } from '../processes/defineProcess';
import type { AnyProcess } from '../processes/defineProcess';
import { instancesOf, processProjection } from '../processes/processProjection';
import type { InstanceDocument } from '../processes/processProjection';
import { processRunner } from '../processes/processRunner';
import type { SentCommand } from '../processes/processStep';
import { commandArbitrary } from './commandSequence';
import type { Step } from './commandSequence';
import { quote, replayComment, whenLines } from './gherkinCounterexample';
import { CHECK_TIME, chooseCommand } from './runSequence';

/** What every process is checked against. */
export const PROCESS_PROPERTIES = {
  noProcessErrors: 'the process handles every event: no handler fails, every refusal it meets is compensated',
  endsOrWaits: 'every instance that started has completed or waits for a deadline',
  sameCommands: 'given every event twice and instances interleaved, it sends the same commands, each recorded once',
  sameState: 'given every event twice and instances interleaved, its instances end in the same state',
} as const;

export type ProcessPropertyName = keyof typeof PROCESS_PROPERTIES;

export interface ProcessCheckOptions {
  runs?: number;
  seed?: number;
  path?: string;
  /** Longest generated command sequence (default 12). */
  maxCommands?: number;
}

export type ProcessCheckResult =
  | { readonly status: 'passed'; readonly process: string; readonly seed: number; readonly runs: number }
  | {
      readonly status: 'failed';
      readonly process: string;
      readonly property: ProcessPropertyName;
      readonly message: string;
      /** The commands that lead there, as a scenario to paste into a feature file. */
      readonly gherkin: string;
      readonly seed: number;
      readonly path: string;
      readonly runs: number;
    };

/** Instance ids shared by every aggregate, so an order, its payment and its stock line up. */
const IDS = ['alpha', 'bravo'];

interface ProcessStep extends Step {
  readonly aggregate: string;
}

interface Failure {
  readonly property: ProcessPropertyName;
  readonly message: string;
  /** The instance the Then step names. */
  readonly instance?: string;
  readonly sent: readonly { aggregate: AnyAggregate; id: string; command: { type: string; data: unknown } }[];
}

class FailureSignal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/**
 * Checks a process with generated command sequences on the domain's aggregates: the process
 * runs on what they record, then gets every event it saw again, twice, with its instances
 * interleaved another way. A failure comes back shrunk, as a scenario.
 */
export async function checkProcess(domain: Domain, name: string, options: ProcessCheckOptions = {}): Promise<ProcessCheckResult> {
  const process = domain.processes.filter(isProcess).find((p) => p.name === name);
  if (!process) throw new RangeError(`no process named ${name}; the domain has ${domain.processes.filter(isProcess).map((p) => p.name).join(', ') || 'none'}`);
  const runs = options.runs ?? 100;
  const seed = options.seed ?? (Math.floor(Math.random() * 0x100000000) | 0);
  // Mostly commands to the aggregates whose events the process reacts to, so sequences reach it.
  const sources = new Set(process.from.flatMap((event) => domain.aggregates.filter((a) => a.eventsByName.has(event.name)).map((a) => a.name)));
  const step = fc.oneof(
    ...domain.aggregates.map((aggregate) => ({
      weight: sources.has(aggregate.name) ? 4 : 1,
      arbitrary: fc.record({ aggregate: fc.constant(aggregate.name), id: fc.constantFrom(...IDS), candidates: fc.array(commandArbitrary(aggregate), { minLength: 1, maxLength: 4 }) }),
    })),
  );
  const property = fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: options.maxCommands ?? 12, size: 'max' }), async (steps) => {
    const failure = await runProcessCase(domain, process, steps);
    if (failure) throw new FailureSignal(failure);
  });
  const details = await fc.check(property, { numRuns: runs, seed, ...(options.path !== undefined ? { path: options.path } : {}) });
  if (!details.failed) return { status: 'passed', process: process.name, seed, runs: details.numRuns };
  const error = details.errorInstance;
  if (!(error instanceof FailureSignal)) throw error instanceof Error ? error : new Error(`checks of ${process.name} stopped: ${String(error)}`);
  const path = details.counterexamplePath ?? '';
  return {
    status: 'failed',
    process: process.name,
    property: error.failure.property,
    message: error.failure.message,
    gherkin: processScenario(process, error.failure, { seed: details.seed, path }),
    seed: details.seed,
    path,
    runs: details.numRuns,
  };
}

async function runProcessCase(domain: Domain, process: AnyProcess, steps: readonly ProcessStep[]): Promise<Failure | undefined> {
  const clock = controllableClock(CHECK_TIME);
  const events = inMemoryEventStore({ clock });
  const readModels = inMemoryReadModelStore();
  const sent: SentCommand[] = [];
  const commands = createCommandHandler({ domain, store: events, clock });
  const runner = processRunner({ events, readModels, domain, processes: [process], commands, clock, deadlineCheckEvery: 0, onSent: (s) => sent.push(s) });
  const handler = createCommandHandler({ domain, store: events, clock });
  const given: Failure['sent'][number][] = [];
  for (const s of steps) {
    const aggregate = domain.aggregate(s.aggregate);
    const command = chooseCommand(aggregate, s, (await handler.load(aggregate, s.id)).state);
    given.push({ aggregate, id: s.id, command });
    try {
      await handler.handle({ aggregate: aggregate.name, id: s.id, command });
      await runner.caughtUp();
    } catch (error) {
      // A domain that refuses generated data is the aggregate checks' business, not the process's.
      const own = processError(error, process.name);
      if (!own) continue;
      const instance = /instance "([^"]*)"/.exec(own)?.[1];
      return { property: 'noProcessErrors', message: own, ...(instance !== undefined ? { instance } : {}), sent: given };
    }
  }

  const instances = ((await readModels.find(instancesOf(process))) as { id: string; doc: InstanceDocument }[]);
  if (!process.stateless) {
    const stuck = instances.find(({ doc }) => doc.status === 'active' && Object.keys(doc.deadlines).length === 0);
    if (stuck) {
      return { property: 'endsOrWaits', message: `instance "${stuck.id}" is still running and waits for no deadline, so nothing will ever end it`, instance: stuck.id, sent: given };
    }
  }

  const stored = await events.readAll();
  const again = await redeliver(process, stored, commands);
  const original = [...new Set(sent.map(describeSent))].sort();
  const repeated = [...new Set(again.sent.map(describeSent))].sort();
  if (!isDeepStrictEqual(repeated, original)) {
    const extra = repeated.filter((s) => !original.includes(s));
    const missing = original.filter((s) => !repeated.includes(s));
    return {
      property: 'sameCommands',
      message: `given every event twice, it sent other commands${extra.length ? `; new: ${extra.join('; ')}` : ''}${missing.length ? `; not sent again: ${missing.join('; ')}` : ''}. Command ids must come from what triggered them, not from state that changes`,
      sent: given,
    };
  }
  const after = await events.readAll();
  if (after.length !== stored.length) {
    return { property: 'sameCommands', message: `given every event twice, ${after.length - stored.length} event(s) were recorded again`, sent: given };
  }
  if (!process.stateless) {
    for (const { id, doc } of instances) {
      const other = (await again.readModels.get(instancesOf(process), id)) as InstanceDocument | undefined;
      if (!isDeepStrictEqual(other?.state, doc.state)) {
        return { property: 'sameState', message: `given every event twice, instance "${id}" ends in another state: ${JSON.stringify(other?.state)} instead of ${JSON.stringify(doc.state)}`, instance: id, sent: given };
      }
    }
  }
  return undefined;
}

/** Every event the process reacts to, delivered twice; instances take turns, each in its own order. */
async function redeliver(process: AnyProcess, stored: readonly RecordedEvent[], commands: CommandHandler): Promise<{ sent: SentCommand[]; readModels: ReadModelStore }> {
  const readModels = inMemoryReadModelStore();
  const sent: SentCommand[] = [];
  const projection = processProjection(process, { send: (request) => commands.handle(request), onSent: (s) => sent.push(s) });
  const queues = new Map<string, ProjectedEvent[]>();
  for (const event of stored) {
    if (!process.eventsByName.has(event.type)) continue;
    const projected: ProjectedEvent = { ...event, aggregateId: event.streamId.slice(event.streamId.indexOf('-') + 1) };
    let key: string;
    try {
      key = process.correlate[event.type]!(projected);
    } catch {
      key = event.id;
    }
    queues.set(key, [...(queues.get(key) ?? []), projected, projected]);
  }
  // Round robin from the last instance first: another interleaving than the store's order.
  const lists = [...queues.values()].reverse();
  while (lists.some((l) => l.length > 0)) {
    for (const list of lists) {
      const event = list.shift();
      if (!event) continue;
      const work = unitOfWork(readModels);
      const access = handlerAccess(projection, work);
      try {
        await (projection.handlers as Record<string, (e: ProjectedEvent, m: unknown) => Promise<void>>)[event.type]!(event, access.models);
      } finally {
        await access.settle();
      }
      await readModels.commit({ projection: process.name, expectedCheckpoint: 0, checkpoint: 0, changes: work.changes() });
    }
  }
  return { sent, readModels };
}

/** The process's own words, from under the runner's wrapping (`process … failed on …`). */
function processError(error: unknown, name: string): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.message.startsWith(`process ${name}`)) return e.message;
  }
  return undefined;
}

const describeSent = (s: SentCommand) => `${s.request.commandId} ${s.request.aggregate} "${s.request.id}" ${s.request.command.type} ${JSON.stringify(s.request.command.data ?? {})}`;

function processScenario(process: AnyProcess, failure: Failure, hint: { seed: number; path: string }): string {
  const lines = [`  # ${process.name}: ${failure.message}`, `  ${replayComment(process.name, hint)}`, `  Scenario: ${PROCESS_PROPERTIES[failure.property].replace(/^the process /, `${process.name} `)}`];
  lines.push(`    Given the time is ${quote(CHECK_TIME.replace('.000Z', 'Z'))}`);
  failure.sent.forEach(({ aggregate, id, command }, i) => {
    const [first, ...rest] = whenLines(`${aggregate.name} ${quote(id)}`, command, aggregate);
    lines.push(i === 0 ? first! : first!.replace(/^(\s*)When /, '$1And '), ...rest);
  });
  if (failure.property === 'noProcessErrors') lines.push('    # the process stops on the last command: any Then step about it fails with its error');
  if (failure.instance !== undefined) lines.push(`    Then the ${process.name} process for ${quote(failure.instance)} is completed`);
  else lines.push('    # redelivery cannot be stated in Gherkin: replay it with the command above');
  return `${lines.join('\n')}\n`;
}
