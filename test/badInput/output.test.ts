// Bad input that ends up printed: credentials in any slot, text that would steer a terminal, names
// that would reorder what a reader sees, and message streams of the wrong shape. Each case checks
// the exact message (what, where, how to fix) or the refusal, and that nothing was opened or written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { redactCredentials } from '../../src/core/redactCredentials';
import { terminalSafe } from '../../src/core/terminalText';
import type { StoreOpener } from '../../src/cli';
import { runCli } from '../../src/cli';
import { docsData } from '../../src/docs/buildDocs';
import { inMemoryEventStore } from '../../src';
import { captureIO, run, shopDomain } from '../cli/cliHarness';

const root = join(__dirname, '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'eventspec-bad-output-'));
after(() => rmSync(temp, { recursive: true, force: true }));

describe('bad input: credentials are never printed (issue 13, items 1 and 3)', () => {
  // [what lands in the text, the connection string the command knows (if any), what may be printed]
  const cases: [string, string, string | undefined, string][] = [
    ['a connection string in the stream-id slot', 'stream "mongodb://bob:hunter2/x@db/shop" does not belong', undefined, 'stream "mongodb://***@db/shop" does not belong'],
    ['scheme-less user:password@host', 'bob:hunter2@db/shop', undefined, '***@db/shop'],
    ['scheme-less, password with unescaped / ? #', 'connect bob:hun/ter?2#x@db/shop failed', undefined, 'connect ***@db/shop failed'],
    ['a password with a space', 'mongodb://bob:hunter 2@db/shop is down', undefined, 'mongodb://***@db/shop is down'],
    ['a password with unescaped / and @', 'at mongodb://alice:p@s/s@h1,h2/db now', undefined, 'at mongodb://***@h1,h2/db now'],
    ['password= and tlsCertificateKeyFilePassword= options', 'mongodb://h/?password=pw&w=1 and ?tlsCertificateKeyFilePassword=abc&x=1', undefined, 'mongodb://h/?password=***&w=1 and ?tlsCertificateKeyFilePassword=***&x=1'],
    ['an AWS session token on its own', 'auth with AWS_SESSION_TOKEN:FQoGZXIvYXdzEJr failed', undefined, 'auth with AWS_SESSION_TOKEN:*** failed'],
    ['an AWS session token in authMechanismProperties', 'mongodb://h/?authMechanismProperties=AWS_SESSION_TOKEN:abc,SERVICE_NAME:x', undefined, 'mongodb://h/?authMechanismProperties=***'],
    ['secrets of the known URI quoted alone by a driver', 'auth failed for svc-user with hunter22', 'mongodb://svc-user:hunter22@db/shop', 'auth failed for *** with ***'],
    ['one-letter user and password never mangle words', 'cannot reach MongoDB at mongodb://c:r@db/shop (connect ECONNREFUSED)', 'mongodb://c:r@db/shop', 'cannot reach MongoDB at mongodb://***@db/shop (connect ECONNREFUSED)'],
    ['a short user is hidden only as a word of its own', 'user bob (not bobby) failed', 'mongodb://bob:pw@db', 'user *** (not bobby) failed'],
    ['a web address with @ in its path stays', 'see https://registry.npmjs.org/@scope%2fpkg#readme', undefined, 'see https://registry.npmjs.org/@scope%2fpkg#readme'],
    ['a web address with an unescaped / in its password is hidden', 'GET https://bob:pa/ss@host.example/x failed', undefined, 'GET https://***@host.example/x failed'],
    ['ordinary text with a host:port and an e-mail address stays', 'mongodb://db:27017/shop down; mail ops@example.com', undefined, 'mongodb://db:27017/shop down; mail ops@example.com'],
  ];
  for (const [what, text, uri, shown] of cases) {
    it(what, () => assert.equal(redactCredentials(text, uri), shown));
  }

  it('a scenario store that cannot start never shows the password its error quotes', () => {
    const dir = join(temp, 'leaky-store');
    mkdirSync(join(dir, 'features'), { recursive: true });
    writeFileSync(join(dir, 'features', 'a.feature'), 'Feature: A\n  Scenario: s\n    Given the time is "2025-03-01T10:00:00Z"\n');
    writeFileSync(
      join(dir, 'steps.ts'),
      `import { installSteps } from ${JSON.stringify(join(root, 'src', 'gherkin'))};\n` +
        `import { domain } from ${JSON.stringify(join(root, 'src', 'domains'))};\n` +
        "installSteps(domain, { stores: { leaky: () => { throw new Error('cannot connect to mongodb://bob:hunter2/x@db/shop as bob:hunter2@db'); } } });\n",
    );
    const cucumber = join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
    const result = spawnSync(
      process.execPath,
      [cucumber, '--require-module', 'ts-node/register', '--require', 'steps.ts', '--world-parameters', '{"store":"leaky"}', '--format', 'progress', 'features/a.feature'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_PROJECT: join(root, 'tsconfig.json') } },
    );
    const output = result.stdout + result.stderr;
    assert.equal(result.status, 1, output);
    assert.match(output, /the leaky store cannot be used: cannot connect to mongodb:\/\/\*\*\*@db\/shop as \*\*\*@db/);
    assert.doesNotMatch(output, /hunter2/);
  });

  it('eventspec never echoes a connection string given as a command', async () => {
    const { code, stderr } = await run(['mongodb://bob:hunter2@db/shop']);
    assert.equal(code, 2);
    assert.match(stderr, /^error: unknown command 'mongodb:\/\/\*\*\*@db\/shop'/);
    assert.doesNotMatch(stderr, /hunter2/);
  });
});

