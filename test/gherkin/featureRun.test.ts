import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const feature = 'test/gherkin/fixtures/mistakes.feature';

interface Envelope {
  pickle?: { id: string; name: string };
  testCase?: { id: string; pickleId: string };
  testCaseStarted?: { id: string; testCaseId: string };
  testStepFinished?: { testCaseStartedId: string; testStepResult: { status: string; message?: string } };
  suggestion?: { pickleStepId: string; snippets: { code: string }[] };
}

/** Runs cucumber on the fixture exactly as a user would, and reads its message stream. */
function runFixture(): { byScenario: Map<string, { status: string; message?: string }[]>; output: string; status: number | null; envelopes: Envelope[] } {
  const dir = mkdtempSync(join(tmpdir(), 'eventspec-run-'));
  const messages = join(dir, 'messages.ndjson');
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), '--config', 'test/gherkin/fixtures/cucumber.js', feature, '--format', `message:${messages}`],
    { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
  );
  const envelopes: Envelope[] = readFileSync(messages, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const names = new Map(envelopes.flatMap((e) => (e.pickle ? [[e.pickle.id, e.pickle.name]] : [])));
  const caseToPickle = new Map(envelopes.flatMap((e) => (e.testCase ? [[e.testCase.id, e.testCase.pickleId]] : [])));
  const startedToCase = new Map(envelopes.flatMap((e) => (e.testCaseStarted ? [[e.testCaseStarted.id, e.testCaseStarted.testCaseId]] : [])));
  const byScenario = new Map<string, { status: string; message?: string }[]>();
  for (const e of envelopes) {
    if (!e.testStepFinished) continue;
    const name = names.get(caseToPickle.get(startedToCase.get(e.testStepFinished.testCaseStartedId)!)!)!;
    byScenario.set(name, [...(byScenario.get(name) ?? []), e.testStepFinished.testStepResult]);
  }
  return { byScenario, output: run.stdout + run.stderr, status: run.status, envelopes };
}

