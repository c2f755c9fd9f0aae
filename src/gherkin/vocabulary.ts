import { jsonProblem } from '../core/jsonProblem';
import { z } from 'zod';
import type { AnyAggregate } from '../aggregate/defineAggregate';
import { streamIdOf } from '../aggregate/defineAggregate';
import type { EventContract } from '../contracts/contract';
import { exampleOf } from '../contracts/exampleOf';
import { closest, didYouMean } from '../core/suggest';
import type { HistoryEvent } from '../testing/scenario';
import { compareFields, describeEventMismatch, describeFieldMismatches } from '../testing/expectations';
import type { ExpectedEvent } from '../testing/expectations';
import { flatten, mergeDeep, valueAtPath } from '../testing/fieldPaths';
import { coerceCell } from './coerceCell';
import { readTime } from '../core/readTime';
import { historyData } from './historyData';
import { buildData, checkData, headedRows, singleRecord } from './readTable';
import type { Rows, TableField } from './readTable';
import { resolveAggregate, resolveCommand, resolveEvent, splitNames } from './resolve';
import { ScenarioError } from './scenarioError';
import { fieldPaths } from '../contracts/schemaFields';
import type { StepArgument, StepContext } from './stepContext';
import { step, tableOf } from './vocabularyStep';
import type { VocabularyStep } from './vocabularyStep';
import { readSideSteps } from './readSideSteps';
import { fieldTypeOf, knownFields } from './knownFields';
import { processSteps } from './processSteps';
import type { Contract } from '../contracts/contract';
import { exampleJson } from '../contracts/exampleJson';
import { acceptedUnderGiven } from './acceptedUnderGiven';

export type { VocabularyStep } from './vocabularyStep';

/** Fields from a one-thing table or a JSON doc string. */
function recordFields(argument: StepArgument, context: StepContext, contract: Pick<Contract, 'schema' | 'example'>, what: string): TableField[] | { json: unknown } {
  if (argument && 'docString' in argument) {
    try {
      return { json: JSON.parse(argument.docString) };
    } catch (error) {
      throw new ScenarioError(context.place, `the doc string under this step is not JSON (${jsonProblem(error, argument.docString)}); write the fields as a JSON object, like ${exampleJson(contract)}, or put them in a table instead`);
    }
  }
  return argument ? singleRecord(argument.table, (name) => fieldTypeOf(contract.schema, name) !== undefined, context.place, what) : [];
}

