import { NAME, NAME_RULE } from '../core/names';
import type { z } from 'zod';
import type { AnyAggregate, CommandOf } from '../aggregate/defineAggregate';
import type { DataOf, EventContract } from '../contracts/contract';
import { callerSite } from '../core/sourceSite';
import type { SourceSite } from '../core/sourceSite';
import type { DomainPart } from '../domain/defineDomain';
import type { ProjectedEvent } from '../projections/defineProjection';
import type { Duration } from '../core/duration';

/** A command a process asks for; sent with an id derived from what triggered it. */
export interface CommandIntent {
  readonly kind: 'send';
  readonly aggregate: string;
  readonly id: string;
  readonly command: { readonly type: string; readonly data?: unknown };
}

export type ProcessIntent =
  | CommandIntent
  | { readonly kind: 'schedule'; readonly deadline: string; readonly after: Duration }
  | { readonly kind: 'cancel'; readonly deadline: string }
  | { readonly kind: 'complete' };

/** What a process handler may ask for. Nothing happens during the call: the runner carries it out after. */
export interface ProcessActions<Deadline extends string = string> {
  /** The correlation id of this process instance (for a policy: the id of the triggering event). */
  readonly id: string;
  /** When the input happened: the event's time, or the deadline's due time. Deadlines count from it. */
  readonly at: Date;
  send<A extends AnyAggregate>(aggregate: A, id: string, command: CommandOf<A>): void;
  /** Fires `deadline` this long after `at`, unless cancelled or the process completes first. */
  schedule(deadline: Deadline, after: Duration): void;
  cancel(deadline: Deadline): void;
  /** Ends this instance: pending deadlines are dropped and later events for it are ignored. */
  complete(): void;
}

/** A command a process sent that its aggregate refused. */
export interface RefusedCommand {
  readonly aggregate: string;
  readonly id: string;
  readonly command: string;
  readonly rejection: string;
  readonly message: string;
}

type Handler<Args extends unknown[], Result> = { bivarianceHack(...args: Args): Result }['bivarianceHack'];
type Named<Contracts extends readonly { name: string }[], Name> = Extract<Contracts[number], { name: Name }>;

export type ProcessReactions<State, From extends readonly EventContract[], Deadline extends string> = {
  [Name in From[number]['name']]: Handler<
    [state: State, data: DataOf<Named<From, Name>>, process: ProcessActions<Deadline>, event: ProjectedEvent<Name, DataOf<Named<From, Name>>>],
    State | void
  >;
};

export interface ProcessDeclaration<Name extends string, State, From extends readonly EventContract[], Deadline extends string> {
  name: Name;
  description?: string;
  /** The events the process reacts to. */
  from: From;
  /** Events that may start an instance; the others only reach an instance already started. */
  startedBy: readonly From[number][];
  /** The instance an event belongs to: the order id, say, found in the event or its stream. */
  correlate: { [N in From[number]['name']]: Handler<[event: ProjectedEvent<N, DataOf<Named<From, N>>>], string> };
  state: z.ZodType<State>;
  initialState: State;
  /** The names of the deadlines it may schedule. */
  deadlines?: readonly Deadline[];
}

export interface ProcessBehavior<State, From extends readonly EventContract[], Deadline extends string> {
  /** One reaction per event in `from`: the next state (or nothing for unchanged), and what to do. */
  react: ProcessReactions<State, From, Deadline>;
  /** One handler per declared deadline, run when it falls due. */
  whenDue?: { [D in Deadline]: Handler<[state: State, process: ProcessActions<Deadline>], State | void> };
  /**
   * Compensation: what to do when a command the process sent is refused, by command name. The
   * commands the step asked for after the refused one are not sent. A refusal with no handler
   * here stops the process with an error naming it, so none goes unnoticed.
   */
  whenRejected?: Record<string, Handler<[state: State, refused: RefusedCommand, process: ProcessActions<Deadline>], State | void>>;
}

export interface Process<Name extends string = string, State = unknown, From extends readonly EventContract[] = readonly EventContract[], Deadline extends string = string>
  extends DomainPart {
  readonly kind: 'process';
  readonly name: Name;
  readonly description?: string;
  /** A policy keeps no state: each event is handled on its own. */
  readonly stateless: boolean;
  readonly from: From;
  readonly startedBy: ReadonlySet<string>;
  readonly correlate: Readonly<Record<string, (event: ProjectedEvent) => string>>;
  readonly stateSchema?: z.ZodType<State>;
  readonly initialState: State;
  readonly deadlines: readonly Deadline[];
  readonly react: ProcessReactions<State, From, Deadline>;
  readonly whenDue: Readonly<Record<string, (state: State, process: ProcessActions<Deadline>) => State | void>>;
  readonly whenRejected: Readonly<Record<string, (state: State, refused: RefusedCommand, process: ProcessActions<Deadline>) => State | void>>;
  readonly eventsByName: ReadonlyMap<string, EventContract>;
  /** Where it is declared (file:line), for the documentation. */
  readonly declaredAt?: SourceSite;
}

export type AnyProcess = Process<string, unknown, readonly EventContract[], string>;


/**
 * Declares a process manager in two steps, like an aggregate: what it is (name, events, state,
 * deadlines), then how it behaves (`react`, `whenDue`, `whenRejected`).
 */
