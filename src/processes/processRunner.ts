import type { CommandHandler } from '../commandHandling/commandHandler';
import type { Clock } from '../core/clock';
import { systemClock } from '../core/clock';
import { EventspecError } from '../core/errors';
import type { Domain } from '../domain/defineDomain';
import type { EventStore } from '../eventStore/eventStore';
import type { ReadModelAccess } from '../projections/defineProjection';
import { projectionRunner } from '../projections/projectionRunner';
import type { ProjectionRunnerOptions, ProjectionStatus } from '../projections/projectionRunner';
import type { ReadModelStore } from '../projections/readModelStore';
import type { AnyProcess } from './defineProcess';
import { isProcess } from './defineProcess';
import { deadlineId, deadlinesOf, instancesOf, processProjection, storeOutcome } from './processProjection';
import type { DeadlineDocument, InstanceDocument } from './processProjection';
import { runProcessStep } from './processStep';
import type { SentCommand } from './processStep';

export interface ProcessRunnerOptions extends Pick<ProjectionRunnerOptions, 'batchSize' | 'retryBackoff' | 'onRetry' | 'onFailure' | 'failpoint' | 'observeBatch'> {
  events: EventStore;
  /** Where instances, deadlines and checkpoints are kept: the read side's store. */
  readModels: ReadModelStore;
  domain: Domain;
  /** The processes to run; defaults to the domain's. */
  processes?: readonly AnyProcess[];
  /** Sends the processes' commands. Its store must not wait for this runner (see `inlineProcesses`). */
  commands: CommandHandler;
  /** Decides when deadlines fall due (default: the system clock). */
  clock?: Clock;
  /** While following, how often due deadlines are looked for, in ms (default 1000; 0: only by `fireDue`). */
  deadlineCheckEvery?: number;
  /** Told of every command a process sends, accepted or refused. */
  onSent?: (sent: SentCommand) => void;
}

export interface ProcessStatus extends ProjectionStatus {
  readonly pendingDeadlines: number;
}

export interface ProcessRunner {
  readonly processes: readonly AnyProcess[];
  /** Follows new events, and looks for due deadlines every `deadlineCheckEvery` ms. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Resolves once every process has handled every event stored before the call, and the events
   * its own commands recorded meanwhile. Rejects with the error of a failed process.
   */
  caughtUp(): Promise<void>;
  /** Fires every deadline due by the clock's now; resolves with how many fired. */
  fireDue(): Promise<number>;
  instance(process: string, id: string): Promise<InstanceDocument | undefined>;
  deadlines(process: string): Promise<DeadlineDocument[]>;
  status(): Promise<ProcessStatus[]>;
}

/** Deadlines read per look at an index's front. */
const DUE_PAGE = 100;