describe('bad input: eventspec inspect refuses a stream id it cannot use, before connecting (issue 13, items 1 and 13)', () => {
  const uri = 'mongodb://alice:s3cr3t-pw@db.example.com:27017/shop';
  const connectionStringInSlot =
    'eventspec: the stream id looks like a connection string (not shown, as it may hold a password): give the stream as <Aggregate>-<id>, e.g. Order-o-1, ' +
    'and the connection string with --mongo <uri> or MONGODB_URI\n';
  const cases: [string, string, string][] = [
    ['an aggregate name with an empty id', 'Order-', 'eventspec: stream "Order-" names the Order aggregate but no id: give the id after the dash, e.g. Order-1\n'],
    ['a connection string with a password holding /', 'mongodb://bob:hunter2/x@db/shop', connectionStringInSlot],
    ['a scheme-less connection string', 'bob:hunter2@db/shop', connectionStringInSlot],
    ['a connection string without credentials', 'mongodb://db.example.com/shop', connectionStringInSlot],
    ['a name with terminal controls', 'Ord\u001b]0;owned\u0007er-1', 'eventspec: stream "Ord\\x1B]0;owned\\x07er-1" does not belong to an aggregate; stream ids look like <Aggregate>-<id> — expected one of `Order`\n'],
  ];
  for (const [what, streamId, message] of cases) {
    it(what, async () => {
      const events = inMemoryEventStore();
      let opened = 0;
      const opener: StoreOpener = async () => ((opened += 1), { events, close: async () => {} });
      const { code, stdout, stderr } = await run(['inspect', streamId, '--mongo', uri, '--domain', shopDomain], undefined, {}, { openStores: opener });
      assert.equal(code, 2);
      assert.equal(stderr, message);
      assert.equal(stdout, '');
      assert.equal(opened, 0, 'the store must not be opened');
      assert.doesNotMatch(stderr, /hunter2|s3cr3t/);
    });
  }
});

