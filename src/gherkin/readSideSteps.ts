import { fieldSchema } from '../contracts/schemaFields';
import { UnknownNameError } from '../core/errors';
import { ProjectionFailed } from '../projections/projectionErrors';
import { didYouMean } from '../core/suggest';
import { expectNoReadModel, expectReadModel, expectReadModelDocuments, expectReadModelRows, describeStatus, readModelNamed } from '../projections/readModelExpectation';
import type { ReadModelRef } from '../projections/readModelExpectation';
import { eventually } from '../testing/eventually';
import { coerceCell } from './coerceCell';
import { headedRows, singleRecord } from './readTable';
import { ScenarioError } from './scenarioError';
import type { StepContext } from './stepContext';
import { step, tableOf } from './vocabularyStep';
import type { VocabularyStep } from './vocabularyStep';

const EVENTUALLY_MS = 2000;

function readSideOf(context: StepContext) {
  const readSide = context.scenario.readSide;
  if (!readSide) throw new ScenarioError(context.place, `the ${context.scenario.domain.name} domain has no projections, so it has no read models to check`);
  return readSide;
}

function refOf(context: StepContext, name: string): ReadModelRef {
  try {
    return readModelNamed(context.scenario.domain, name);
  } catch (error) {
    throw new ScenarioError(context.place, (error as Error).message);
  }
}

/** Runs a read-model check now, or retries it for a bounded time; failures are told at the step. */
async function check(context: StepContext, eventuallyWanted: boolean, attempt: () => Promise<unknown>): Promise<void> {
  const { runner, mode } = readSideOf(context);
  try {
    if (eventuallyWanted) {
      const hopeless = new Set<unknown>();
      const attemptUnlessFailed = async () => {
        const failed = (await runner.status()).find((s) => s.state === 'failed');
        if (failed?.error) throw hopeless.add(failed.error) && failed.error;
        return attempt();
      };
      await eventually(attemptUnlessFailed, {
        timeoutMs: EVENTUALLY_MS,
        describe: async () => describeStatus(await runner.status()),
        // Waiting mends lag, not a name the read model lacks or a projection that has failed.
        giveUpOn: (error) => hopeless.has(error) || error instanceof UnknownNameError || error instanceof ProjectionFailed,
      });
      return;
    }
    if (mode === 'live') {
      const behind = (await runner.status()).filter((s) => s.lag > 0);
      if (behind.length > 0) {
        const lag = Math.max(...behind.map((s) => s.lag));
        throw new Error(`the read models are ${lag} event${lag === 1 ? '' : 's'} behind; write "Then eventually …", or "When the projections have caught up" before this step`);
      }
    }
    await attempt();
  } catch (error) {
    // A handler's failure keeps its cause: the step tells it with the handler's own frames.
    if (error instanceof ProjectionFailed) throw error;
    throw new ScenarioError(context.place, (error as Error).message);
  }
}

const fieldsOf = (context: StepContext, ref: ReadModelRef, argument: Parameters<VocabularyStep['run']>[2]) =>
  Object.fromEntries(
    singleRecord(tableOf(argument, context), (name) => fieldSchema(ref.schema, name) !== undefined, context.place, `one ${ref.name}`).map((f) => [f.name, f.text.trim()]),
  );

const eventuallyVariants = (build: (eventuallyWanted: boolean, prefix: string) => VocabularyStep) => [build(true, 'eventually '), build(false, '')];

