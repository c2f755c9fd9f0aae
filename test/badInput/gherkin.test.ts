import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ACCEPTED_TIMES } from '../../src/core/readTime';

// Mistakes a product owner makes in a feature file, run through real cucumber with the
// repository's steps: each fails its own scenario with the exact message (file:line, the cell,
// the fix), and the scenario stores nothing but the history written before the mistake.
const root = join(__dirname, '..', '..');

interface Case {
  name: string;
  /** The scenario's steps; the line marked `<<` is where the message points (the marker is removed). */
  steps: string;
  message: (where: string) => string;
  /** Types of the events the scenario stored, in order. */
  stored?: string[];
}

const colonFix = 'this step ends with \':\' but has no table under it;';
const cases: Case[] = [
  { name: 'a command step ending in a colon without a table', steps: 'When Order "o-1" is sent PlaceOrder: <<', message: (at) => `${at}: ${colonFix} add a table (or a doc string) or remove the colon` },
  { name: 'a state check ending in a colon without a table', steps: 'Given Order "o-1" has recorded OrderPlaced\nThen Order "o-1" has state: <<', message: (at) => `${at}: ${colonFix} add a table under it`, stored: ['OrderPlaced'] },
  { name: 'a history step ending in a colon without a table', steps: 'Given Order "o-1" has recorded: <<', message: (at) => `${at}: ${colonFix} add a table under it` },
  { name: 'one event of history ending in a colon without a table', steps: 'Given Order "o-1" has recorded OrderPlaced: <<', message: (at) => `${at}: ${colonFix} add a table (or a doc string) or remove the colon` },
  { name: 'a table under a step that takes none', steps: 'Given Order "o-1" has recorded OrderPlaced <<\n  | customer | alice |', message: (at) => `${at}: this step has a table under it but does not end with ':'; add the colon to give fields, or remove the table` },
  { name: 'a doc string under a step that takes none', steps: 'Given Order "o-1" has recorded OrderPlaced\nThen Order "o-1" records nothing <<\n  """\n  nothing\n  """', message: (at) => `${at}: this step takes no table or doc string; remove the doc string under it`, stored: ['OrderPlaced'] },
  { name: 'a doc string where a table of events is needed', steps: 'Given Order "o-1" has recorded: <<\n  """\n  [{"event": "OrderPlaced"}]\n  """', message: (at) => `${at}: this step needs a table under it, not a doc string; write the values as a table` },
  { name: 'an impossible date for the clock', steps: 'Given the time is "2025-02-30" <<', message: (at) => `${at}: "2025-02-30" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}` },
  { name: 'a number for the clock', steps: 'Given the time is "1" <<', message: (at) => `${at}: "1" is not a date or time eventspec reads; write it as ISO 8601: ${ACCEPTED_TIMES}` },
  { name: 'a time with hour 24', steps: 'Given the time is "2025-03-01T24:00" <<', message: (at) => `${at}: "2025-03-01T24:00" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}` },
  { name: 'an impossible date for "as of"', steps: 'Given Order "o-1" has recorded OrderPlaced\nThen Order "o-1" as of "2025-13-01" has state: <<\n  | status | placed |', message: (at) => `${at}: "2025-13-01" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}`, stored: ['OrderPlaced'] },
  { name: 'a repeated column in a history table', steps: 'Given Order "o-1" has recorded:\n  | event       | customer | amount | customer | <<\n  | OrderPlaced | alice    | 20     | bob      |', message: (at) => `${at} (column "customer"): the column "customer" appears twice in the header (columns 2 and 4), so one value of each row would be lost; keep one "customer" column` },
  { name: 'a repeated column in an expectation of events', steps: 'When Order "o-1" is sent PlaceOrder:\n  | customer | alice |\nThen Order "o-1" records:\n  | event       | customer | customer | <<\n  | OrderPlaced | alice    | bob      |', message: (at) => `${at} (column "customer"): the column "customer" appears twice in the header (columns 2 and 3), so one value of each row would be lost; keep one "customer" column`, stored: ['OrderPlaced'] },
  { name: 'a repeated column in a one-row command table', steps: 'When Order "o-1" is sent AddItem:\n  | sku    | price | sku   | <<\n  | BOOK-1 | 10    | PEN-7 |', message: (at) => `${at} (column "sku"): the column "sku" appears twice in the header (columns 1 and 3), so one value of each row would be lost; keep one "sku" column` },
  { name: 'a repeated field row in a command table', steps: 'When Order "o-1" is sent PlaceOrder:\n  | customer | alice |\n  | customer | bob   | <<', message: (at) => `${at} (column "customer"): the field "customer" is given twice (on rows 1 and 2 of the table), so one value would be lost; keep one row per field` },
  { name: 'a repeated field row in a state check', steps: 'Given Order "o-1" has recorded OrderPlaced\nThen Order "o-1" has state:\n  | status | placed |\n  | total  | 0      |\n  | status | new    | <<', message: (at) => `${at} (column "status"): the field "status" is given twice (on rows 1 and 3 of the table), so one value would be lost; keep one row per field`, stored: ['OrderPlaced'] },
  { name: 'a repeated field row under a field/value header', steps: 'Given Order "o-1" has recorded OrderPlaced:\n  | field    | value |\n  | customer | alice |\n  | customer | bob   | <<', message: (at) => `${at} (column "customer"): the field "customer" is given twice (on rows 2 and 3 of the table), so one value would be lost; keep one row per field` },
  { name: 'a history table with only a header', steps: 'Given Order "o-1" has recorded:\n  | event | customer | <<', message: (at) => `${at}: the table has a header but no rows, so it names no events; add one row per event under the header (a scenario without history needs no "has recorded" step)` },
  { name: 'an expectation of events with only a header', steps: 'Then Order "o-1" records:\n  | event | customer | <<', message: (at) => `${at}: the table has a header but no rows, so it names no events; add one row per expected event under the header, or write "Then Order "o-1" records nothing"` },
  {
    name: 'history stated under Then, where a check was meant',
    steps: 'Given Order "o-1" has recorded OrderPlaced\nThen Order "o-1" has recorded OrderShipped <<',
    message: (at) => `${at}: "has recorded" states history: it stores events as if they happened before the scenario, so under Then it would check nothing — to check what the commands recorded, write: Then Order "o-1" records OrderShipped (or records: with a table headed | event | and the fields to compare)`,
    stored: ['OrderPlaced'],
  },
  {
    name: 'an event happening now written under Then, where a check was meant',
    steps: 'Given Order "o-1" has recorded OrderPlaced\nThen Order "o-1" records OrderShipped: <<\n  | carrier | UPS |',
    message: (at) => `${at}: "records OrderShipped:" records an event now, as if another service did, so under Then it would check nothing — to check what the commands recorded, write: Then Order "o-1" records OrderShipped (or records: with a table headed | event | and the fields to compare)`,
    stored: ['OrderPlaced'],
  },
  {
    name: 'a history table under And after Then',
    steps: 'Given Order "o-1" has recorded OrderPlaced\nThen Order "o-1" is at version 1\nAnd Order "o-1" has recorded: <<\n  | event        |\n  | OrderShipped |',
    message: (at) => `${at}: "has recorded" states history: it stores events as if they happened before the scenario, so under Then it would check nothing — to check what the commands recorded, write: Then Order "o-1" records: with a table headed | event | and the fields to compare`,
    stored: ['OrderPlaced'],
  },
  {
    name: 'a list cell with a stray comma',
    steps: 'Given Order "o-1" has recorded OrderConfirmed:\n  | amount | 3      |\n  | items  | a, , b | <<',
    message: (at) => `${at} (column "items"): "a, , b" has an empty item (item 2, between two commas); remove the extra comma`,
  },
  {
    name: 'a check of the wrong id, where the commands recorded on another',
    steps: 'When Order "o-1" is sent PlaceOrder:\n  | customer | alice |\nThen Order "o-l" records OrderPlaced <<',
    message: (at) => `${at}: Order "o-l" recorded other events than expected — event 1: expected OrderPlaced, but nothing was recorded\n  expected:\n    | event       |\n    | OrderPlaced |\n  recorded:\n    (nothing)\n  (the commands recorded on Order "o-1" (OrderPlaced) — is the id right?)`,
    stored: ['OrderPlaced'],
  },
  {
    name: 'a check of what a command under Given recorded (history)',
    steps: 'Given Order "o-1" is sent PlaceOrder:\n  | customer | alice |\nThen Order "o-1" records OrderPlaced <<',
    message: (at) => `${at}: Order "o-1" recorded other events than expected — event 1: expected OrderPlaced, but nothing was recorded\n  expected:\n    | event       |\n    | OrderPlaced |\n  recorded:\n    (nothing)\n  (its 1 event came from the Given steps: history, which "records" does not check — a command sent under Given is history too; send it under When)`,
    stored: ['OrderPlaced'],
  },
  {
    name: 'a check above its When',
    steps: 'Then Order "o-1" records OrderPlaced <<\nWhen Order "o-1" is sent PlaceOrder:\n  | customer | alice |',
    message: (at) => `${at}: Order "o-1" recorded other events than expected — event 1: expected OrderPlaced, but nothing was recorded\n  expected:\n    | event       |\n    | OrderPlaced |\n  recorded:\n    (nothing)\n  (nothing was sent to it or recorded on it before this step: a Then checks what the When steps did — is it above its When?)`,
  },
  {
    name: 'an empty id',
    steps: 'Given Order "" has recorded OrderPlaced <<',
    message: (at) => `${at}: the Order id between the quotes is empty; write which Order this is about, like Order "o-1"`,
  },
  {
    name: 'the clock set back after events were recorded',
    steps: 'Given the time is "2025-03-10T10:00:00Z"\nAnd Order "o-1" has recorded OrderPlaced\nAnd the time is "2025-03-01" <<',
    message: (at) => `${at}: the time 2025-03-01T00:00:00.000Z is before 2025-03-10T10:00:00.000Z, when this scenario already recorded an event; later events would come before it in time — set the times in order`,
    stored: ['OrderPlaced'],
  },
  {
    name: 'a table of fields with a third column',
    steps: 'When Order "o-1" is sent PlaceOrder:\n  | customer | alice | x | <<\n  | amount   | 3     | y |',
    message: (at) => `${at} (column "customer"): a table of fields has two columns, the field and its value (| customer | … |); this one has 3 — remove the extra column, or write a header row of field names and one row of values`,
  },
  {
    name: 'an empty cell for a required field',
    steps: 'When Order "o-1" is sent PlaceOrder:\n  | customer |       | <<',
    message: (at) => `${at} (column "customer"): PlaceOrder is not valid: customer: is missing (expected a string) — an empty cell means "not given"; write a value in it`,
  },
  {
    name: 'a command table without two required fields',
    steps: 'Given Order "o-1" has recorded OrderPlaced\nWhen Order "o-1" is sent AddItem: <<\n  | quantity |\n  | 2        |',
    message: (at) => `${at}: AddItem is not valid: sku: is missing (expected a string); price: is missing (expected a number) — add "sku" and "price" to the table`,
    stored: ['OrderPlaced'],
  },
  { name: 'a doc string without a required field', steps: 'When Order "o-1" is sent PlaceOrder: <<\n  """\n  {"amount": 3}\n  """', message: (at) => `${at}: PlaceOrder is not valid: customer: is missing (expected a string) — add "customer" to the doc string's JSON` },
  { name: 'a doc string that is a list, not an object', steps: 'When Order "o-1" is sent PlaceOrder: <<\n  """\n  ["alice"]\n  """', message: (at) => `${at}: PlaceOrder is not valid: (whole value): expected object, received array (got ["alice"]) — write the doc string as a JSON object, like {"field": "value"}` },
  { name: 'a doc string that is not JSON', steps: 'When Order "o-1" is sent PlaceOrder: <<\n  """\n  customer: alice\n  """', message: (at) => `${at}: the doc string under this step is not JSON (it has an unexpected \"c\"); write the fields as a JSON object, like {"customer":"alice","amount":0,"currency":"EUR"}, or put them in a table instead` },
  { name: 'a double quote inside an id', steps: 'Given Order "o-"1" has recorded OrderPlaced <<', message: (at) => `${at}: a value in double quotes cannot hold a bare " (it ends the value early); write it as \\" inside the value: Order "o-\\"1" has recorded OrderPlaced` },
  { name: 'a double quote inside an id of a command', steps: 'When Order "say "hi"" is sent ShipOrder <<', message: (at) => `${at}: a value in double quotes cannot hold a bare " (it ends the value early); write it as \\" inside the value: Order "say \\"hi\\"" is sent ShipOrder` },
];