describe('bad input: text from files and streams cannot steer the terminal (issue 13, item 2)', () => {
  const cases: [string, string, string][] = [
    ['a title change (OSC 0)', 'a\u001b]0;owned\u0007b', 'a\\x1B]0;owned\\x07b'],
    ['a line erase and carriage return', 'ok\r\u001b[2Kfake pass', 'ok\\r\\x1B[2Kfake pass'],
    ['an OSC 8 link', '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\', '\\x1B]8;;https://evil.example\\x1B\\click\\x1B]8;;\\x1B\\'],
    ['one-byte C1 CSI and OSC, and DEL', 'x\u009b2Jy\u009d0;t\u009cz\u007f', 'x\\x9B2Jy\\x9D0;t\\x9Cz\\x7F'],
    ['bidi overrides, isolates and marks', 'abc\u202Etxt.exe\u2066\u200F\u061C', 'abc\\u202Etxt.exe\\u2066\\u200F\\u061C'],
    ['newlines and tabs stay', 'line 1\n\tline 2', 'line 1\n\tline 2'],
  ];
  for (const [what, text, shown] of cases) it(what, () => assert.equal(terminalSafe(text), shown));

  it('eventspec inspect prints stored ids and data escaped, and --json stays the same JSON value', async () => {
    const events = inMemoryEventStore();
    const streamId = 'Order-o\u202E1';
    const data = { carrier: 'D\u001b]0;owned\u0007H\u009b2JL' };
    await events.append(streamId, [{ id: 'e-1', type: 'OrderShipped', schemaVersion: 1, data, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } }]);
    const opener: StoreOpener = async () => ({ events, close: async () => {} });
    const human = await run(['inspect', streamId, '--mongo', 'mongodb://db/shop', '--domain', shopDomain], undefined, { NO_COLOR: '1' }, { openStores: opener });
    assert.equal(human.stdout.split('\n')[0], 'Order-o\\u202E1 (Order "o\\u202E1") — 1 event');
    assert.match(human.stdout, /OrderShipped {2}schema v1 {2}\S+ {2}\{"carrier":"D\\u001b]0;owned\\u0007H\\u009B2JL"\}/);
    const json = await run(['inspect', streamId, '--json', '--mongo', 'mongodb://db/shop', '--domain', shopDomain], undefined, {}, { openStores: opener });
    assert.doesNotMatch(json.stdout, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    const report = JSON.parse(json.stdout);
    assert.deepEqual([report.streamId, report.events[0].data], [streamId, data]);
    assert.deepEqual(await events.readStream(streamId).then((e) => e.map((x) => x.data)), [data], 'the stored event is unchanged');
  });

  it('eventspec docs prints run-problem notes from a crafted stream escaped', async () => {
    const project = projectWith('notes', [
      { parseError: { source: { uri: 'features/a.feature', location: { line: 3 } }, message: 'bad \u001b]0;owned\u0007 \u001b[2K \u001b]8;;http://evil\u001b\\x\u001b]8;;\u001b\\ \u202Edone' } },
    ]);
    const io = captureIO(project, { NO_COLOR: '1' });
    assert.equal(await runCli(['docs', '--messages', 'run.ndjson', '--domain', shopDomain, '--out', 'site'], io.io), 0, io.stderr());
    const note = io.stdout().split('\n').find((l) => l.includes('could not parse'));
    assert.equal(note, '  note: features/a.feature:3: the run could not parse this feature — bad \\x1B]0;owned\\x07 \\x1B[2K \\x1B]8;;http://evil\\x1B\\x\\x1B]8;;\\x1B\\ \\u202Edone');
  });
});