describe('a feature file with mistakes, run through cucumber', () => {
  let run: ReturnType<typeof runFixture>;
  before(() => {
    run = runFixture();
  });
  const failure = (scenario: string) => run.byScenario.get(scenario)?.find((r) => r.status === 'FAILED')?.message;

  it('fails the run', () => {
    assert.equal(run.status, 1, run.output);
  });

  it('names file, line, row and column for a misspelled event, with a did-you-mean', () => {
    assert.equal(failure('A misspelled event name'), `${feature}:6 (row 1, column "event"): unknown event \`OrderPlace\` — did you mean \`OrderPlaced\`?`);
  });

  it('names the unknown column and the field it probably is', () => {
    assert.equal(failure('An unknown column'), `${feature}:11 (row 1, column "customr"): OrderPlaced has no field \`customr\` — did you mean \`customer\`?`);
  });

  it('tells how to write a number', () => {
    assert.equal(
      failure('A bad number'),
      `${feature}:16 (row 1, column "amount"): "twenty" is not a number; write it like 20 or 20.00 (a dot for decimals, no currency sign)`,
    );
  });

  it('points a column from an older event version at the versioned history step', () => {
    assert.equal(
      failure('A column from an older version of the event'),
      `${feature}:29 (row 1, column "total"): OrderPlaced has no field \`total\` in its current version 2; \`total\` is a field of version 1: state such history with "has recorded (v1):"`,
    );
  });

  it('says when a cell belongs on another row of the table', () => {
    assert.equal(
      failure('A cell filled on the wrong row'),
      `${feature}:39 (row 1, column "carrier"): OrderPlaced has no field \`carrier\` (leave its cell empty on this row: another event in the table has it)`,
    );
  });

  it('suggests a field for a column no event of the table has', () => {
    assert.equal(
      failure('A column no event of the table has'),
      `${feature}:34 (row 1, column "carrier"): OrderPlaced has no field \`carrier\` — expected a field such as \`customer\`, \`amount\`, \`currency\`; for event metadata, name the column \`metadata.carrier\``,
    );
  });

  it('shows the expected and actual state as a table', () => {
    assert.equal(
      failure('A wrong expectation of state'),
      `${feature}:20: Order "o-1" is not in the expected state:\n  | field  | expected | actual |\n  | status | shipped  | placed |`,
    );
  });

  it('suggests the closest phrasing of the vocabulary for an undefined step', () => {
    const steps = run.byScenario.get('A step that is almost the vocabulary')!;
    assert.ok(steps.some((s) => s.status === 'UNDEFINED'));
    const snippet = run.envelopes.flatMap((e) => e.suggestion?.snippets ?? []).map((s) => s.code).join('\n') || run.output;
    assert.match(snippet, /Did you mean \(test\/gherkin\/fixtures\/mistakes\.feature:\d+\):\n\/\/ {3}Given Order "o-1" has recorded OrderPlaced/);
  });

  it('refuses a time that is not ISO 8601, at its line, listing the forms it reads', () => {
    const line = readFileSync(join(root, feature), 'utf8').split('\n').findIndex((l) => l.includes('01/03/2025')) + 1;
    assert.equal(
      failure('A time written day first'),
      `${feature}:${line}: "01/03/2025 10:00" is not a date or time eventspec reads; write it as ISO 8601: 2025-03-01, 2025-03-01T10:00, 2025-03-01T10:00:00, 2025-03-01T10:00:00Z or 2025-03-01T10:00:00+01:00 (without a zone, UTC)`,
    );
  });

  it('fails an eventual check of a field the read model lacks at once, with the field\'s did-you-mean', () => {
    const line = readFileSync(join(root, feature), 'utf8').split('\n').findIndex((l) => l.includes('eventually the OrderSummary "alice"')) + 1;
    assert.equal(failure('An eventual check of a field the read model lacks'), `${feature}:${line}: read model OrderSummary has no field \`ordrs\` — did you mean \`orders\`?`);
  });

  it('refuses an Outline placeholder that names no Examples column, at its step', () => {
    const lines = readFileSync(join(root, feature), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('Scenario Outline: An Outline placeholder')) + 2;
    const row = lines.findIndex((l, i) => i > line && /^\s*\|\s*alice\s*\|/.test(l)) + 1;
    assert.equal(
      failure('An Outline placeholder that names no column'),
      `${feature}:${line} (Examples row at line ${row}): <custmer> names no column of the Examples table (its columns are <customer>) — did you mean \`customer\`?`,
    );
  });
  it('compares a metadata column with the recorded event\'s metadata, naming both values', () => {
    const line = readFileSync(join(root, feature), 'utf8').split('\n').findIndex((l) => l.includes('Scenario: Metadata other than')) + 5;
    assert.equal(
      failure('Metadata other than what was recorded'),
      `${feature}:${line}: Order "o-1" recorded other events than expected — event 1 (OrderShipped), metadata actor: expected carol, recorded bob\n` +
        '  expected:\n    | event        | metadata.actor |\n    | OrderShipped | carol          |\n' +
        '  recorded:\n    | event        | metadata.actor |\n    | OrderShipped | bob            |',
    );
  });

  it('says how to name a metadata column when a column is no field of the event', () => {
    const line = readFileSync(join(root, feature), 'utf8').split('\n').findIndex((l) => l.includes('Scenario: Metadata in a column named like a field')) + 7;
    assert.equal(
      failure('Metadata in a column named like a field'),
      `${feature}:${line} (row 1, column "actor"): OrderShipped has no field \`actor\` — expected a field such as \`carrier\`; for event metadata, name the column \`metadata.actor\``,
    );
  });

  it('fails a command under Given that is refused at its own line, not at a later step', () => {
    assert.equal(
      failure('A command under Given that is refused'),
      `${feature}:76: under Given, Deposit sets the scene, but Account "a-9" rejected it with "AccountNotOpen" (open the account first, or use an account that is not closed); ` +
        'make the history before it lead to where Deposit is accepted, or to check the rejection, send it under When and write: Then the command is rejected with "AccountNotOpen"',
    );
  });

  it('fails a domain phrasing under Given whose command is refused, the same way', () => {
    assert.match(failure('A phrasing under Given whose command is refused') ?? '', new RegExp(`^${feature}:82: under Given, ShipOrder sets the scene, but Order "o-404" rejected it with "OrderNotPlaced"`));
  });
});
