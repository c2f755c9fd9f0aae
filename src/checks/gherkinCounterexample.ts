import type { z } from 'zod';
import type { AnyAggregate } from '../aggregate/defineAggregate';
import { exampleOf } from '../contracts/exampleOf';
import type { Counterexample, StatedEvent, ThenClause } from './counterexample';
import { cellText, renderTable, schemaAt, tableFields } from './tableCells';

export interface ReplayHint {
  readonly seed: number;
  readonly path: string;
}

const STEP = '    ';
const TABLE = '      ';

/** The command that replays a failure exactly: seed and shrink path. */
export function replayComment(aggregate: string, hint: ReplayHint): string {
  return `# eventspec check ${aggregate} --seed ${hint.seed} --path "${hint.path}"`;
}

/**
 * A counterexample as a scenario in the kit's own vocabulary, ready to paste under a Feature:
 * explanation and replay command as comments, then Given (time, history), When, Then.
 */
export function counterexampleToGherkin(example: Counterexample, aggregate: AnyAggregate, hint: ReplayHint): string {
  const subject = `${example.aggregate} ${quote(example.id)}`;
  const lines: string[] = [];
  for (const note of example.notes) lines.push(...note.split('\n').map((line) => `  # ${line}`));
  lines.push(`  ${replayComment(example.aggregate, hint)}`);
  lines.push(`  Scenario: ${example.title}`);
  lines.push(`${STEP}Given the time is ${quote(example.time.replace('.000Z', 'Z'))}`);
  if (example.history.length > 0) {
    const version = example.historyVersion !== undefined ? ` (v${example.historyVersion})` : '';
    lines.push(`${STEP}And ${subject} has recorded${version}:`);
    lines.push(...historyTable(example.history, aggregate));
  }
  if (example.command) lines.push(...whenLines(subject, example.command, aggregate));
  let first = true;
  for (const clause of example.then) {
    const rendered = thenLines(subject, clause, first ? 'Then' : 'And', aggregate);
    if (rendered.length > 0 && rendered[0]!.trimStart().startsWith(first ? 'Then' : 'And')) first = false;
    lines.push(...rendered);
  }
  return `${lines.join('\n')}\n`;
}

export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The schema data of an event is written in: the contract's, or an older version's (its upcaster's). */
function eventSchema(aggregate: AnyAggregate, event: StatedEvent): z.ZodType | undefined {
  const contract = aggregate.eventsByName.get(event.type);
  if (!contract) return undefined;
  if (event.schemaVersion === contract.version) return contract.schema;
  return contract.upcasters.find((u) => u.from === event.schemaVersion)?.schema;
}

function historyTable(history: readonly StatedEvent[], aggregate: AnyAggregate): string[] {
  const rows = history.map((event) => new Map(tableFields(event.data, eventSchema(aggregate, event))));
  const columns: string[] = [];
  for (const row of rows) for (const column of row.keys()) if (!columns.includes(column)) columns.push(column);
  const header = ['event', ...columns];
  const body = history.map((event, i) => [event.type, ...columns.map((c) => cellText(rows[i]!.get(c)))]);
  return renderTable([header, ...body], TABLE);
}

/** `When <Aggregate> "<id>" is sent <Command>:` with the command's fields as a table. */
export function whenLines(subject: string, command: { type: string; data: unknown }, aggregate: AnyAggregate): string[] {
  const contract = aggregate.commandsByName.get(command.type);
  const fields = tableFields(command.data, contract?.schema);
  if (fields.length === 0) {
    // With no table the step sends the contract's example, so absent fields must be written out as empty cells.
    const example = contract ? (contract.example ?? exampleOf(contract.schema)) : {};
    const exampleFields = tableFields(example, contract?.schema);
    if (exampleFields.length === 0) return [`${STEP}When ${subject} is sent ${command.type}`];
    return [`${STEP}When ${subject} is sent ${command.type}:`, ...renderTable(exampleFields.map(([path]) => [path, '']), TABLE)];
  }
  return [`${STEP}When ${subject} is sent ${command.type}:`, ...renderTable(fields.map(([path, value]) => [path, cellText(value)]), TABLE)];
}

function thenLines(subject: string, clause: ThenClause, keyword: 'Then' | 'And', aggregate: AnyAggregate): string[] {
  switch (clause.kind) {
    case 'accepted':
      return [`${STEP}${keyword} the command is accepted`];
    case 'handled':
      return [`${STEP}${keyword} the command is accepted or rejected`];
    case 'note':
      return [`${STEP}# ${clause.text}`];
    case 'rejected':
      return [`${STEP}${keyword} the command is rejected with ${quote(clause.rejection)}`];
    case 'recordsNothing':
      return [`${STEP}${keyword} ${subject} records nothing`];
    case 'records': {
      const rows = clause.events.map((event) => new Map(tableFields(event.data ?? {}, aggregate.eventsByName.get(event.type)?.schema)));
      const columns: string[] = [];
      for (const row of rows) for (const column of row.keys()) if (!columns.includes(column)) columns.push(column);
      if (columns.length === 0) return [`${STEP}${keyword} ${subject} records ${clause.events.map((e) => e.type).join(', ')}`];
      const body = clause.events.map((event, i) => [event.type, ...columns.map((c) => cellText(rows[i]!.get(c)))]);
      return [`${STEP}${keyword} ${subject} records:`, ...renderTable([['event', ...columns], ...body], TABLE)];
    }
    case 'state': {
      const schema = aggregate.stateSchema;
      const fields = clause.fields.flatMap(({ path, value }) =>
        value === undefined ? [[path, undefined] as [string, unknown]] : tableFields(value, schema ? schemaAt(schema, path) : undefined, path),
      );
      if (fields.length === 0) {
        return [`${STEP}# the difference is in the kind of value, which a state table cannot state`];
      }
      return [`${STEP}${keyword} ${subject} has state:`, ...renderTable(fields.map(([path, value]) => [path, cellText(value)]), TABLE)];
    }
  }
}
