import type { AnyAggregate } from '../aggregate/defineAggregate';
import { streamIdOf } from '../aggregate/defineAggregate';
import { currentData, evolveOne, replay } from '../aggregate/replay';
import { Rejection, rejectionOf } from '../aggregate/rejection';
import type { CommandResult } from '../commandHandling/commandResult';
import { createCommandHandler } from '../commandHandling/commandHandler';
import { controllableClock } from '../core/clock';
import type { RecordedEvent } from '../core/envelope';
import { ContractError, InvariantViolation } from '../core/errors';
import { sequentialIds } from '../core/ids';
import { describeIssues, show } from '../contracts/parseContract';
import { defineDomain } from '../domain/defineDomain';
import { inMemoryEventStore } from '../eventStore/inMemoryEventStore';
import { inMemorySnapshotStore } from '../snapshots/inMemorySnapshotStore';
import type { SnapshotStore } from '../snapshots/snapshotStore';
import type { z } from 'zod';
import { tablePath } from './tableCells';
import type { AggregateModel, ExpectedOutcome } from './aggregateModel';
import type { GeneratedCommand, Step } from './commandSequence';
import type { PropertyFailure, StatedEvent, ThenClause } from './counterexample';
import type { PropertyName } from './properties';
import { readPaths } from './readPaths';
import type { Difference } from './stateDifferences';
import { stateDifferences, valueAtPath } from './stateDifferences';

/** The time on the check's clock; it stands still, so a pasted scenario sees the same "now". */
export const CHECK_TIME = '2025-03-01T10:00:00.000Z';

/** A mistake in how the check is set up (an arbitrary that makes invalid commands): not a finding. */
export class CheckSetupError extends Error {
  override name = 'CheckSetupError';
}

export interface SequenceContext {
  readonly aggregate: AnyAggregate;
  readonly properties: ReadonlySet<PropertyName>;
  readonly model?: AggregateModel | undefined;
}

/**
 * Sends the steps through the real command handler and in-memory stores, checking every enabled
 * property after each step. Returns the first failure, described as a scenario about the one
 * aggregate instance it concerns, or undefined when all held.
 */
