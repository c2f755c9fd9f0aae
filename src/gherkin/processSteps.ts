import { fieldPaths, fieldSchema } from '../contracts/schemaFields';
import { readDuration, durationMs } from '../core/duration';
import { didYouMean } from '../core/suggest';
import { isProcess } from '../processes/defineProcess';
import type { AnyProcess } from '../processes/defineProcess';
import type { SentCommand } from '../processes/processStep';
import { compareFields, describeFieldMismatches } from '../testing/expectations';
import { tableText } from '../testing/tableText';
import { coerceCell } from './coerceCell';
import { readTime } from '../core/readTime';
import { headedRows, singleRecord } from './readTable';
import { resolveAggregate, resolveCommand } from './resolve';
import { ScenarioError } from './scenarioError';
import type { StepArgument, StepContext } from './stepContext';
import { step, tableOf } from './vocabularyStep';
import type { VocabularyStep } from './vocabularyStep';

function processesOf(context: StepContext) {
  const processes = context.scenario.processes;
  if (!processes) throw new ScenarioError(context.place, `the ${context.scenario.domain.name} domain has no processes or policies, so nothing sends commands by itself`);
  return processes;
}

function processNamed(context: StepContext, name: string): AnyProcess {
  const all = context.scenario.domain.processes.filter(isProcess);
  const found = all.find((p) => p.name === name);
  if (found) return found;
  throw new ScenarioError(context.place, `unknown process \`${name}\`${didYouMean(name, all.map((p) => p.name))}`);
}

/** The commands the processes sent since the first When step, settled first so timing never matters. */
async function sentSinceWhen(context: StepContext): Promise<readonly SentCommand[]> {
  const processes = processesOf(context);
  try {
    await context.scenario.settle();
  } catch (error) {
    throw new ScenarioError(context.place, (error as Error).message);
  }
  return processes.sent.slice(processes.whenStart);
}

function sentTable(sent: readonly SentCommand[]): string {
  if (sent.length === 0) return '  (none)';
  return tableText(
    [['process', 'to', 'command', 'outcome'], ...sent.map((s) => [s.process, `${s.request.aggregate} "${s.request.id}"`, s.request.command.type, s.result.status === 'accepted' ? 'accepted' : `rejected: ${s.result.rejection}`])],
    '  ',
  );
}

async function checkSent(context: StepContext, aggregateName: string, id: string, commandName: string, argument: StepArgument): Promise<void> {
  const aggregate = resolveAggregate(context.scenario.domain, aggregateName, context.place);
  const contract = resolveCommand(context.scenario.domain, aggregate, commandName, context.place);
  const expected: Record<string, unknown> = {};
  if (argument) {
    for (const field of singleRecord(tableOf(argument, context), (name) => fieldSchema(contract.schema, name) !== undefined, context.place, `one ${contract.name}`)) {
      const schema = fieldSchema(contract.schema, field.name);
      if (!schema) throw new ScenarioError(context.place, `${contract.name} has no field \`${field.name}\`${didYouMean(field.name, fieldPaths(contract.schema), 'a field such as')}`, field.ref);
      const coerced = coerceCell(schema, field.text);
      if (!coerced.ok) throw new ScenarioError(context.place, coerced.problem, field.ref);
      expected[field.name] = coerced.value;
    }
  }
  const sent = await sentSinceWhen(context);
  const candidates = sent.filter((s) => s.request.aggregate === aggregate.name && s.request.id === id && s.request.command.type === contract.name);
  if (candidates.some((s) => compareFields(expected, s.request.command.data).length === 0)) return;
  if (candidates.length > 0) {
    const mismatches = compareFields(expected, candidates[candidates.length - 1]!.request.command.data);
    throw new ScenarioError(context.place, `${aggregate.name} "${id}" was sent ${contract.name}, but not with these fields:\n${describeFieldMismatches(mismatches)}`);
  }
  throw new ScenarioError(context.place, `${aggregate.name} "${id}" was not sent ${contract.name}; the processes sent:\n${sentTable(sent)}`);
}

async function instanceOf(context: StepContext, processName: string, id: string) {
  const process = processNamed(context, processName);
  const processes = processesOf(context);
  try {
    await context.scenario.settle();
  } catch (error) {
    throw new ScenarioError(context.place, (error as Error).message);
  }
  const instance = await processes.runner.instance(process.name, id);
  if (!instance) throw new ScenarioError(context.place, `the ${process.name} process has no instance "${id}"; it starts on ${[...process.startedBy].join(' or ')}`);
  return { process, instance };
}

function passing(phase: 'given' | 'when') {
  return async (context: StepContext, [text]: readonly string[]) => {
    const read = readDuration(text!);
    if (!read.ok) throw new ScenarioError(context.place, read.problem);
    try {
      await context.scenario.pass(durationMs(read.value), phase);
    } catch (error) {
      throw new ScenarioError(context.place, (error as Error).message);
    }
  };
}

