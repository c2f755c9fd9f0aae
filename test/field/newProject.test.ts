import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { browserUnavailable, openBrowser } from '../docs/browser';
import { init, installOffline, npmRun, npx, pack, repoRoot, sh, tarballFiles, type Ran } from './fieldProject';
import { commandsOf, readmeBlocks } from './readmeBlocks';

/**
 * The field test: eventspec as a user meets it. Pack the package as it would be published, make
 * a project with `eventspec init` outside this repository, install the tarball there, and use it
 * only through the commands a user types. Nothing here reaches into src/.
 */
const skipReason = process.env.EVENTSPEC_SKIP_FIELD ? 'EVENTSPEC_SKIP_FIELD is set' : undefined;
if (skipReason) console.log(`\n*** SKIPPED the field test (packed eventspec in a new project): ${skipReason} ***\n`);
const browserSkip = skipReason ? undefined : browserUnavailable();

const temp = mkdtempSync(join(tmpdir(), 'eventspec-field-'));
const project = join(temp, 'shop');
let tarball = '';

const ok = (ran: Ran) => assert.equal(ran.code, 0, ran.output);

// Packing, scaffolding and an offline install take minutes on a loaded machine; each command has its own bound too.
const FIELD_MS = 30 * 60_000;

before(() => {
  if (skipReason) return;
  tarball = pack(temp);
  ok(init(temp, ['shop', '--aggregate', 'Order', '--eventspec', tarball]));
  ok(installOffline(project));
}, { timeout: FIELD_MS });
after(() => rmSync(temp, { recursive: true, force: true }));