export function defineProcess<const Name extends string, State, const From extends readonly EventContract[], const Deadline extends string = never>(
  declaration: ProcessDeclaration<Name, State, From, Deadline>,
): { behavior(behavior: ProcessBehavior<State, From, Deadline>): Process<Name, State, From, Deadline> } {
  const where = `process ${declaration.name}`;
  const eventsByName = checkEvents(where, declaration.name, declaration.from);
  for (const started of declaration.startedBy) {
    if (!eventsByName.has(started.name)) throw new TypeError(`${where}: startedBy names ${started.name}, which is not in from; add it to from`);
  }
  if (declaration.startedBy.length === 0) throw new TypeError(`${where}: name at least one event in startedBy, or no instance would ever start`);
  const correlate = declaration.correlate as unknown as Record<string, (event: ProjectedEvent) => string>;
  for (const name of eventsByName.keys()) {
    if (typeof correlate[name] !== 'function') throw new TypeError(`${where}: event ${name} is in from but correlate has no function for it; say which instance it belongs to`);
  }
  const initial = declaration.state.safeParse(declaration.initialState);
  if (!initial.success) throw new TypeError(`${where}: initialState does not match its state schema: ${initial.error.issues.map((i) => `${i.path.join('.') || '(state)'}: ${i.message}`).join('; ')}`);
  const deadlines = declaration.deadlines ?? [];
  const declaredAt = callerSite(__filename);
  return {
    behavior(behavior) {
      checkHandlers(where, 'react', behavior.react as Record<string, unknown>, [...eventsByName.keys()], 'event in from');
      checkHandlers(where, 'whenDue', (behavior.whenDue ?? {}) as Record<string, unknown>, deadlines, 'declared deadline');
      const process: Process<Name, State, From, Deadline> = {
        ...(declaredAt ? { declaredAt } : {}),
        kind: 'process',
        name: declaration.name,
        stateless: false,
        from: declaration.from,
        startedBy: new Set(declaration.startedBy.map((e) => e.name)),
        correlate,
        stateSchema: declaration.state,
        initialState: initial.data,
        deadlines,
        react: behavior.react,
        whenDue: (behavior.whenDue ?? {}) as Process<Name, State, From, Deadline>['whenDue'],
        whenRejected: (behavior.whenRejected ?? {}) as Process<Name, State, From, Deadline>['whenRejected'],
        eventsByName,
      };
      return declaration.description !== undefined ? { ...process, description: declaration.description } : process;
    },
  };
}

export interface PolicyConfig<Name extends string, From extends readonly EventContract[]> {
  name: Name;
  description?: string;
  from: From;
  /** One reaction per event: the commands it sends (through `process.send`). */
  react: { [N in From[number]['name']]: Handler<[data: DataOf<Named<From, N>>, process: ProcessActions<never>, event: ProjectedEvent<N, DataOf<Named<From, N>>>], void> };
  whenRejected?: Record<string, Handler<[refused: RefusedCommand, process: ProcessActions<never>], void>>;
}

/** A policy: "whenever E is recorded, send C". Stateless; each event is its own instance. */
export function definePolicy<const Name extends string, const From extends readonly EventContract[]>(config: PolicyConfig<Name, From>): Process<Name, undefined, From, never> {
  const where = `policy ${config.name}`;
  const eventsByName = checkEvents(where, config.name, config.from);
  checkHandlers(where, 'react', config.react as Record<string, unknown>, [...eventsByName.keys()], 'event in from');
  const react = Object.fromEntries(
    Object.entries(config.react as unknown as Record<string, (data: unknown, process: ProcessActions<never>, event: ProjectedEvent) => void>).map(([name, handler]) => [
      name,
      (_state: undefined, data: unknown, process: ProcessActions<never>, event: ProjectedEvent) => void handler(data, process, event),
    ]),
  );
  const whenRejected = Object.fromEntries(
    Object.entries(config.whenRejected ?? {}).map(([name, handler]) => [name, (_state: undefined, refused: RefusedCommand, process: ProcessActions<never>) => void handler(refused, process)]),
  );
  const declaredAt = callerSite(__filename);
  const policy: Process<Name, undefined, From, never> = {
    ...(declaredAt ? { declaredAt } : {}),
    kind: 'process',
    name: config.name,
    stateless: true,
    from: config.from,
    startedBy: new Set(eventsByName.keys()),
    correlate: Object.fromEntries([...eventsByName.keys()].map((name) => [name, (event: ProjectedEvent) => event.id])),
    initialState: undefined,
    deadlines: [],
    react: react as unknown as Process<Name, undefined, From, never>['react'],
    whenDue: {},
    whenRejected,
    eventsByName,
  };
  return config.description !== undefined ? { ...policy, description: config.description } : policy;
}

/** Picks the processes and policies out of a domain's registered parts. */
export function isProcess(part: DomainPart): part is AnyProcess {
  return part.kind === 'process' && 'react' in part && 'correlate' in part;
}

function checkEvents(where: string, name: string, from: readonly EventContract[]): Map<string, EventContract> {
  if (!NAME.test(name)) throw new TypeError(`${where}: the name ${NAME_RULE}`);
  if (from.length === 0) throw new TypeError(`${where}: list the events it reacts to in from`);
  const eventsByName = new Map<string, EventContract>();
  for (const contract of from) {
    if (eventsByName.has(contract.name)) throw new TypeError(`${where}: event ${contract.name} is listed twice in from`);
    eventsByName.set(contract.name, contract);
  }
  return eventsByName;
}

function checkHandlers(where: string, field: string, handlers: Record<string, unknown>, expected: readonly string[], noun: string): void {
  for (const name of expected) {
    if (typeof handlers[name] !== 'function') throw new TypeError(`${where}: ${field} has no handler for ${name}; every ${noun} needs one`);
  }
  for (const name of Object.keys(handlers)) {
    if (!expected.includes(name)) throw new TypeError(`${where}: ${field} has a handler for ${name}, which is not a ${noun}`);
  }
}