function lookup(context: StepContext, aggregateName: string, id: string) {
  const aggregate = resolveAggregate(context.scenario.domain, aggregateName, context.place);
  // "" would pass as an id and name a stream "Order-": almost always a value left out.
  if (id.trim() === '') throw new ScenarioError(context.place, `the ${aggregate.name} id between the quotes is empty; write which ${aggregate.name} this is about, like ${aggregate.name} "${aggregate.name[0]!.toLowerCase()}-1"`);
  return { aggregate, id, streamId: streamIdOf(aggregate, id) };
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/** A column that states event metadata (`metadata.actor`) rather than a field of the event's data. */
const METADATA_COLUMN = 'metadata.';

/** Rows of an `| event | field… |` table as events of an aggregate, at a schema version. */
function eventRows(context: StepContext, aggregate: AnyAggregate, rows: Rows, version: number | undefined, noRows: string): { type: string; fields: TableField[]; metadata: Record<string, string>; rowRef: { row: number; dataRow: number } }[] {
  const { header, records } = headedRows(rows, context.place);
  const eventColumn = header.findIndex((h) => /^(event|type)$/i.test(h));
  if (eventColumn < 0) {
    throw new ScenarioError(context.place, `the table needs an "event" column naming each event (its columns are ${header.map((h) => `"${h}"`).join(', ')})`, { row: 0 });
  }
  if (records.length === 0) throw new ScenarioError(context.place, `the table has a header but no rows, so it names no events; ${noRows}`, { row: 0 });
  const rowTypes = records.map((fields) => aggregate.eventsByName.get(fields[eventColumn]!.text.trim())).filter((c) => c !== undefined);
  return records.map((fields, i) => {
    const rowRef = { row: i + 1, dataRow: i + 1 };
    const typeCell = fields[eventColumn]!;
    const contract = resolveEvent(context.scenario.domain, aggregate, typeCell.text.trim(), context.place, typeCell.ref);
    const schema = version === undefined || version === contract.version ? contract.schema : undefined;
    const written = version === undefined || version === contract.version ? contract.schema : contract.upcasters.find((u) => u.from === version)?.schema;
    const writtenFields = written ? knownFields(written) : NO_FIELDS;
    const metadata: Record<string, string> = {};
    const given = fields.filter((f, column) => {
      if (column === eventColumn || f.text.trim() === '') return false;
      if (!f.name.startsWith(METADATA_COLUMN) || writtenFields.has(f.name)) return true;
      metadata[f.name.slice(METADATA_COLUMN.length)] = f.text.trim();
      return false;
    });
    if (schema) {
      const known = knownFields(schema);
      for (const f of given) {
        if (!known.has(f.name)) throw new ScenarioError(context.place, `${contract.name} has no field \`${f.name}\`${unknownFieldHint(contract, f.name, known, rowTypes)}`, f.ref);
      }
    }
    return { type: contract.name, fields: given, metadata, rowRef };
  });
}

/** Why a column is not a field of this event, and what to write instead. */
function unknownFieldHint(contract: EventContract, column: string, known: ReadonlySet<string>, tableTypes: readonly EventContract[]): string {
  if (tableTypes.some((other) => other !== contract && fieldPaths(other.schema).includes(column))) return ' (leave its cell empty on this row: another event in the table has it)';
  const older = contract.upcasters.find((u) => fieldPaths(u.schema).includes(column));
  if (older) return ` in its current version ${contract.version}; \`${column}\` is a field of version ${older.from}: state such history with "has recorded (v${older.from}):"`;
  if (closest(column, known) !== undefined) return didYouMean(column, [...known]);
  return `${didYouMean(column, [...known], 'a field such as')}; for event metadata, name the column \`${METADATA_COLUMN}${column}\``;
}

/**
 * `has recorded` stores history, and `records {Event}:` records an event now; under Then both read
 * like a check but would store the events and pass whatever the commands did. Refused there, with the
 * check the writer meant: `records:` with an event table, or `records` with the events' names.
 */
function refuseRecordingUnderThen(context: StepContext, aggregateName: string, id: string, events: string | undefined, what: 'history' | 'now'): void {
  if (context.place?.phase !== 'then') return;
  const check =
    events === undefined
      ? `Then ${aggregateName} "${id}" records: with a table headed | event | and the fields to compare`
      : `Then ${aggregateName} "${id}" records ${events} (or records: with a table headed | event | and the fields to compare)`;
  const does = what === 'history' ? '"has recorded" states history: it stores events as if they happened before the scenario' : `"records ${events ?? '…'}:" records an event now, as if another service did`;
  throw new ScenarioError(context.place, `${does}, so under Then it would check nothing — to check what the commands recorded, write: ${check}`);
}

async function recordOne(context: StepContext, aggregateName: string, id: string, type: string, argument: StepArgument, when: 'past' | 'now') {
  refuseRecordingUnderThen(context, aggregateName, id, type, when === 'past' ? 'history' : 'now');
  const { aggregate } = lookup(context, aggregateName, id);
  const contract = resolveEvent(context.scenario.domain, aggregate, type, context.place);
  const fields = recordFields(argument, context, contract, `one ${type}`);
  const data = 'json' in fields
    ? checkData(contract.schema, mergeDeep(contract.example ?? exampleOf(contract.schema), fields.json), contract.name, new Map(), context.place, {}, 'docString')
    : historyData(contract, contract.version, fields, context.place);
  const event = [{ type: contract.name, data }];
  await (when === 'past' ? context.scenario.record(aggregate, id, event) : context.scenario.occur(aggregate, id, event));
}

async function recordHistory(context: StepContext, aggregateName: string, id: string, rows: Rows, version: number | undefined) {
  refuseRecordingUnderThen(context, aggregateName, id, undefined, 'history');
  const { aggregate } = lookup(context, aggregateName, id);
  const noRows = 'add one row per event under the header (a scenario without history needs no "has recorded" step)';
  const events: HistoryEvent[] = eventRows(context, aggregate, rows, version, noRows).map(({ type, fields, metadata, rowRef }) => {
    const contract = aggregate.eventsByName.get(type)!;
    const at = version ?? contract.version;
    const data = historyData(contract, at, fields, context.place, rowRef);
    return Object.keys(metadata).length > 0 ? { type, schemaVersion: at, data, metadata } : { type, schemaVersion: at, data };
  });
  await context.scenario.record(aggregate, id, events);
}

function expectedEvents(context: StepContext, aggregate: AnyAggregate, aggregateName: string, id: string, rows: Rows): ExpectedEvent[] {
  const noRows = `add one row per expected event under the header, or write "Then ${aggregateName} "${id}" records nothing"`;
  return eventRows(context, aggregate, rows, undefined, noRows).map(({ type, fields, metadata }) => {
    const contract = aggregate.eventsByName.get(type)!;
    const { data, refs } = buildData(fields, contract.schema, contract.name, context.place);
    const expected = { type, fields: Object.fromEntries([...refs.keys()].map((path) => [path, valueAtPath(data, path)])) };
    return Object.keys(metadata).length > 0 ? { ...expected, metadata } : expected;
  });
}

async function checkRecorded(context: StepContext, aggregateName: string, id: string, expected: ExpectedEvent[]) {
  const { streamId } = lookup(context, aggregateName, id);
  await context.scenario.settle();
  const actual = context.scenario.commandEvents(streamId);
  const mismatch = describeEventMismatch(expected, actual);
  if (!mismatch) return;
  const last = context.scenario.last;
  const why = last?.result.status === 'rejected' && last.streamId === streamId ? `\n  (the command was rejected with "${last.result.rejection}": ${last.result.message})` : '';
  throw new ScenarioError(context.place, `${aggregateName} "${id}" recorded other events than expected — ${mismatch}${why}${actual.length === 0 ? nothingRecordedHint(context, streamId) : ''}`);
}

/** Why a stream may show nothing recorded: no command yet, commands on another id, or only history. */
function nothingRecordedHint(context: StepContext, streamId: string): string {
  const { scenario } = context;
  if (scenario.last === undefined && scenario.recorded.every((e) => e.streamId !== streamId)) return '\n  (nothing was sent to it or recorded on it before this step: a Then checks what the When steps did — is it above its When?)';
  const elsewhere = [...new Set(scenario.recorded.map((e) => e.streamId))].filter((other) => other !== streamId && scenario.commandEvents(other).length > 0);
  if (elsewhere.length > 0) {
    // Stream ids are `<Aggregate>-<id>`: shown as the steps write them.
    const asWritten = (other: string) => scenario.domain.aggregates.map((a) => a.name).filter((name) => other.startsWith(`${name}-`)).map((name) => `${name} "${other.slice(name.length + 1)}"`)[0] ?? `"${other}"`;
    const shown = elsewhere.slice(0, 3).map((other) => `${asWritten(other)} (${scenario.commandEvents(other).map((e) => e.type).join(', ')})`);
    return `\n  (the commands recorded on ${shown.join(', ')}${elsewhere.length > 3 ? ', …' : ''} — is the id right?)`;
  }
  const history = scenario.recorded.filter((e) => e.streamId === streamId).length;
  if (history > 0) return `\n  (its ${history} event${history === 1 ? '' : 's'} came from the Given steps: history, which "records" does not check — a command sent under Given is history too; send it under When)`;
  return '';
}

/** Without a state schema, a cell is read as the type of the value that is there. */
function schemaLike(value: unknown): z.ZodType | undefined {
  if (value instanceof Date) return z.date();
  if (typeof value === 'number') return z.number();
  if (typeof value === 'boolean') return z.boolean();
  return undefined;
}

/** A did-you-mean for a state field, also when the name is a nested field written without its parents. */
function stateFieldHint(name: string, known: readonly string[]): string {
  if (closest(name, known) !== undefined) return didYouMean(name, known);
  const nested = known.filter((path) => path.includes('.') && (path.endsWith(`.${name}`) || closest(name, [path.slice(path.lastIndexOf('.') + 1)]) !== undefined));
  if (nested.length === 1) return ` — did you mean \`${nested[0]}\`? (nested fields are written with their parents, dot-separated)`;
  if (nested.length > 1) return ` — did you mean one of ${nested.slice(0, 6).map((p) => `\`${p}\``).join(', ')}? (nested fields are written with their parents, dot-separated)`;
  return didYouMean(name, known, 'a field such as');
}

async function checkState(context: StepContext, aggregateName: string, id: string, argument: StepArgument, load: { atVersion?: number; asOf?: string }) {
  const { aggregate } = lookup(context, aggregateName, id);
  await context.scenario.settle();
  let loaded;
  try {
    loaded = await context.scenario.load(aggregate, id, load);
  } catch (error) {
    throw new ScenarioError(context.place, (error as Error).message);
  }
  const actual = loaded.state;
  const schema = aggregate.stateSchema;
  const knownSet = schema ? knownFields(schema) : new Set(Object.keys(flatten(actual)));
  const fields = singleRecord(tableOf(argument, context), (name) => knownSet.has(name), context.place, `${aggregateName}'s state`);
  const expected: Record<string, unknown> = {};
  for (const field of fields) {
    const fieldType = schema ? fieldTypeOf(schema, field.name) : schemaLike(valueAtPath(actual, field.name));
    const present = fieldType !== undefined || knownSet.has(field.name) || flatten(actual)[field.name] !== undefined;
    if (!present) {
      throw new ScenarioError(context.place, `${aggregateName}'s state has no field \`${field.name}\`${stateFieldHint(field.name, [...knownSet])}`, field.ref);
    }
    const coerced = coerceCell(fieldType, field.text);
    if (!coerced.ok) throw new ScenarioError(context.place, coerced.problem, field.ref);
    expected[field.name] = coerced.value;
  }
  const mismatches = compareFields(expected, actual);
  if (mismatches.length > 0) {
    const when = load.atVersion !== undefined ? ` at version ${load.atVersion}` : load.asOf !== undefined ? ` as of ${load.asOf}` : '';
    throw new ScenarioError(context.place, `${aggregateName} "${id}"${when} is not in the expected state:\n${describeFieldMismatches(mismatches)}`);
  }
}