export function processRunner(options: ProcessRunnerOptions): ProcessRunner {
  const { events, readModels, domain, commands } = options;
  const clock = options.clock ?? systemClock;
  const processes = options.processes ?? domain.processes.filter(isProcess);
  const byName = new Map(processes.map((p) => [p.name, p]));
  const effects = {
    send: (request: Parameters<CommandHandler['handle']>[0]) => commands.handle(request),
    ...(options.onSent ? { onSent: options.onSent } : {}),
  };
  const runner = projectionRunner({
    events,
    readModels,
    domain,
    projections: processes.map((p) => processProjection(p, effects)),
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.retryBackoff ? { retryBackoff: options.retryBackoff } : {}),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    ...(options.onFailure ? { onFailure: options.onFailure } : {}),
    ...(options.failpoint ? { failpoint: options.failpoint } : {}),
    ...(options.observeBatch ? { observeBatch: options.observeBatch } : {}),
  });
  const checkEvery = options.deadlineCheckEvery ?? 1000;
  let timer: NodeJS.Timeout | undefined;
  let firing: Promise<unknown> = Promise.resolve();
  const rekeyed = new Set<string>();

  // A health probe asks for the pending deadlines: counted, not read, where the store can.
  const countOf = async (readModel: string) => (readModels.count ? readModels.count(readModel) : (await readModels.find(readModel)).length);
  const lookup = (name: string): AnyProcess => {
    const process = byName.get(name);
    if (!process) throw new EventspecError(`no process named ${name}; the runner has ${[...byName.keys()].join(', ') || 'none'}`);
    return process;
  };

  /**
   * Reads the index from its front (ids lead with the due time), a page at a time, and stops at the
   * first deadline not yet due: the cost follows what is due, not how many are pending.
   */
  async function fireProcess(process: AnyProcess, now: string): Promise<number> {
    if (!rekeyed.has(process.name)) await rekeyDeadlines(process);
    let fired = 0;
    const seen = new Set<string>();
    for (;;) {
      const front = (await readModels.find(deadlinesOf(process), {}, { limit: DUE_PAGE })) as { id: string; doc: DeadlineDocument }[];
      // A deadline a handler set again for the same time stays at the front: fired once per call.
      const due = front.filter(({ id, doc }) => doc.due <= now && !seen.has(id));
      if (due.length === 0) return fired;
      await runner.within(process.name, async (models) => {
        for (const { id, doc } of due) {
          seen.add(id);
          // Read again under the lock: an event may have cancelled or moved it meanwhile.
          const current = (await models[deadlinesOf(process)]!.get(id)) as DeadlineDocument | undefined;
          if (!current || current.due !== doc.due) continue;
          await fireOne(process, models, current);
          fired += 1;
        }
      });
      if (front.length < DUE_PAGE || front.some(({ doc }) => doc.due > now)) return fired;
    }
  }

  /** Index entries stored under the ids of earlier versions (`instance/deadline`) get due-first ids, once per runner. */
  async function rekeyDeadlines(process: AnyProcess): Promise<void> {
    const all = (await readModels.find(deadlinesOf(process))) as { id: string; doc: DeadlineDocument }[];
    const stale = all.filter(({ id, doc }) => id !== deadlineId(doc.due, doc.instance, doc.deadline));
    if (stale.length > 0) {
      await runner.within(process.name, async (models) => {
        const index = models[deadlinesOf(process)]!;
        for (const { id, doc } of stale) {
          index.delete(id);
          index.put(deadlineId(doc.due, doc.instance, doc.deadline), doc);
        }
      });
    }
    rekeyed.add(process.name);
  }

  async function fireOne(process: AnyProcess, models: Record<string, ReadModelAccess<unknown>>, deadline: DeadlineDocument): Promise<void> {
    const stored = (await models[instancesOf(process)]!.get(deadline.instance)) as InstanceDocument | undefined;
    if (!stored || stored.status === 'completed' || stored.deadlines[deadline.deadline] !== deadline.due) {
      models[deadlinesOf(process)]!.delete(deadlineId(deadline.due, deadline.instance, deadline.deadline));
      return;
    }
    const pending = { ...stored.deadlines };
    delete pending[deadline.deadline];
    const handler = process.whenDue[deadline.deadline]!;
    const after = await runProcessStep(
      {
        process,
        instance: deadline.instance,
        at: new Date(deadline.due),
        trigger: `${process.name}/${deadline.instance}/${deadline.deadline}@${deadline.due}`,
        correlationId: deadline.instance,
        causationId: `${process.name}/${deadline.instance}/${deadline.deadline}`,
        what: `deadline ${deadline.deadline} (due ${deadline.due})`,
        cause: { kind: 'deadline', name: deadline.deadline },
      },
      { state: stored.state, deadlines: pending, completed: false },
      (state, actions) => handler(state, actions),
      effects,
    );
    storeOutcome(process, models, deadline.instance, stored, after, stored.position, deadline.due);
  }

  const self: ProcessRunner = {
    processes,
    async start() {
      await runner.start();
      if (checkEvery > 0 && !timer) {
        timer = setInterval(() => {
          firing = firing.then(() => self.fireDue()).catch(() => undefined);
        }, checkEvery);
        timer.unref();
      }
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await firing;
      await runner.stop();
    },
    async caughtUp() {
      for (;;) {
        const head = await events.headPosition();
        await runner.caughtUp();
        if ((await events.headPosition()) === head) return;
      }
    },
    async fireDue() {
      const now = clock.now().toISOString();
      let fired = 0;
      for (const process of processes) if (process.deadlines.length > 0) fired += await fireProcess(process, now);
      return fired;
    },
    async instance(name, id) {
      const process = lookup(name);
      return (await readModels.get(instancesOf(process), id)) as InstanceDocument | undefined;
    },
    async deadlines(name) {
      const process = lookup(name);
      return ((await readModels.find(deadlinesOf(process))) as { doc: DeadlineDocument }[]).map(({ doc }) => doc);
    },
    async status() {
      const statuses = await runner.status();
      return Promise.all(
        statuses.map(async (status) => ({ ...status, pendingDeadlines: await countOf(deadlinesOf(lookup(status.name))) })),
      );
    },
  };
  return self;
}