interface Envelope {
  pickle?: { id: string; name: string; uri: string };
  testCase?: { id: string; pickleId: string };
  testCaseStarted?: { id: string; testCaseId: string };
  testStepFinished?: { testCaseStartedId: string; testStepResult: { status: string; message?: string } };
  attachment?: { testCaseStartedId?: string; body: string; fileName?: string };
}

interface Outcome {
  results: { status: string; message?: string }[];
  stored: string[];
}

let dir: string;
let uri: string;
let runStatus: number | null;
let output: string;
const lines = new Map<string, number>();
const outcomes = new Map<string, Outcome>();

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'eventspec-bad-gherkin-'));
  const file = join(dir, 'bad.feature');
  uri = relative(root, file);
  const text = ['Feature: Bad input a product owner can write', ''];
  for (const c of cases) {
    text.push(`  Scenario: ${c.name}`);
    for (const line of c.steps.split('\n')) {
      if (line.includes(' <<')) lines.set(c.name, text.length + 1);
      text.push(`    ${line.replace(' <<', '')}`);
    }
    // Cucumber blamed a later scenario for the ':' step's rejection: each is followed by a passing one.
    text.push('', `  Scenario: after ${c.name}`, '    Given Order "o-1" has recorded OrderPlaced', '    Then Order "o-1" is at version 1', '');
  }
  writeFileSync(file, text.join('\n'));
  const messages = join(dir, 'messages.ndjson');
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), '--config', 'test/gherkin/fixtures/cucumber.js', file, '--format', `message:${messages}`],
    { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 120_000 },
  );
  runStatus = run.status;
  output = run.stdout + run.stderr;
  const envelopes: Envelope[] = readFileSync(messages, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const names = new Map(envelopes.flatMap((e) => (e.pickle ? [[e.pickle.id, e.pickle.name]] : [])));
  const caseToPickle = new Map(envelopes.flatMap((e) => (e.testCase ? [[e.testCase.id, e.testCase.pickleId]] : [])));
  const startedToName = new Map(envelopes.flatMap((e) => (e.testCaseStarted ? [[e.testCaseStarted.id, names.get(caseToPickle.get(e.testCaseStarted.testCaseId)!)!]] : [])));
  const outcome = (started: string) => {
    const name = startedToName.get(started)!;
    if (!outcomes.has(name)) outcomes.set(name, { results: [], stored: [] });
    return outcomes.get(name)!;
  };
  for (const e of envelopes) {
    if (e.testStepFinished) outcome(e.testStepFinished.testCaseStartedId).results.push(e.testStepFinished.testStepResult);
    if (e.attachment?.fileName === 'eventspec-recorded-events.json') {
      outcome(e.attachment.testCaseStartedId!).stored = (JSON.parse(e.attachment.body) as { events: { type: string }[] }).events.map((event) => event.type);
    }
  }
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('bad input in a feature file', () => {
  it('fails the run with cucumber\'s report, and no raw JavaScript error', () => {
    assert.equal(runStatus, 1, output);
    assert.doesNotMatch(output, /multiple asynchronous interfaces|TypeError|Unhandled|\n\s+at /);
  });

  for (const c of cases) {
    it(`tells ${c.name}, where and how to fix it, and stores nothing more`, () => {
      const outcome = outcomes.get(c.name);
      assert.ok(outcome, `the scenario "${c.name}" did not run:\n${output}`);
      const failed = outcome.results.filter((r) => r.status === 'FAILED');
      assert.equal(failed.length, 1, JSON.stringify(outcome.results));
      assert.equal(failed[0]!.message, c.message(`${uri}:${lines.get(c.name)}`));
      assert.deepEqual(outcome.stored, c.stored ?? []);
      const next = outcomes.get(`after ${c.name}`);
      assert.deepEqual(next?.results.map((r) => r.status), ['PASSED', 'PASSED', 'PASSED', 'PASSED'], 'the next scenario is not blamed');
    });
  }
});