const commandSideSteps: readonly VocabularyStep[] = [
  step('Given', 'the time is "{time}"', 'the time is {string}', 'none',
    'Sets the clock: events recorded and commands sent afterwards happen at this time.',
    'Given the time is "2025-03-01T10:00:00Z"',
    async (context, [time]) => {
      const read = readTime(time!);
      if (!read.ok) throw new ScenarioError(context.place, read.problem);
      // Before an event already stored, later events would come before it in time.
      const latest = context.scenario.recorded.reduce((max, e) => (e.metadata.occurredAt > max ? e.metadata.occurredAt : max), '');
      if (latest !== '' && read.value.toISOString() < latest) {
        throw new ScenarioError(
          context.place,
          `the time ${read.value.toISOString()} is before ${latest}, when this scenario already recorded an event; later events would come before it in time — set the times in order`,
        );
      }
      context.scenario.clock.set(read.value);
    }),

  step('Given', '{Aggregate} "{id}" has recorded:', '{Aggregate} {string} has recorded:', 'table',
    'States history: the events the aggregate recorded before the scenario, one row per event. Fields left out take the event\'s example values.',
    'Given Order "o-1" has recorded:\n  | event       | customer | amount |\n  | OrderPlaced | alice    | 20.00  |',
    async (context, [aggregate, id], argument) => recordHistory(context, aggregate!, id!, tableOf(argument, context), undefined)),

  step('Given', '{Aggregate} "{id}" has recorded (v{version}):', '{Aggregate} {string} has recorded \\(v{int}):', 'table',
    'States history written at an older schema version of the events, to prove they are upcast when read.',
    'Given Order "o-1" has recorded (v1):\n  | event       | customer | total |\n  | OrderPlaced | alice    | 20.00 |',
    async (context, [aggregate, id, version], argument) => recordHistory(context, aggregate!, id!, tableOf(argument, context), Number(version))),

  step('Given', '{Aggregate} "{id}" has recorded {Event}:', '{Aggregate} {string} has recorded {Event}:', 'tableOrDocString',
    'States one past event with its fields in a | field | value | table (or a JSON doc string).',
    'Given Order "o-1" has recorded OrderPlaced:\n  | customer | alice |\n  | amount   | 20.00 |',
    async (context, [aggregateName, id, type], argument) => recordOne(context, aggregateName!, id!, type!, argument, 'past')),

  step('When', '{Aggregate} "{id}" records {Event}:', '{Aggregate} {string} records {Event}:', 'tableOrDocString',
    'An event happens now, as if recorded by another service: the processes react to it. Fields left out take the event\'s example values.',
    'When Order "o-1" records OrderPlaced:\n  | customer | alice |',
    async (context, [aggregateName, id, type], argument) => recordOne(context, aggregateName!, id!, type!, argument, 'now')),

  step('Given', '{Aggregate} "{id}" has recorded {Event}, {Event} and {Event}', '{Aggregate} {string} has recorded {Events}', 'none',
    'States history by event names only; each event takes its example values.',
    'Given Order "o-1" has recorded OrderPlaced, ItemAdded and OrderShipped',
    async (context, [aggregateName, id, list]) => {
      refuseRecordingUnderThen(context, aggregateName!, id!, list!, 'history');
      const { aggregate } = lookup(context, aggregateName!, id!);
      const events = splitNames(list!).map((name) => {
        const contract = resolveEvent(context.scenario.domain, aggregate, name, context.place);
        return { type: contract.name, data: historyData(contract, contract.version, [], context.place) };
      });
      await context.scenario.record(aggregate, id!, events);
    }),

  ...(['', ':'] as const).map((colon) =>
    step('When', `{Aggregate} "{id}" is sent {Command}${colon}`, `{Aggregate} {string} is sent {Command}${colon}`, colon ? 'tableOrDocString' : 'none',
      colon ? 'Sends a command with its fields in a | field | value | table (or a JSON doc string).' : 'Sends a command without fields, or with its example values.',
      colon ? 'When Order "o-1" is sent ShipOrder:\n  | carrier | DHL |' : 'When Order "o-1" is sent ShipOrder',
      async (context, [aggregateName, id, type], argument) => {
        const { aggregate } = lookup(context, aggregateName!, id!);
        const contract = resolveCommand(context.scenario.domain, aggregate, type!, context.place);
        let data: unknown;
        if (!colon) {
          data = contract.example ?? exampleOf(contract.schema);
        } else {
          const fields = recordFields(argument, context, contract, `the ${type} command`);
          if ('json' in fields) data = checkData(contract.schema, fields.json, contract.name, new Map(), context.place, {}, 'docString');
          else {
            const built = buildData(fields, contract.schema, contract.name, context.place);
            data = checkData(contract.schema, built.data, contract.name, built.refs, context.place);
          }
        }
        const result = await context.scenario.send(aggregate, id!, { type: contract.name, data });
        acceptedUnderGiven(context.place, aggregate.name, id!, contract.name, result);
      })),

  step('Then', '{Aggregate} "{id}" records:', '{Aggregate} {string} records:', 'table',
    'Checks the events the commands recorded, in order; only the columns given are compared.',
    'Then Order "o-1" records:\n  | event        | carrier |\n  | OrderShipped | DHL     |',
    async (context, [aggregateName, id], argument) => {
      const { aggregate } = lookup(context, aggregateName!, id!);
      await checkRecorded(context, aggregateName!, id!, expectedEvents(context, aggregate, aggregateName!, id!, tableOf(argument, context)));
    }),

  step('Then', '{Aggregate} "{id}" records {Event}, {Event} and {Event}', '{Aggregate} {string} records {Events}', 'none',
    'Checks which events the commands recorded, by name, in order.',
    'Then Order "o-1" records OrderShipped',
    async (context, [aggregateName, id, list]) => {
      const { aggregate } = lookup(context, aggregateName!, id!);
      const expected = splitNames(list!).map((name) => ({ type: resolveEvent(context.scenario.domain, aggregate, name, context.place).name, fields: {} }));
      await checkRecorded(context, aggregateName!, id!, expected);
    }),

  step('Then', '{Aggregate} "{id}" records nothing', '{Aggregate} {string} records nothing', 'none',
    'Checks that the commands recorded no event for this aggregate.',
    'Then Order "o-1" records nothing',
    async (context, [aggregateName, id]) => checkRecorded(context, aggregateName!, id!, [])),

  step('Then', 'the command is accepted', 'the command is accepted', 'none',
    'Checks that the last command was not rejected.',
    'Then the command is accepted',
    async (context) => {
      const last = context.scenario.last;
      if (!last) throw new ScenarioError(context.place, 'no command was sent before this step; add a "When … is sent …" step');
      if (last.result.status === 'rejected') {
        throw new ScenarioError(context.place, `the command ${last.result.command} was rejected with "${last.result.rejection}": ${last.result.message}`);
      }
    }),

  step('Then', 'the command is accepted or rejected', 'the command is accepted or rejected', 'none',
    'Checks that the last command was handled: accepted, or refused for one of the reasons its aggregate declares. '
      + 'A command that fails (an error in decide or evolve, a broken invariant) fails the When step before this one.',
    'Then the command is accepted or rejected',
    async (context) => {
      if (!context.scenario.last) throw new ScenarioError(context.place, 'no command was sent before this step; add a "When … is sent …" step');
    }),

  step('Then', 'the command is rejected with "{Rejection}"', 'the command is rejected with "{Rejection}"', 'none',
    'Checks that the last command was refused for this business reason.',
    'Then the command is rejected with "OrderAlreadyShipped"',
    async (context, [rejection]) => {
      const last = context.scenario.last;
      if (!last) throw new ScenarioError(context.place, 'no command was sent before this step; add a "When … is sent …" step');
      const known = Object.keys(last.aggregate.rejections);
      const unknown = known.length > 0 && !known.includes(rejection!) ? ` (${last.aggregate.name} declares no rejection "${rejection}"${didYouMean(rejection!, known)})` : '';
      if (last.result.status === 'accepted') {
        const recorded = last.result.events.map((e) => e.type).join(', ') || 'nothing';
        throw new ScenarioError(context.place, `expected the command to be rejected with "${rejection}", but it was accepted and recorded ${recorded}${unknown}`);
      }
      if (last.result.rejection !== rejection) {
        throw new ScenarioError(context.place, `expected the command to be rejected with "${rejection}", but it was rejected with "${last.result.rejection}": ${last.result.message}${unknown}`);
      }
    }),

  step('Then', '{Aggregate} "{id}" has state:', '{Aggregate} {string} has state:', 'table',
    'Checks the aggregate\'s current state, field by field (dotted names for nested fields); fields not listed are not compared.',
    'Then Order "o-1" has state:\n  | status | shipped |',
    async (context, [aggregate, id], argument) => checkState(context, aggregate!, id!, argument, {})),

  step('Then', '{Aggregate} "{id}" is at version {version}', '{Aggregate} {string} is at version {int}', 'none',
    'Checks how many events the aggregate has recorded in all.',
    'Then Order "o-1" is at version 3',
    async (context, [aggregateName, id, version]) => {
      const { streamId } = lookup(context, aggregateName!, id!);
      const actual = await context.scenario.stores.events.streamVersion(streamId);
      if (actual !== Number(version)) throw new ScenarioError(context.place, `${aggregateName} "${id}" is at version ${actual}, not ${version}`);
    }),

  step('Then', '{Aggregate} "{id}" at version {version} has state:', '{Aggregate} {string} at version {int} has state:', 'table',
    'Checks the state the aggregate had after its first N events (time travel by version).',
    'Then Order "o-1" at version 2 has state:\n  | total | 20.00 |',
    async (context, [aggregate, id, version], argument) => checkState(context, aggregate!, id!, argument, { atVersion: Number(version) })),

  step('Then', '{Aggregate} "{id}" as of "{time}" has state:', '{Aggregate} {string} as of {string} has state:', 'table',
    'Checks the state the aggregate had from the events that occurred up to that time (time travel by date).',
    'Then Order "o-1" as of "2025-03-01T10:00:00Z" has state:\n  | status | placed |',
    async (context, [aggregate, id, time], argument) => {
      const read = readTime(time!);
      if (!read.ok) throw new ScenarioError(context.place, read.problem);
      await checkState(context, aggregate!, id!, argument, { asOf: read.value.toISOString() });
    }),
];

/** Every phrasing eventspec understands, command side then read side. */
export const vocabulary: readonly VocabularyStep[] = [...commandSideSteps, ...processSteps, ...readSideSteps];

/** The steps a domain can use: process steps only with processes, read-side steps only with projections. */
export function vocabularyFor(domain: { readonly projections: readonly unknown[]; readonly processes: readonly unknown[] }): readonly VocabularyStep[] {
  return [...commandSideSteps, ...(domain.processes.length > 0 ? processSteps : []), ...(domain.projections.length > 0 ? readSideSteps : [])];
}