export async function runSequence(context: SequenceContext, steps: readonly Step[], snapshotEvery: number): Promise<PropertyFailure | undefined> {
  const { aggregate, properties: on, model } = context;
  // The same aggregate with a small snapshot interval, so short sequences go through snapshots.
  const checked: AnyAggregate = { ...aggregate, snapshot: { every: snapshotEvery, version: aggregate.snapshot?.version ?? 1 } };
  const domain = defineDomain({ name: `checks of ${aggregate.name}`, aggregates: [checked] });
  const clock = controllableClock(CHECK_TIME);
  const store = inMemoryEventStore({ clock });
  const snapshots = inMemorySnapshotStore();
  const jsonSnapshots = inMemorySnapshotStore();
  let jsonProblem: string | undefined;
  // Every snapshot the handler takes is also kept as a JSON round trip, as a document store would.
  const teed: SnapshotStore = {
    load: (streamId) => snapshots.load(streamId),
    async save(snapshot) {
      const kept = await snapshots.save(snapshot);
      try {
        await jsonSnapshots.save(JSON.parse(JSON.stringify(snapshot)) as typeof snapshot);
      } catch (error) {
        jsonProblem ??= (error as Error).message;
      }
      return kept;
    },
    close: async () => {},
  };
  const handler = createCommandHandler({ domain, store, snapshots: teed, clock, ids: sequentialIds() });
  const replayer = createCommandHandler({ domain, store, clock });
  const jsonLoader = createCommandHandler({ domain, store, snapshots: jsonSnapshots, clock });
  const stepStates = new Map<string, unknown>();
  const models = new Map<string, unknown>();

  for (const step of steps) {
    const { id } = step;
    const streamId = streamIdOf(aggregate, id);
    const history = await store.readStream(streamId);
    const head = await store.headPosition();
    const state = stepStates.has(id) ? stepStates.get(id) : aggregate.initialState();
    const command = chooseCommand(aggregate, step, state);
    const fail = (property: PropertyName, message: string, then: ThenClause[], notes: string[] = []): PropertyFailure => ({
      property,
      message,
      counterexample: {
        aggregate: aggregate.name,
        id,
        history: history.map(stated),
        command,
        then,
        notes: [message, ...notes],
        title: titleOf(property, aggregate.name, command.type),
        time: CHECK_TIME,
      },
    });

    const contract = aggregate.commandsByName.get(command.type)!;
    const parsed = contract.schema.safeParse(command.data);
    if (!parsed.success) {
      throw new CheckSetupError(
        `the test data made for ${command.type} does not fit its contract — ${describeIssues(parsed.error, command.data).text}; fix the arbitrary given for ${command.type}`,
      );
    }

    let result: CommandResult;
    try {
      result = await handler.handle({ aggregate: aggregate.name, id, command });
    } catch (error) {
      if (error instanceof InvariantViolation) {
        if (!on.has('invariants')) continue;
        const invariant = aggregate.invariants.find((i) => i.name === error.invariant);
        const paths = invariant ? readPaths(error.state, (s) => invariant.holds(s)) : [];
        const values = paths.map((p) => `${p} = ${show(valueAtPath(error.state, p))}`).join(', ');
        return fail('invariants', `${command.type} breaks the invariant "${error.invariant}"${values ? `: it would leave ${values}` : ''}.`, [{ kind: 'handled' }], [
          'Expected: the command is accepted, or rejected by name; it was refused because the invariant failed.',
        ]);
      }
      const isEventContract = error instanceof ContractError && aggregate.eventsByName.has(error.type);
      const property: PropertyName = isEventContract ? 'eventContracts' : 'noCrashes';
      if (!on.has(property)) return undefined;
      return fail(property, `${command.type} fails with ${(error as Error).name}: ${(error as Error).message}`, [{ kind: 'handled' }], [
        'Expected: the command is accepted, or rejected by name.',
      ]);
    }

    const expected = model && on.has('model') ? model.run(models.has(id) ? models.get(id) : model.initial(), { type: command.type, data: parsed.data }) : undefined;
    if (expected) models.set(id, expected.model);

    if (result.status === 'rejected') {
      if (on.has('rejectionsRecordNothing')) {
        const version = await store.streamVersion(streamId);
        const headAfter = await store.headPosition();
        if (version !== history.length || headAfter !== head) {
          return fail('rejectionsRecordNothing', `${command.type} was rejected with ${result.rejection} but ${headAfter - head} event(s) were recorded.`, [
            { kind: 'rejected', rejection: result.rejection },
            { kind: 'recordsNothing' },
          ]);
        }
      }
      if (expected) {
        const outcome = expected.expect;
        if (!('rejected' in outcome)) {
          return fail('model', `The model expects ${command.type} to be accepted; it was rejected with ${result.rejection} (${result.message}).`, [{ kind: 'accepted' }]);
        }
        if (outcome.rejected !== result.rejection) {
          return fail('model', `The model expects ${command.type} to be rejected with ${outcome.rejected}; it was rejected with ${result.rejection}.`, [
            { kind: 'rejected', rejection: outcome.rejected },
          ]);
        }
      }
      const modelFailure = expected && (await modelStateFailure(state));
      if (modelFailure) return modelFailure;
      continue;
    }

    const recorded = result.events;
    if (on.has('eventContracts')) {
      for (const event of recorded) {
        const problem = roundTripProblem(aggregate, event);
        if (problem) {
          return fail('eventContracts', `${command.type} records ${event.type} (version ${event.version}), which ${problem}.`, [
            { kind: 'records', events: recorded.map((e) => ({ type: e.type, data: e.data })) },
          ], ['This fails where events are stored as JSON (a document store); the in-memory store keeps them as they are.']);
        }
      }
    }

    if (expected) {
      const outcome = expected.expect;
      if ('rejected' in outcome) {
        return fail('model', `The model expects ${command.type} to be rejected with ${outcome.rejected}; it was accepted and recorded ${names(recorded)}.`, [
          { kind: 'rejected', rejection: outcome.rejected },
        ]);
      }
      if (outcome.records && !recordsMatch(outcome.records, recorded)) {
        const wanted = outcome.records.map((r) => (typeof r === 'string' ? { type: r } : r));
        return fail('model', `The model expects ${command.type} to record ${names(wanted)}; it recorded ${names(recorded)}.`, [
          wanted.length === 0 ? { kind: 'recordsNothing' } : { kind: 'records', events: wanted },
        ]);
      }
    }

    let next = state;
    try {
      for (const event of recorded) next = evolveOne(aggregate, next, event);
    } catch (error) {
      if (!on.has('noCrashes')) return undefined;
      return fail('noCrashes', `evolve fails on the events ${command.type} recorded: ${(error as Error).message}`, [{ kind: 'handled' }]);
    }
    stepStates.set(id, next);

    const all = await store.readStream(streamId);
    let full: unknown;
    try {
      if (on.has('deterministic')) {
        const first = replay(aggregate, aggregate.initialState(), all);
        const second = replay(aggregate, aggregate.initialState(), all);
        const diffs = stateDifferences(first, second);
        if (diffs.length > 0) {
          return fail('deterministic', `Replaying the same ${all.length} event(s) twice gives two different states (${describe(diffs)}).`, [stateClause(diffs, first, aggregate.stateSchema)], [
            'evolve must depend on the events only: not on the clock, random numbers or shared mutable data.',
          ]);
        }
      }
      full = (await replayer.load(checked, id)).state;
    } catch (error) {
      if (!on.has('noCrashes')) return undefined;
      return fail('noCrashes', `Rebuilding ${aggregate.name} "${id}" from its events fails: ${(error as Error).message}`, [{ kind: 'accepted' }]);
    }

    if (on.has('replay')) {
      const diffs = stateDifferences(next, full);
      if (diffs.length > 0) {
        return fail('replay', `Rebuilt from all its events, the state differs from the state built step by step (${describe(diffs)}).`, [stateClause(diffs, next, aggregate.stateSchema)]);
      }
    }

    if (on.has('snapshots')) {
      const failure = await snapshotFailure('snapshots', () => handler.load(checked, id));
      if (failure) return failure;
    }
    if (on.has('snapshotJson')) {
      if (jsonProblem !== undefined) {
        return fail('snapshotJson', `The snapshot taken after ${command.type} cannot be written as JSON: ${jsonProblem}.`, [{ kind: 'accepted' }], [
          'This fails where snapshots are stored as JSON (a document store); keep the state to plain data.',
        ]);
      }
      const failure = await snapshotFailure('snapshotJson', () => jsonLoader.load(checked, id));
      if (failure) return failure;
    }

    if (on.has('invariants')) {
      for (const invariant of aggregate.invariants) {
        if (invariant.holds(full)) continue;
        const paths = readPaths(full, (s) => invariant.holds(s));
        return fail('invariants', `Rebuilt from its events, ${aggregate.name} "${id}" breaks the invariant "${invariant.name}".`, [
          { kind: 'state', fields: paths.map((path) => ({ path, value: valueAtPath(next, path) })) },
        ]);
      }
    }

    const modelFailure = expected && (await modelStateFailure(full));
    if (modelFailure) return modelFailure;

    async function snapshotFailure(property: 'snapshots' | 'snapshotJson', load: () => Promise<{ state: unknown; fromSnapshot: number }>): Promise<PropertyFailure | undefined> {
      const where = property === 'snapshotJson' ? 'a snapshot stored as JSON' : 'a snapshot';
      const notes = [
        `The check snapshots every ${snapshotEvery} event(s); ${snapshotPolicyNote(aggregate)}`,
        ...(property === 'snapshotJson' ? ['This fails where snapshots are stored as JSON (a document store); the in-memory store keeps them as they are.'] : []),
      ];
      let loaded: { state: unknown; fromSnapshot: number };
      try {
        loaded = await load();
      } catch (error) {
        return fail(property, `Loading from ${where} fails: ${(error as Error).message}`, [{ kind: 'accepted' }], notes);
      }
      const diffs = stateDifferences(full, loaded.state);
      if (diffs.length === 0) return undefined;
      return fail(property, `Loaded from ${where} at version ${loaded.fromSnapshot}, the state differs from a full replay (${describe(diffs)}).`, [stateClause(diffs, full, aggregate.stateSchema)], notes);
    }

    async function modelStateFailure(actual: unknown): Promise<PropertyFailure | undefined> {
      if (!model?.state || !expected) return undefined;
      const fields = Object.entries(flattenModelState(model.state(expected.model)));
      const wrong = fields.filter(([path, value]) => stateDifferences(value, valueAtPath(actual, path)).length > 0);
      if (wrong.length === 0) return undefined;
      return fail('model', `After ${command.type} the state differs from the model's (${wrong.map(([p, v]) => `${p}: model ${show(v)}, actual ${show(valueAtPath(actual, p))}`).join('; ')}).`, [
        { kind: 'state', fields: fields.map(([path, value]) => ({ path, value })) },
      ]);
    }
  }
  return undefined;
}