describe('the packed package in a new project', { skip: skipReason ?? false, timeout: FIELD_MS }, () => {
  it('ships what the command line and the steps need at run time, and nothing of the checkout', () => {
    const files = tarballFiles(tarball);
    for (const needed of [
      'bin/eventspec.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/mongo/index.js',
      'dist/gherkin/snippets.js',
      'dist/docs/site/main.js',
      'dist/docs/site/views/scenarios.js',
      'dist/docs/site/style.css',
      'dist/docs/site/mermaid.min.js',
    ]) {
      assert.ok(files.includes(needed), `${needed} is not in the tarball`);
    }
    assert.deepEqual(files.filter((f) => /^(src|test|features|step-definitions)\/|^dist\/domains\/|\.map$/.test(f)), []);
    // The README the package shows links the design notes: each is in the package.
    const linked = [...readFileSync(join(repoRoot, 'README.md'), 'utf8').matchAll(/\]\((docs\/[\w-]+\.md)\)/g)].map((m) => m[1]!);
    assert.ok(linked.length > 3, `${linked.length} links`);
    assert.deepEqual(linked.filter((doc) => !files.includes(doc)), []);
  });

  it('installs neither the MongoDB driver nor mongodb-memory-server in an in-memory project', () => {
    const listed = sh('npm', ['ls', 'mongodb', 'mongodb-memory-server', 'mermaid', '--all'], project);
    assert.match(listed.stdout, /└── \(empty\)/, listed.output);
  });

  it('passes its own npm test: type check and the scaffolded scenarios, with reports for the docs and CI', () => {
    // The entry points the service and MongoDB docs import resolve under the scaffold's tsconfig.
    writeFileSync(
      join(project, 'src', 'server.ts'),
      "import { inMemoryEventStore } from 'eventspec';\nimport { createService } from 'eventspec/service';\nimport type { MongoEventStoreOptions } from 'eventspec/mongo';\nimport { domain } from './domain';\n\n" +
        'export const start = (options?: MongoEventStoreOptions) => (options ? undefined : createService({ domain, stores: { events: inMemoryEventStore() } }));\n',
    );
    const test = npmRun(project, 'test');
    ok(test);
    assert.match(test.stdout, /3 scenarios \(3 passed\)/, test.output);
    assert.ok(existsSync(join(project, 'reports', 'cucumber.ndjson')), 'no message stream written');
    assert.match(readFileSync(join(project, 'reports', 'cucumber.junit.xml'), 'utf8'), /<testsuite[^>]* tests="3"/);
  });

  it('builds the living documentation of that run, and Chromium shows it from file://', { skip: browserSkip ?? false }, async () => {
    const docs = npx(project, ['eventspec', 'docs']);
    ok(docs);
    assert.match(docs.stdout, /living documentation: site\/index\.html \(3 scenarios: 3 passed; 2 events, 2 commands\)/, docs.output);
    const browser = await openBrowser();
    try {
      const { page, errors } = await browser.page();
      await page.goto(`${pathToFileURL(join(project, 'site', 'index.html')).href}#/aggregate/Order`);
      await page.waitForSelector('html[data-ready="true"]');
      await page.waitForSelector('#diagram[data-rendered="true"]', { timeout: 60_000 });
      assert.match((await page.locator('#diagram svg').textContent()) ?? '', /OpenOrder/);
      await page.goto(pathToFileURL(join(project, 'site', 'index.html')).href);
      await page.waitForSelector('html[data-ready="true"]');
      assert.equal(await page.locator('#result-count').textContent(), '3 of 3 scenarios');
      assert.deepEqual(await page.locator('.scenario-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))), ['passed', 'passed', 'passed']);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });

  it('runs the property checks and writes the catalog', () => {
    const check = npx(project, ['eventspec', 'check', '--runs', '20']);
    ok(check);
    assert.match(check.output, /all 1 aggregate\(s\) passed their checks/);
    const catalog = npx(project, ['eventspec', 'catalog']);
    ok(catalog);
    assert.deepEqual(Object.keys(JSON.parse(catalog.stdout).$defs).sort(), ['CloseOrder.v1', 'Command', 'Event', 'OpenOrder.v1', 'OrderClosed.v1', 'OrderOpened.v1']);
  });

  it('names the file, the line and the fix for a misspelled event, and runs only the feature given', () => {
    writeFileSync(
      join(project, 'features', 'mistakes.feature'),
      'Feature: Mistakes\n  Scenario: A misspelled event\n    Given Order "o-1" has recorded OrderOpend\n    When Order "o-1" is sent CloseOrder\n    Then Order "o-1" records OrderClosed\n',
    );
    try {
      const run = npx(project, ['eventspec', 'test', 'features/mistakes.feature']);
      assert.equal(run.code, 1, run.output);
      assert.match(run.stdout, /features\/mistakes\.feature:3: unknown event `OrderOpend` — did you mean `OrderOpened`\?/, run.output);
      assert.match(run.stdout, /^1 scenario \(1 undefined\)/m, run.output);
    } finally {
      rmSync(join(project, 'features', 'mistakes.feature'));
    }
  });

  it('answers an undefined step with the closest eventspec step, through the packaged snippet syntax', () => {
    writeFileSync(join(project, 'features', 'undefined.feature'), 'Feature: Undefined\n  Scenario: A step nobody defined\n    When Order "o-1" is send OpenOrder\n');
    try {
      const run = npx(project, ['eventspec', 'test', 'features/undefined.feature']);
      assert.equal(run.code, 1, run.output);
      assert.match(run.stdout, /Did you mean \(features\/undefined\.feature:3\):\n\s*\/\/\s+When Order "o-1" is sent OpenOrder\n/, run.output);
      assert.match(run.stdout, /When\('Order \{string\} is send OpenOrder', async function/, run.output);
    } finally {
      rmSync(join(project, 'features', 'undefined.feature'));
    }
  });

  it('runs the mongo profile: first says what to install, then runs on MongoDB, or says no scenario ran there (exit 2)', () => {
    // Said once, up front, as a usage mistake: no scenario runs to fail on it.
    const without = npmRun(project, 'test:mongo');
    assert.equal(without.code, 2, without.output);
    assert.match(without.stderr, /eventspec: --store mongo needs the MongoDB driver, which this project does not have: npm install mongodb/, without.output);
    assert.doesNotMatch(without.output, /unknown store|Cannot find module|scenarios? \(/);
    const serveWithout = npx(project, ['eventspec', 'serve', '--mongo', 'mongodb://127.0.0.1:1/shop']);
    assert.equal(serveWithout.code, 2, serveWithout.output);
    assert.match(serveWithout.stderr, /eventspec: --mongo needs the MongoDB driver, which this project does not have: npm install mongodb/, serveWithout.output);

    ok(installOffline(project, ['mongodb', 'mongodb-memory-server']));
    const withDriver = npmRun(project, 'test:mongo');
    assert.doesNotMatch(withDriver.output, /unknown store|cannot be used/);
    if (process.env.MONGODB_URI || process.env.MONGOMS_SYSTEM_BINARY) {
      ok(withDriver);
      assert.match(withDriver.stdout, /3 scenarios \(3 passed\)/, withDriver.output);
    } else {
      assert.match(withDriver.stdout, /\*\*\* SKIPPED scenarios on the mongo store: .*set MONGODB_URI/, withDriver.output);
      assert.match(withDriver.stdout, /3 scenarios \(3 skipped\)/, withDriver.output);
      // Asked for MongoDB and got none: a CI job must not pass on it.
      assert.equal(withDriver.code, 2, withDriver.output);
      assert.match(withDriver.stderr, /--store mongo: 3 of 3 scenarios skipped because no MongoDB server is reachable/, withDriver.output);
    }
  });
});

/**
 * The README, followed verbatim in a fresh project: its TypeScript and Gherkin blocks are written
 * to the files they name, its shell blocks run in order. Two commands are translated, since the
 * package is not published: `npx eventspec init` uses the packed tarball, `npm install` the cache.
 */
describe('the README, followed verbatim in a new project', { skip: skipReason ?? false, timeout: FIELD_MS }, () => {
  const blocks = readmeBlocks(readFileSync(join(repoRoot, 'README.md'), 'utf8'));

  it('names a file for every TypeScript and Gherkin block, so each one is run', () => {
    const unnamed = blocks.filter((b) => (b.lang === 'ts' || b.lang === 'gherkin') && b.target === undefined);
    assert.deepEqual(unnamed.map((b) => `README.md:${b.line} (${b.lang})`), []);
  });

  it('works as written: start a project, the quickstart, property checks with arbitraries, phrasings', () => {
    let cwd = temp;
    let project: string | undefined;
    const ran: string[] = [];
    for (const block of blocks) {
      if (block.lang === 'ts' || block.lang === 'gherkin') {
        assert.ok(project, `README.md:${block.line}: a file block before the project exists`);
        mkdirSync(dirname(join(project, block.target!)), { recursive: true });
        writeFileSync(join(project, block.target!), block.body);
        continue;
      }
      if (block.lang !== 'sh' || block.target === 'norun') continue;
      for (const command of commandsOf(block)) {
        const where = `README.md:${block.line}: ${command}`;
        let result: Ran;
        if (block.target === 'repo') {
          if (command !== 'npm start') continue; // `npm test` is what runs this test
          result = sh('bash', ['-c', command], repoRoot);
          assert.match(result.stdout, /Scenario summary \(in-memory store\)/, `${where}\n${result.output}`);
        } else if (/^npx eventspec init /.test(command)) {
          const args = command.replace(/^npx eventspec init /, '').split(/\s+/);
          result = init(cwd, [...args, '--eventspec', tarball]);
          project = join(cwd, args[0]!);
        } else if (/^cd \S+$/.test(command)) {
          cwd = join(cwd, command.slice(3));
          continue;
        } else if (command === 'npm install') {
          result = installOffline(cwd);
        } else {
          result = sh('bash', ['-c', command], cwd);
        }
        assert.equal(result.code, 0, `${where}\n${result.output}`);
        ran.push(command);
      }
    }
    assert.ok(project && ran.includes('npm test') && ran.includes('npx eventspec docs'), `ran: ${ran.join('; ')}`);
    // The blocks after the last command (phrasings) are checked by one more run of everything.
    const last = npmRun(project, 'test');
    ok(last);
    assert.match(last.stdout, /4 scenarios \(4 passed\)/, last.output);
  });
});