/** Steps for read models: waiting for projections, and checking documents now or eventually. */
export const readSideSteps: readonly VocabularyStep[] = [
  step('When', 'the projections have caught up', 'the projections have caught up', 'none',
    'Waits until every projection has applied every recorded event.',
    'When the projections have caught up',
    async (context) => {
      try {
        await readSideOf(context).runner.caughtUp();
      } catch (error) {
        throw new ScenarioError(context.place, (error as Error).message);
      }
    }),

  ...eventuallyVariants((eventuallyWanted, prefix) =>
    step('Then', `${prefix}the {ReadModel} "{id}" is:`, `${prefix}the {ReadModel} {string} is:`, 'table',
      eventuallyWanted
        ? `Checks a read-model document, waiting up to ${EVENTUALLY_MS / 1000} s for the projections; only the fields given are compared.`
        : 'Checks a read-model document now; fails if the projections are behind. Only the fields given are compared.',
      `Then ${prefix}the OrderSummary "alice" is:\n  | orders | 1 |`,
      async (context, [name, id], argument) => {
        const ref = refOf(context, name!);
        const expected = fieldsOf(context, ref, argument);
        await check(context, eventuallyWanted, () => expectReadModel(readSideOf(context).readModels, ref, id!, expected));
      })),

  ...eventuallyVariants((eventuallyWanted, prefix) =>
    step('Then', `${prefix}the {ReadModel} documents with {field} "{value}" are:`, `${prefix}the {ReadModel} documents with {word} {string} are:`, 'table',
      `Checks every document of a read model whose field has that value, in id order, one table row each${eventuallyWanted ? ', waiting for the projections' : ''}.`,
      `Then ${prefix}the StatementLine documents with account "a-1" are:\n  | kind    | amount |\n  | deposit | 100.00 |`,
      async (context, [name, field, value], argument) => {
        const ref = refOf(context, name!);
        const coerced = coerceCell(fieldSchema(ref.schema, field!), value!);
        if (!coerced.ok) throw new ScenarioError(context.place, `${field}: ${coerced.problem}`);
        const rows = headedRows(tableOf(argument, context), context.place).records.map((fields) => Object.fromEntries(fields.filter((f) => f.text.trim() !== '').map((f) => [f.name, f.text.trim()])));
        await check(context, eventuallyWanted, () => expectReadModelDocuments(readSideOf(context).readModels, ref, { [field!]: coerced.value }, rows));
      })),

  ...eventuallyVariants((eventuallyWanted, prefix) =>
    step('Then', `${prefix}there is no {ReadModel} "{id}"`, `${prefix}there is no {ReadModel} {string}`, 'none',
      `Checks that a read model has no document with that id${eventuallyWanted ? ', waiting for the projections' : ''}.`,
      `Then ${prefix}there is no OrderSummary "zoe"`,
      async (context, [name, id]) => {
        const ref = refOf(context, name!);
        await check(context, eventuallyWanted, () => expectNoReadModel(readSideOf(context).readModels, ref, id!));
      })),

  ...eventuallyVariants((eventuallyWanted, prefix) =>
    step('Then', `${prefix}the {ReadModel} read model has:`, `${prefix}the {ReadModel} read model has:`, 'table',
      `Checks every document of a read model, one row each with its \`id\`: no more, no fewer${eventuallyWanted ? ', waiting for the projections' : ''}.`,
      `Then ${prefix}the OrderSummary read model has:\n  | id    | orders |\n  | alice | 1      |`,
      async (context, [name], argument) => {
        const ref = refOf(context, name!);
        const rows = headedRows(tableOf(argument, context), context.place).records.map((fields) => Object.fromEntries(fields.filter((f) => f.text.trim() !== '').map((f) => [f.name, f.text.trim()])));
        await check(context, eventuallyWanted, () => expectReadModelRows(readSideOf(context).readModels, ref, rows));
      })),

  step('Given', 'the projections are stopped', 'the projections are stopped', 'none',
    'Stops the projections, so events recorded afterwards wait unprojected (to show lag and catching up).',
    'Given the projections are stopped',
    async (context) => readSideOf(context).runner.stop()),

  step('When', 'the projections are started', 'the projections are started', 'none',
    'Starts the projections again; they catch up from where they stopped.',
    'When the projections are started',
    async (context) => readSideOf(context).runner.start()),

  step('Then', 'the {Projection} projection is {count} events behind', 'the {Projection} projection is {int} event(s) behind', 'none',
    'Checks how many recorded events a projection has not applied yet.',
    'Then the OrderSummaries projection is 2 events behind',
    async (context, [name, count]) => {
      const statuses = await readSideOf(context).runner.status();
      const status = statuses.find((s) => s.name === name);
      if (!status) throw new ScenarioError(context.place, `unknown projection \`${name}\`${didYouMean(name!, statuses.map((s) => s.name))}`);
      if (status.lag !== Number(count)) throw new ScenarioError(context.place, `the ${name} projection is ${status.lag} events behind, not ${count}`);
    }),

  step('When', 'the {Projection} projection is rebuilt', 'the {Projection} projection is rebuilt', 'none',
    'Throws the projection\'s read models away and rebuilds them from the first recorded event.',
    'When the OrderSummaries projection is rebuilt',
    async (context, [name]) => {
      try {
        await readSideOf(context).runner.rebuild(name!);
      } catch (error) {
        throw new ScenarioError(context.place, (error as Error).message);
      }
    }),
];