/** The first candidate `decide` does not reject on the current state (a dry run: decide is pure), else the first. */
/** The first candidate the aggregate would accept in this state (else the first): sequences reach deep states. */
export function chooseCommand(aggregate: AnyAggregate, step: Step, state: unknown): GeneratedCommand {
  if (step.candidates.length === 1) return step.candidates[0]!;
  const streamId = streamIdOf(aggregate, step.id);
  const accepts = (candidate: GeneratedCommand): boolean => {
    const contract = aggregate.commandsByName.get(candidate.type);
    const parsed = contract?.schema.safeParse(candidate.data);
    if (!parsed?.success) return true;
    const decide = (aggregate.decide as Record<string, (c: unknown, s: unknown, ctx: unknown) => unknown>)[candidate.type]!;
    try {
      decide(parsed.data, structuredCloneOrSelf(state), {
        id: step.id,
        streamId,
        now: new Date(CHECK_TIME),
        reject: (rejection: string): never => {
          throw rejectionOf(aggregate, candidate.type, rejection);
        },
      });
      return true;
    } catch (error) {
      // Anything but a rejection is worth sending: the check then reports it.
      return !(error instanceof Rejection);
    }
  };
  return step.candidates.find(accepts) ?? step.candidates[0]!;
}

function structuredCloneOrSelf<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

