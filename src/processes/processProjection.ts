import { z } from 'zod';
import { EventspecError } from '../core/errors';
import type { AnyProjection, ProjectedEvent, ReadModelAccess } from '../projections/defineProjection';
import type { AnyProcess } from './defineProcess';
import { runProcessStep } from './processStep';
import type { ProcessEffects, StepOutcome } from './processStep';

/** An instance as stored: state, pending deadlines and the last event applied (a repeat is skipped). */
export interface InstanceDocument {
  readonly state: unknown;
  readonly status: 'active' | 'completed';
  /** Deadline name → due time (ISO). */
  readonly deadlines: Readonly<Record<string, string>>;
  readonly position: number;
  readonly startedAt: string;
  readonly updatedAt: string;
}

/** The index the runner searches for due deadlines: one document per pending deadline. */
export interface DeadlineDocument {
  readonly instance: string;
  readonly deadline: string;
  readonly due: string;
}

export const instancesOf = (process: AnyProcess) => `${process.name}Instances`;
export const deadlinesOf = (process: AnyProcess) => `${process.name}Deadlines`;
/** Ids lead with the due time (ISO times sort as text), so the index in id order is the queue in due order. */
export const deadlineId = (due: string, instance: string, deadline: string) => `${due}/${instance}/${deadline}`;

const deadlineSchema = z.object({ instance: z.string(), deadline: z.string(), due: z.string() });

/**
 * A process as a projection, so it runs on the read side's machinery: its instances and deadlines
 * are read-model documents, committed with its checkpoint, and the commands it sends have ids
 * made from the event that caused them, so a batch applied again sends nothing new.
 */
export function processProjection(process: AnyProcess, effects: ProcessEffects): AnyProjection {
  const instanceSchema = z.object({
    state: process.stateSchema ?? z.unknown(),
    status: z.enum(['active', 'completed']),
    deadlines: z.record(z.string(), z.string()),
    position: z.number(),
    startedAt: z.string(),
    updatedAt: z.string(),
  });
  const handlers = Object.fromEntries(
    [...process.eventsByName.keys()].map((type) => [
      type,
      async (event: ProjectedEvent, models: Record<string, ReadModelAccess<unknown>>) => {
        const instance = correlationOf(process, event);
        const instances = models[instancesOf(process)]! as ReadModelAccess<InstanceDocument>;
        const stored = process.stateless ? undefined : await instances.get(instance);
        if (stored && (stored.status === 'completed' || stored.position >= event.position)) return;
        if (!stored && !process.startedBy.has(type)) return;
        const occurredAt = event.metadata.occurredAt;
        const before: StepOutcome = stored
          ? { state: stored.state, deadlines: { ...stored.deadlines }, completed: false }
          : { state: structuredClone(process.initialState), deadlines: {}, completed: false };
        const react = (process.react as Record<string, (state: unknown, data: unknown, actions: unknown, event: ProjectedEvent) => unknown>)[type]!;
        const after = await runProcessStep(
          {
            process,
            instance,
            at: new Date(occurredAt),
            trigger: `${process.name}/${event.id}`,
            correlationId: event.metadata.correlationId ?? event.id,
            causationId: event.id,
            what: `event ${type} (${event.streamId}, version ${event.version})`,
            cause: { kind: 'event', name: type },
          },
          before,
          (state, actions) => react(state, event.data, actions, event),
          effects,
        );
        if (process.stateless) return;
        storeOutcome(process, models, instance, stored, after, event.position, occurredAt);
      },
    ]),
  );
  return {
    kind: 'projection',
    name: process.name,
    readModels: { [instancesOf(process)]: instanceSchema, [deadlinesOf(process)]: deadlineSchema },
    from: process.from,
    handlers,
    eventsByName: process.eventsByName,
    role: 'process',
  } as AnyProjection;
}

/** Writes an instance's new state and brings the deadline index in line with it. */
export function storeOutcome(
  process: AnyProcess,
  models: Record<string, ReadModelAccess<unknown>>,
  instance: string,
  stored: InstanceDocument | undefined,
  after: StepOutcome,
  position: number,
  at: string,
): void {
  const deadlines = models[deadlinesOf(process)]!;
  const before = stored?.deadlines ?? {};
  for (const [name, due] of Object.entries(before)) if (after.deadlines[name] !== due) deadlines.delete(deadlineId(due, instance, name));
  for (const [name, due] of Object.entries(after.deadlines)) {
    if (before[name] !== due) deadlines.put(deadlineId(due, instance, name), { instance, deadline: name, due });
  }
  const doc: InstanceDocument = {
    state: after.state,
    status: after.completed ? 'completed' : 'active',
    deadlines: after.deadlines,
    position,
    startedAt: stored?.startedAt ?? at,
    updatedAt: at,
  };
  models[instancesOf(process)]!.put(instance, doc);
}

function correlationOf(process: AnyProcess, event: ProjectedEvent): string {
  let instance: unknown;
  try {
    instance = process.correlate[event.type]!(event);
  } catch (error) {
    throw new EventspecError(`process ${process.name}: correlate.${event.type} failed on ${event.streamId} version ${event.version}: ${(error as Error).message}`);
  }
  if (typeof instance !== 'string' || instance.length === 0) {
    throw new EventspecError(
      `process ${process.name}: correlate.${event.type} gave ${JSON.stringify(instance) ?? String(instance)} for ${event.streamId} version ${event.version}; it must return the instance id, a non-empty string`,
    );
  }
  return instance;
}
