import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cucumberArgv, profilesFor, shardOption } from '../../src/cli';
import { fixtures, repoRoot, run, spawnBin } from './cliHarness';

// A tiny cucumber project with plain-JavaScript steps: default, mongo and broken profiles.
const specs = join(fixtures, 'specs');

/**
 * Runs `use` on a copy of that project in a temporary folder (removed after), for tests that
 * change its files; `linked` gives it this checkout's packages, else it has none.
 */
async function inCopy(linked: boolean, use: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'eventspec-specs-'));
  try {
    cpSync(specs, dir, { recursive: true });
    if (linked) symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
    await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const ACCOUNT_FEATURE = 'Feature: Accounts\n  Scenario: Opening\n    When Account "a-1" is sent OpenAccount:\n      | owner | alice |\n    Then Account "a-1" records AccountOpened\n';

/**
 * Runs `use` in a temporary project on eventspec's steps and example domain (this checkout's
 * packages), with one feature file; its mongo store never has a server.
 */
function inKitProject(feature: string, use: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'eventspec-kit-'));
  try {
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
    const register = JSON.stringify(join(repoRoot, 'scripts', 'swc-register.js'));
    const common = `requireModule: [${register}], require: ['steps.ts'], format: ['progress']`;
    writeFileSync(join(dir, 'cucumber.js'), `module.exports = { default: { ${common} }, mongo: { ${common}, worldParameters: { store: 'mongo' } } };\n`);
    writeFileSync(
      join(dir, 'steps.ts'),
      `import { domain } from ${JSON.stringify(join(repoRoot, 'src', 'domains'))};\nimport { installSteps } from ${JSON.stringify(join(repoRoot, 'src'))};\n` +
        "installSteps(domain, { stores: { mongo: () => ({ unavailable: async () => 'no MongoDB in this test', create: async () => { throw new Error('never made'); }, close: async () => {} }) } });\n",
    );
    writeFileSync(join(dir, 'accounts.feature'), feature);
    use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const expect = (store: string) => ['--world-parameters', JSON.stringify({ expectedStore: store })];

describe('eventspec test', () => {
  it('runs the default profile and exits 0 when every scenario passes', async () => {
    const { code, stdout } = await run(['test'], specs);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /2 scenarios \(2 passed\)/);
  });

  it('exits 1 when a scenario fails, with cucumber\'s report', async () => {
    const { code, stdout, stderr } = await run(['test', '--profile', 'broken'], specs);
    assert.equal(code, 1);
    assert.match(stdout, /1 scenario \(1 failed\)/);
    assert.match(stderr, /some scenarios failed/);
  });

  it('exits 2 for an option cucumber refuses only when the run starts, saying why', async () => {
    const { code, stderr } = await run(['test', '--', '--order', 'rand'], specs);
    assert.equal(code, 2, stderr);
    assert.equal(stderr, 'eventspec: the order (--order): takes defined, reverse or random (random:<seed> to repeat an order)\n');
  });

  it('exits 2 for a formatter that is neither cucumber\'s nor a module, naming cucumber\'s', async () => {
    const { code, stderr } = await run(['test', '-f', 'bogusformatter'], specs);
    assert.equal(code, 2, stderr);
    assert.match(stderr, /^eventspec: --format bogusformatter: no such formatter; cucumber's own are progress, progress-bar, pretty, summary, html, json, junit, message, rerun, snippets, usage, usage-json/);
  });

  it('runs the mongo profile for --store mongo', async () => {
    assert.equal((await run(['test', '--store', 'mongo', '--tags', '@store', ...expect('mongo')], specs)).code, 0);
    // The same scenario fails when the profile does not match what it expects: the switch is real.
    assert.equal((await run(['test', '--store', 'memory', '--tags', '@store', ...expect('mongo')], specs)).code, 1);
  });

  it('passes tags and names through to cucumber', async () => {
    const tagged = await run(['test', '--tags', '@store'], specs);
    assert.match(tagged.stdout, /1 scenario \(1 passed\)/);
    const named = await run(['test', '--name', 'Adding one'], specs);
    assert.match(named.stdout, /1 scenario \(1 passed\)/);
  });

  it('runs only the feature files given, not the profile\'s paths as well', async () => {
    // The default profile's paths hold counting.feature (2 passing scenarios); broken.feature fails.
    const given = await run(['test', 'features/broken.feature'], specs);
    assert.equal(given.code, 1, given.stdout);
    assert.match(given.stdout, /^1 scenario \(1 failed\)/m);
    const withOptions = await run(['test', '--', '--tags', 'not @store', 'features/counting.feature'], specs);
    assert.equal(withOptions.code, 0, withOptions.stdout);
    assert.match(withOptions.stdout, /^1 scenario \(1 passed\)/m);
  });

  it('exits 2 for a profile cucumber.js does not define', async () => {
    const { code, stderr } = await run(['test', '--profile', 'nope'], specs);
    assert.equal(code, 2);
    assert.match(stderr, /cucumber configuration: Requested profile "nope" doesn't exist/);
  });

  it('turns its options back into cucumber arguments', () => {
    assert.deepEqual(profilesFor({ store: 'mongo', profile: ['ci'] }), ['mongo', 'ci']);
    assert.deepEqual(profilesFor({ store: 'memory' }), []);
    assert.deepEqual(
      cucumberArgv({ tags: '@a', name: ['x', 'y'], format: ['progress'], parallel: 2, retry: 1, failFast: true, dryRun: true, order: 'random:1' }, ['f.feature']),
      ['--tags', '@a', '--name', 'x', '--name', 'y', '--format', 'progress', '--parallel', '2', '--retry', '1', '--fail-fast', '--dry-run', '--order', 'random:1', 'f.feature'],
    );
  });

  it('runs disjoint shards that together cover the suite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventspec-shard-'));
    try {
      const ran: string[][] = [];
      for (const shard of ['1/2', '2/2']) {
        const out = join(dir, `shard-${shard[0]}.ndjson`);
        const { code, stderr } = await run(['test', '--shard', shard, '--format', `message:${out}`], specs);
        assert.equal(code, 0, stderr);
        ran.push(scenariosRun(readFileSync(out, 'utf8')));
      }
      const all = await run(['test', '--format', `message:${join(dir, 'all.ndjson')}`], specs);
      assert.equal(all.code, 0, all.stderr);
      const whole = scenariosRun(readFileSync(join(dir, 'all.ndjson'), 'utf8'));
      assert.equal(whole.length, 2);
      assert.deepEqual(ran.map((names) => names.length), [1, 1]);
      assert.deepEqual([...ran[0]!, ...ran[1]!].sort(), [...whole].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the reports of the last run alone on a dry run, unless one is asked for on the command line', () =>
    inCopy(true, async (dir) => {
      writeFileSync(
        join(dir, 'cucumber.js'),
        "module.exports = { default: { require: ['steps/*.js'], paths: ['features/counting.feature'], format: ['summary', 'message:reports/run.ndjson'], worldParameters: { store: 'memory' } } };\n",
      );
      const stream = () => readFileSync(join(dir, 'reports', 'run.ndjson'), 'utf8');
      assert.equal((await run(['test'], dir)).code, 0);
      const real = stream();
      assert.match(real, /"status":"PASSED"/);
      const dry = await run(['test', '--dry-run'], dir);
      assert.equal(dry.code, 0, dry.stderr);
      assert.equal(dry.stderr, 'dry run: reports/run.ndjson left as the last run wrote it\n');
      assert.equal(stream(), real);
      // Asked for by name, it is written: the stream of a dry run.
      assert.equal((await run(['test', '--dry-run', '--format', 'message:reports/run.ndjson'], dir)).code, 0);
      assert.doesNotMatch(stream(), /"status":"PASSED"/);
    }));

  it('says so when the selection ran no scenario, and exits 2 for a feature file that is not Gherkin', async () => {
    const none = await run(['test', '--tags', '@nope'], specs);
    assert.equal(none.code, 0);
    assert.equal(none.stderr, 'no scenario ran: --tags "@nope" matched none — check the tags, names and paths\n');
    // A tag written without its @ matches nothing: the expression to write is given.
    const bare = await run(['test', '--tags', 'store and not (wip or @slow)'], specs);
    assert.equal(bare.stderr, 'no scenario ran: --tags "store and not (wip or @slow)" matched none — tags start with @: did you mean --tags "@store and not (@wip or @slow)"?\n');
    const dry = await run(['test', '--dry-run', '--tags', '@nope'], specs);
    assert.match(dry.stderr, /no scenario ran: --tags "@nope" matched none/);
    const some = await run(['test', '--tags', '@store'], specs);
    assert.doesNotMatch(some.stderr, /no scenario ran/);
    await inCopy(true, async (dir) => {
      writeFileSync(join(dir, 'features', 'broken-syntax.feature'), 'Feature: x\n  Scenario: y\n    Given a step\n  | a table with no step |\n  oops\n');
      const bad = await run(['test', 'features/broken-syntax.feature'], dir);
      assert.equal(bad.code, 2, bad.stderr);
      // Once, in the writer's words (not also as cucumber's "Parse error in …" with the parser's token names).
      assert.equal(
        bad.stderr,
        'eventspec: a feature file is not valid Gherkin — features/broken-syntax.feature:5: "oops" cannot stand here; Gherkin expects one of: the end of the file, a table row, a step (Given, When, Then, And, But), tags, Examples:, Scenario:, Rule: — is a keyword misspelled, or a line indented into the wrong block?\n',
      );
    });
  });

  // A copy outside this repository has no packages, so no mongodb either.
  it('refuses --store mongo up front in a project without the MongoDB driver (exit 2)', () =>
    inCopy(false, async (dir) => {
      const { code, stdout, stderr } = await run(['test', '--store', 'mongo'], dir);
      assert.equal(code, 2, stdout);
      assert.equal(stderr, 'eventspec: --store mongo needs the MongoDB driver, which this project does not have: npm install mongodb (and npm install --save-dev mongodb-memory-server to run the scenarios on a local mongod)\n');
      assert.equal(stdout, '', 'no scenario ran');
    }));

  it('does not pass --store mongo when no MongoDB server was there: skipped scenarios tested nothing (exit 2)', () =>
    inKitProject(ACCOUNT_FEATURE, (dir) => {
      const skipped = spawnBin(['test', '--store', 'mongo', 'accounts.feature'], dir);
      assert.equal(skipped.code, 2, skipped.stdout + skipped.stderr);
      assert.match(skipped.stdout, /\*\*\* SKIPPED scenarios on the mongo store: no MongoDB in this test \*\*\*/);
      assert.match(skipped.stderr, /^--store mongo: 1 of 1 scenario skipped because no MongoDB server is reachable \(the SKIPPED line above says why\) — set MONGODB_URI/);
      // Where a server is required (CI), the scenario itself fails, as a plain cucumber-js run would show it too.
      const required = spawnBin(['test', '--store', 'mongo', 'accounts.feature'], dir, { EVENTSPEC_REQUIRE_MONGODB: '1' });
      assert.equal(required.code, 1, required.stdout + required.stderr);
      assert.match(required.stdout, /EVENTSPEC_REQUIRE_MONGODB=1, so this scenario fails instead of skipping: no MongoDB in this test/);
    }));

  it('exits 2 for lines that ran nothing: a misspelled keyword, a scenario without steps, an Outline without Examples', () =>
    inKitProject(
      [
        'Feature: Accounts',
        '  Scenaro: vanished',
        '    Given Account "a-2" has recorded AccountOpened',
        '',
        '  Scenario: zero steps',
        '    Thenn Account "a-3" is at version 99',
        '',
        '  @manual',
        '  Scenario: checked by hand',
        '',
        '  Scenario Outline: no rows',
        '    Given Account "<id>" has recorded AccountOpened',
        '',
        '  Scenario: fine',
        '    Given Account "a-4" has recorded AccountOpened',
        '    Then Account "a-4" is at version 1',
      ].join('\n'),
      (dir) => {
        // Left out by its tags, a scenario without steps is not this run's concern.
        const tagged = spawnBin(['test', 'accounts.feature', '--tags', 'not @manual'], dir);
        assert.doesNotMatch(tagged.stderr, /checked by hand/);
        assert.match(tagged.stderr, /"zero steps" has no steps/);
        const ran = spawnBin(['test', 'accounts.feature'], dir);
        assert.equal(ran.code, 2, ran.stdout + ran.stderr);
        assert.equal(
          ran.stderr,
          [
            'eventspec: the feature files say more than ran (scenarios or steps that checked nothing):',
            '  accounts.feature:2: "Scenaro: vanished" — did you mean `Scenario:`? Gherkin reads this line as description, so what follows it never runs',
            '  accounts.feature:5: "zero steps" has no steps, so it checks nothing — write its Given, When and Then steps',
            '  accounts.feature:6: "Thenn Account "a-3" is at version 99" — did you mean `Then`? Gherkin reads this line as description, not a step, so it never runs',
            '  accounts.feature:9: "checked by hand" has no steps, so it checks nothing — write its Given, When and Then steps',
            '  accounts.feature:11: "Scenario Outline: no rows" — this Scenario Outline has no Examples table, so its <placeholders> stay as written; add Examples: with a column for each',
            '',
          ].join('\n'),
        );
      },
    ));

  it('refuses a shard that would run nothing, saying the accepted form', async () => {
    for (const shard of ['0/3', '4/3', '1/0', 'two/3', '1-3']) {
      const { code, stderr } = await run(['test', '--shard', shard], specs);
      assert.equal(code, 2, `${shard}: ${stderr}`);
      assert.match(stderr, new RegExp(`--shard takes <index>/<total> with 1 ≤ index ≤ total, e\\.g\\. 1/3 for the first of three machines; "${shard}" is not one`));
    }
    assert.equal(shardOption(' 2/3 '), '2/3');
    assert.deepEqual(cucumberArgv({ shard: '2/3' }, []), ['--shard', '2/3']);
  });

  it('works from the bin in a child process, passing raw cucumber arguments after --', () => {
    const passed = spawnBin(['test', '--', '--tags', '@store'], specs);
    assert.equal(passed.code, 0, passed.stderr);
    assert.match(passed.stdout, /1 scenario \(1 passed\)/);
    const failed = spawnBin(['test', '-p', 'broken'], specs);
    assert.equal(failed.code, 1, failed.stderr);
  });
});

/** The names of the scenarios a message stream shows as run (a test case started for them). */
function scenariosRun(ndjson: string): string[] {
  const envelopes = ndjson.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, { id?: string; name?: string; pickleId?: string; testCaseId?: string }>);
  const names = new Map(envelopes.flatMap((e) => (e.pickle ? [[e.pickle.id, e.pickle.name]] : [])));
  const pickleOf = new Map(envelopes.flatMap((e) => (e.testCase ? [[e.testCase.id, e.testCase.pickleId]] : [])));
  return envelopes.flatMap((e) => (e.testCaseStarted ? [String(names.get(pickleOf.get(e.testCaseStarted.testCaseId)))] : []));
}