function stated(event: RecordedEvent): StatedEvent {
  return { type: event.type, schemaVersion: event.schemaVersion, data: event.data };
}

function names(events: readonly { type: string }[]): string {
  return events.length === 0 ? 'nothing' : events.map((e) => e.type).join(', ');
}

function describe(diffs: readonly Difference[]): string {
  const parts = diffs.slice(0, 3).map((d) => (d.kind ? `${d.path || 'the state'}: ${d.kind}` : `${d.path || 'the state'}: ${show(d.expected)} vs ${show(d.actual)}`));
  return parts.join('; ') + (diffs.length > 3 ? `; and ${diffs.length - 3} more` : '');
}

/**
 * The expected values at the paths that differ: what a `Then … has state:` table states. With a
 * state schema a path stops at the first field that is not an object (a record is one JSON cell),
 * since only object fields can be named in a table.
 */
function stateClause(diffs: readonly Difference[], expected: unknown, schema: z.ZodType | undefined): ThenClause {
  const paths: string[] = [];
  for (const diff of diffs) {
    if (diff.path === '') continue;
    const path = schema ? tablePath(schema, diff.path) : diff.path;
    if (!paths.includes(path)) paths.push(path);
  }
  return { kind: 'state', fields: paths.map((path) => ({ path, value: path === '' ? expected : valueAtPath(expected, path) })) };
}

function snapshotPolicyNote(aggregate: AnyAggregate): string {
  if (!aggregate.snapshot) return `${aggregate.name} declares no snapshot policy, so this shows once it declares one.`;
  return `${aggregate.name} snapshots every ${aggregate.snapshot.every}, so the scenario fails when that many events are recorded by its When.`;
}

/** Why an event would not read back the same from a JSON store, or undefined when it would. */
function roundTripProblem(aggregate: AnyAggregate, event: RecordedEvent): string | undefined {
  const contract = aggregate.eventsByName.get(event.type)!;
  const direct = contract.schema.safeParse(event.data);
  if (!direct.success) return `does not fit its contract — ${describeIssues(direct.error, event.data).text}`;
  let copy: RecordedEvent;
  try {
    copy = JSON.parse(JSON.stringify(event)) as RecordedEvent;
  } catch (error) {
    return `cannot be written as JSON: ${(error as Error).message}`;
  }
  let original: unknown;
  let read: unknown;
  try {
    original = currentData(aggregate, event);
    read = currentData(aggregate, copy);
  } catch (error) {
    return `does not read back after a JSON round trip: ${(error as Error).message}`;
  }
  const diffs = stateDifferences(original, read);
  return diffs.length > 0 ? `reads back differently after a JSON round trip (${describe(diffs)})` : undefined;
}

function recordsMatch(wanted: Extract<ExpectedOutcome, { accepted: true }>['records'] & object, recorded: readonly RecordedEvent[]): boolean {
  if (wanted.length !== recorded.length) return false;
  return wanted.every((w, i) => {
    const event = recorded[i]!;
    if (typeof w === 'string') return w === event.type;
    if (w.type !== event.type) return false;
    return Object.entries(flattenModelState(w.data ?? {})).every(([path, value]) => stateDifferences(value, valueAtPath(event.data, path)).length === 0);
  });
}

/** Model state may be given nested or with dotted keys; both become dotted leaf paths. */
function flattenModelState(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (field !== null && typeof field === 'object' && !Array.isArray(field) && !(field instanceof Date) && Object.keys(field).length > 0) {
      Object.assign(out, flattenModelState(field as Record<string, unknown>, path));
    } else out[path] = field;
  }
  return out;
}

function titleOf(property: PropertyName, aggregate: string, command: string): string {
  switch (property) {
    case 'invariants':
      return `${command} keeps every invariant of ${aggregate}`;
    case 'noCrashes':
      return `${command} is accepted or rejected by name`;
    case 'rejectionsRecordNothing':
      return `A rejected ${command} records nothing`;
    case 'eventContracts':
      return `The events ${command} records read back the same from storage`;
    case 'deterministic':
      return `${aggregate} replays the same events to the same state`;
    case 'replay':
      return `${aggregate} rebuilt from its events has the state it had step by step`;
    case 'snapshots':
      return `${aggregate} loaded from a snapshot has the state of a full replay`;
    case 'snapshotJson':
      return `${aggregate} loaded from a snapshot stored as JSON has the state of a full replay`;
    case 'model':
      return `${command} does what the model of ${aggregate} expects`;
    case 'upcasters':
      return `Old ${aggregate} events keep their data when upcast`;
  }
}
