import type { EventStore } from '../eventStore/eventStore';
import type { AnyProcess } from '../processes/defineProcess';
import type { ProcessRunner } from '../processes/processRunner';

/** A scenario's process runner made on demand, and the store that tells it when it is needed. */
export interface ProcessesOnDemand {
  /** Stands for the real runner; `start` only notes that it should follow once made. */
  readonly runner: ProcessRunner;
  /** Whether the real runner has been made (a test seam: most scenarios never make it). */
  readonly made: () => boolean;
  /** `events`, with an `append` that makes (and, if asked, starts) the runner once an event some process handles is stored. */
  watch(events: EventStore): EventStore;
}

// Per list of processes (scenario.ts keeps one per domain), not per scenario.
const handledSets = new WeakMap<readonly AnyProcess[], ReadonlySet<string>>();

/** The event types some process of the list handles. */
function handledBy(processes: readonly AnyProcess[]): ReadonlySet<string> {
  let handled = handledSets.get(processes);
  if (!handled) {
    handled = new Set(processes.flatMap((p) => [...p.eventsByName.keys()]));
    handledSets.set(processes, handled);
  }
  return handled;
}

/**
 * Most scenarios store no event a process handles, yet a started runner follows every append, and
 * making one builds a projection per process (docs/performance.md). Until such an event is stored
 * the processes have nothing to do, so the runner is made then: it starts from the first event,
 * so it sees all that came before, as one started at once would. A step that reads process state
 * (an instance, deadlines, firing them, status) makes it too.
 */
export function processesOnDemand(processes: readonly AnyProcess[], make: () => ProcessRunner): ProcessesOnDemand {
  const handled = handledBy(processes);
  let runner: ProcessRunner | undefined;
  let ready: Promise<ProcessRunner> | undefined;
  let following = false;

  const made = (): Promise<ProcessRunner> =>
    (ready ??= (async () => {
      const real = make();
      runner = real;
      if (following) await real.start();
      return real;
    })());

  const onDemand: ProcessRunner = {
    processes,
    async start() {
      following = true;
      if (runner) await runner.start();
    },
    async stop() {
      following = false;
      if (ready) await (await ready).stop();
    },
    // Not made yet: no event a process handles is stored, so there is nothing to catch up on.
    caughtUp: async () => {
      if (ready) await (await ready).caughtUp();
    },
    fireDue: async () => (await made()).fireDue(),
    instance: async (process, id) => (await made()).instance(process, id),
    deadlines: async (process) => (await made()).deadlines(process),
    status: async () => (await made()).status(),
  };

  return {
    runner: onDemand,
    made: () => runner !== undefined,
    watch: (events) => ({
      ...events,
      async append(streamId, batch, options) {
        const result = await events.append(streamId, batch, options);
        if (!ready && batch.some((event) => handled.has(event.type))) await made();
        return result;
      },
    }),
  };
}
