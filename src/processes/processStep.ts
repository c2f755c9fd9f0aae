import type { AnyAggregate } from '../aggregate/defineAggregate';
import type { CommandRequest } from '../commandHandling/commandHandler';
import type { CommandResult } from '../commandHandling/commandResult';
import { durationMs } from '../core/duration';
import { EventspecError } from '../core/errors';
import type { AnyProcess, CommandIntent, ProcessActions, ProcessIntent } from './defineProcess';

/** A command a process sent, with what came of it. */
export interface SentCommand {
  readonly process: string;
  readonly instance: string;
  /** What made the process send it: an event, a deadline, or the refusal of an earlier command. */
  readonly trigger: ProcessTrigger;
  readonly request: CommandRequest & { readonly commandId: string };
  readonly result: CommandResult;
}

/** How a process reaches the command side; the runner gives it a command handler. */
export interface ProcessEffects {
  send(request: CommandRequest & { commandId: string }): Promise<CommandResult>;
  /** Told of each command sent, accepted or refused (the scenario keeps them for its checks). */
  onSent?(sent: SentCommand): void;
}

/** What one step of an instance leaves behind: its state, deadlines and whether it ended. */
export interface StepOutcome {
  state: unknown;
  deadlines: Record<string, string>;
  completed: boolean;
}

export interface ProcessTrigger {
  readonly kind: 'event' | 'deadline' | 'refusal';
  /** The event type, the deadline name, or the refused command. */
  readonly name: string;
}

/** An input to an instance: an event, a deadline falling due, or a refusal. */
export interface StepInput {
  readonly process: AnyProcess;
  readonly instance: string;
  /** When the input happened; deadlines count from here. */
  readonly at: Date;
  /** Command ids of this step start with it, so a repeated step sends the very same commands. */
  readonly trigger: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** Names the input in errors: `event OrderPlaced (Order-o-1, version 1)`. */
  readonly what: string;
  readonly cause: ProcessTrigger;
}

/** Compensation may itself be refused and compensated; past this depth it is a loop. */
const MAX_DEPTH = 8;

/**
 * Runs one handler of an instance and carries out what it asked for: the commands in order until
 * one is refused (the refusal goes to `whenRejected`, and the rest are not sent), then the
 * deadlines, then completion.
 */
export async function runProcessStep(
  input: StepInput,
  before: StepOutcome,
  handler: (state: unknown, actions: ProcessActions) => unknown,
  effects: ProcessEffects,
  depth = 0,
): Promise<StepOutcome> {
  const { process } = input;
  const intents: ProcessIntent[] = [];
  const actions: ProcessActions = {
    id: input.instance,
    at: new Date(input.at.getTime()),
    send: (aggregate: AnyAggregate, id: string, command: { type: string; data?: unknown }) => {
      intents.push({ kind: 'send', aggregate: aggregate.name, id, command: { type: command.type, ...(command.data !== undefined ? { data: command.data } : {}) } });
    },
    // Braces: an arrow handler written `=> process.complete()` must return nothing, not a count.
    schedule: (deadline, after) => {
      intents.push({ kind: 'schedule', deadline, after });
    },
    cancel: (deadline) => {
      intents.push({ kind: 'cancel', deadline });
    },
    complete: () => {
      intents.push({ kind: 'complete' });
    },
  };
  let returned: unknown;
  try {
    returned = handler(before.state, actions);
  } catch (error) {
    throw stepError(input, `its handler failed: ${(error as Error).message}`, error);
  }
  if (returned instanceof Promise) throw stepError(input, 'its handler returned a Promise; process handlers decide synchronously from their state and input');
  const state = process.stateless || returned === undefined ? before.state : parseState(input, returned);
  let outcome: StepOutcome = { state, deadlines: { ...before.deadlines }, completed: before.completed };

  const sends = intents.filter((i): i is CommandIntent => i.kind === 'send');
  for (const [n, intent] of sends.entries()) {
    const request = {
      aggregate: intent.aggregate,
      id: intent.id,
      command: intent.command,
      commandId: `${input.trigger}/${n + 1}`,
      correlationId: input.correlationId,
      causationId: input.causationId,
    };
    const result = await effects.send(request);
    effects.onSent?.({ process: process.name, instance: input.instance, trigger: input.cause, request, result });
    if (result.status === 'accepted') continue;
    const compensate = process.whenRejected[intent.command.type];
    if (!compensate) {
      throw stepError(
        input,
        `${intent.aggregate} "${intent.id}" refused ${intent.command.type} with ${result.rejection} (${result.message}); ` +
          `say what the process does then with whenRejected.${intent.command.type}`,
      );
    }
    if (depth >= MAX_DEPTH) throw stepError(input, `compensation kept being refused ${MAX_DEPTH} times in a row; a whenRejected handler probably sends the command it handles`);
    const refused = { aggregate: intent.aggregate, id: intent.id, command: intent.command.type, rejection: result.rejection, message: result.message };
    outcome = await runProcessStep(
      { ...input, trigger: `${request.commandId}/refused`, what: `the refusal of ${intent.command.type} (${result.rejection}) after ${input.what}`, cause: { kind: 'refusal', name: intent.command.type } },
      outcome,
      (current, nested) => compensate(current, refused, nested),
      effects,
      depth + 1,
    );
    // The commands after a refused one are not sent: the compensation decides what happens instead.
    break;
  }
  for (const intent of intents) {
    if (intent.kind === 'schedule') {
      if (!process.deadlines.includes(intent.deadline)) {
        throw stepError(input, `it schedules the deadline ${intent.deadline}, which the process does not declare; add it to deadlines`);
      }
      outcome.deadlines[intent.deadline] = new Date(input.at.getTime() + durationMs(intent.after, `deadline ${intent.deadline}`)).toISOString();
    } else if (intent.kind === 'cancel') {
      delete outcome.deadlines[intent.deadline];
    } else if (intent.kind === 'complete') {
      outcome = { ...outcome, deadlines: {}, completed: true };
    }
  }
  return outcome;
}

function parseState(input: StepInput, state: unknown): unknown {
  const schema = input.process.stateSchema;
  if (!schema) return state;
  const parsed = schema.safeParse(state);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(state)'}: ${i.message}`).join('; ');
  throw stepError(input, `the state it returned does not match its schema (${issues})`);
}

function stepError(input: StepInput, problem: string, cause?: unknown): EventspecError {
  const error = new EventspecError(`process ${input.process.name}, instance "${input.instance}", on ${input.what}: ${problem}`);
  if (cause !== undefined) error.cause = cause;
  return error;
}