/** Steps for processes and policies: commands they send, their instances, and time passing. */
export const processSteps: readonly VocabularyStep[] = [
  step('Given', '{duration} later', '{Duration} later', 'none',
    'Moves the clock forward; deadlines that fall due fire, as part of the history.',
    'Given 2 hours later',
    passing('given')),

  step('When', '{duration} pass(es)', '{Duration} pass(es)', 'none',
    'Moves the clock forward; deadlines that fall due fire, and what the processes send counts as the outcome.',
    'When 3 days pass',
    passing('when')),

  ...(['', ':'] as const).map((colon) =>
    step('Then', `{Aggregate} "{id}" was sent {Command}${colon}`, `{Aggregate} {string} was sent {Command}${colon}`, colon ? 'table' : 'none',
      colon
        ? 'Checks that a process or policy sent this command to this aggregate, with these fields (others are not compared).'
        : 'Checks that a process or policy sent this command to this aggregate.',
      colon ? 'Then Inventory "sku-1" was sent ReserveStock:\n  | quantity | 2 |' : 'Then Payment "o-1" was sent RequestPayment',
      async (context, [aggregateName, id, command], argument) => checkSent(context, aggregateName!, id!, command!, colon ? argument : undefined)),
  ),

  step('Then', 'no command is sent', 'no command is sent', 'none',
    'Checks that the processes and policies sent no command since the first When step.',
    'Then no command is sent',
    async (context) => {
      const sent = await sentSinceWhen(context);
      if (sent.length > 0) throw new ScenarioError(context.place, `expected no command, but the processes sent:\n${sentTable(sent)}`);
    }),

  step('Then', 'the {Process} process for "{id}" has state:', 'the {Process} process for {string} has state:', 'table',
    'Checks the state of one instance of a process, field by field.',
    'Then the OrderFulfilment process for "o-1" has state:\n  | stage | paying |',
    async (context, [processName, id], argument) => {
      const { process, instance } = await instanceOf(context, processName!, id!);
      const schema = process.stateSchema;
      const known = schema ? fieldPaths(schema) : [];
      const expected: Record<string, unknown> = {};
      for (const field of singleRecord(tableOf(argument, context), (name) => known.includes(name), context.place, `the ${process.name} process's state`)) {
        const fieldType = schema ? fieldSchema(schema, field.name) : undefined;
        if (!fieldType) throw new ScenarioError(context.place, `the ${process.name} process's state has no field \`${field.name}\`${didYouMean(field.name, known, 'a field such as')}`, field.ref);
        const coerced = coerceCell(fieldType, field.text);
        if (!coerced.ok) throw new ScenarioError(context.place, coerced.problem, field.ref);
        expected[field.name] = coerced.value;
      }
      const mismatches = compareFields(expected, instance.state);
      if (mismatches.length > 0) throw new ScenarioError(context.place, `the ${process.name} process for "${id}" is not in the expected state:\n${describeFieldMismatches(mismatches)}`);
    }),

  step('Then', 'the {Process} process for "{id}" is completed', 'the {Process} process for {string} is completed', 'none',
    'Checks that an instance of a process has ended.',
    'Then the OrderFulfilment process for "o-1" is completed',
    async (context, [processName, id]) => {
      const { process, instance } = await instanceOf(context, processName!, id!);
      if (instance.status !== 'completed') {
        const pending = Object.keys(instance.deadlines);
        throw new ScenarioError(context.place, `the ${process.name} process for "${id}" is still running${pending.length > 0 ? `, waiting for ${pending.join(', ')}` : ''}`);
      }
    }),

  step('Then', 'the {Process} process for "{id}" has deadlines:', 'the {Process} process for {string} has deadlines:', 'table',
    'Checks the deadlines an instance is waiting for: a | deadline | due | table, all of them.',
    'Then the OrderFulfilment process for "o-1" has deadlines:\n  | deadline   | due                  |\n  | PaymentDue | 2025-03-04T10:00:00Z |',
    async (context, [processName, id], argument) => {
      const { process, instance } = await instanceOf(context, processName!, id!);
      const { header, records } = headedRows(tableOf(argument, context), context.place);
      if (header[0] !== 'deadline' || header[1] !== 'due' || header.length !== 2) {
        throw new ScenarioError(context.place, `a deadlines table has the columns | deadline | due | (this one has ${header.map((h) => `"${h}"`).join(', ')})`, { row: 0 });
      }
      const expected = records.map(([name, due]) => {
        if (!process.deadlines.includes(name!.text.trim())) {
          throw new ScenarioError(context.place, `the ${process.name} process has no deadline \`${name!.text.trim()}\`${didYouMean(name!.text.trim(), process.deadlines)}`, name!.ref);
        }
        const time = readTime(due!.text.trim());
        if (!time.ok) throw new ScenarioError(context.place, time.problem, due!.ref);
        return `${name!.text.trim()} ${time.value.toISOString()}`;
      });
      const actual = Object.entries(instance.deadlines).map(([name, due]) => `${name} ${due}`);
      if ([...expected].sort().join('\n') !== [...actual].sort().join('\n')) {
        const show = (lines: string[]) => (lines.length === 0 ? '  (none)' : lines.map((l) => `  ${l}`).join('\n'));
        throw new ScenarioError(context.place, `the ${process.name} process for "${id}" waits for other deadlines:\n expected:\n${show(expected)}\n pending:\n${show(actual)}`);
      }
    }),
];