describe('bad input: bidi controls in names are neutralised in the site (issue 13, item 4)', () => {
  it('every name the site shows: feature, rule, scenario, tags, step text and table cells', async () => {
    const project = join(temp, 'bidi');
    mkdirSync(join(project, 'features'), { recursive: true });
    writeFileSync(
      join(project, 'features', 'bidi.feature'),
      [
        '@tag\u202Ex',
        'Feature: Feat\u202Eure',
        '  Rule: Ru\u2067le',
        '    Scenario: Sce\u200Fnario',
        '      Given a st\u202Dep',
        '        | col\u202Bumn |',
        '        | ce\u061Cll   |',
        '',
      ].join('\n'),
    );
    const data = await docsData({ features: 'features', cwd: project });
    const feature = data.features[0]!;
    const scenario = data.scenarios[0]!;
    assert.deepEqual(
      [feature.name, feature.tags[0], scenario.rule, scenario.name, scenario.steps[0]!.text, scenario.steps[0]!.table],
      ['Feat\\u202Eure', '@tag\\u202Ex', 'Ru\\u2067le', 'Sce\\u200Fnario', 'a st\\u202Dep', [['col\\u202Bumn'], ['ce\\u061Cll']]],
    );
    assert.doesNotMatch(JSON.stringify(data), /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
  });
});

describe('bad input: a message stream line of the wrong shape is refused with its file and line (issue 13, item 6)', () => {
  const fix = " — each line must be a message as Cucumber's \"message\" formatter writes it; write the stream again (run the features) or remove this line\n";
  const cases: [string, object, string][] = [
    ['an empty pickle', { pickle: {} }, 'this "pickle" message has the wrong shape: pickle.id is missing (expected a string); pickle.uri is missing (expected a string); pickle.name is missing (expected a string) (and 3 more)'],
    ['an empty parseError', { parseError: {} }, 'this "parseError" message has the wrong shape: parseError.source is missing (expected an object); parseError.message is missing (expected a string)'],
    ['an empty testRunHookFinished', { testRunHookFinished: {} }, 'this "testRunHookFinished" message has the wrong shape: testRunHookFinished.result is missing (expected an object)'],
    ['an empty suggestion', { suggestion: {} }, 'this "suggestion" message has the wrong shape: suggestion.pickleStepId is missing (expected a string); suggestion.snippets is missing (expected an array)'],
    ['an attachment without mediaType', { attachment: { body: 'x', contentEncoding: 'IDENTITY' } }, 'this "attachment" message has the wrong shape: attachment.mediaType is missing (expected a string)'],
    ['an attachment with an unknown encoding', { attachment: { body: 'x', mediaType: 'text/plain', contentEncoding: 'GZIP' } }, 'this "attachment" message has the wrong shape: attachment.contentEncoding should be one of "IDENTITY", "BASE64"'],
    ['a test case whose steps are not a list', { testCase: { id: 't', pickleId: 'p', testSteps: 'all' } }, 'this "testCase" message has the wrong shape: testCase.testSteps should be an array, not a string'],
    ['a step result without status', { testStepFinished: { testCaseStartedId: 'a', testStepId: 's', testStepResult: {} } }, 'this "testStepFinished" message has the wrong shape: testStepFinished.testStepResult.status is missing (expected a string)'],
    ['a timestamp with words for seconds', { testRunFinished: { timestamp: { seconds: 'soon', nanos: 0 } } }, 'this "testRunFinished" message has the wrong shape: testRunFinished.timestamp.seconds should be a whole number'],
    ['a null stepDefinition', { stepDefinition: null }, 'this "stepDefinition" message has the wrong shape: stepDefinition should be an object, not null'],
    ['a scenario without its fields in a gherkinDocument', { gherkinDocument: { uri: 'features/a.feature', feature: { keyword: 'Feature', name: 'A', tags: [], children: [{ scenario: { id: '1', keyword: 'Scenario', name: 's', tags: [], examples: [] } }] } } }, 'this "gherkinDocument" message has the wrong shape: gherkinDocument.feature.children[0].scenario.steps is missing (expected an array)'],
  ];
  for (const [what, envelope, problem] of cases) {
    it(what, async () => {
      const project = projectWith(what.replace(/\W+/g, '-'), [{ meta: {} }, envelope]);
      const io = captureIO(project, { NO_COLOR: '1' });
      const code = await runCli(['docs', '--messages', 'run.ndjson', '--domain', shopDomain, '--out', 'site'], io.io);
      assert.equal(code, 1);
      assert.equal(io.stderr(), `run.ndjson:2: ${problem}${fix}`);
      assert.equal(existsSync(join(project, 'site')), false, 'no site is written from a broken stream');
    });
  }
});

/** A project folder with one feature and a message stream made of these envelopes. */
function projectWith(name: string, envelopes: readonly object[]): string {
  const project = join(temp, name);
  mkdirSync(join(project, 'features'), { recursive: true });
  writeFileSync(join(project, 'features', 'a.feature'), 'Feature: A\n  Scenario: s\n    Given a step\n');
  writeFileSync(join(project, 'run.ndjson'), envelopes.map((e) => JSON.stringify(e)).join('\n') + '\n');
  return project;
}
