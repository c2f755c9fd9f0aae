import { vocabulary as kitVocabulary, vocabularyFor } from '../../src/gherkin/vocabulary';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { buildDocs, buildProjectDocs, DocsInputError, readSiteData, type BuiltDocs, type DocsData } from '../../src/docs';
import type { StepPhrase } from '../../src/gherkin/stepPhrase';
import { shop } from './fixtures/shop/domain';

const FIXTURE = join(__dirname, 'fixtures', 'shop');
const work = mkdtempSync(join(tmpdir(), 'eventspec-docs-'));
after(() => rmSync(work, { recursive: true, force: true }));

function build(name: string, options: Parameters<typeof buildDocs>[0] = {}) {
  return buildDocs({ features: 'features', messages: 'run.ndjson', domain: shop, cwd: FIXTURE, out: join(work, name), ...options });
}

const byName = (data: DocsData, name: string) => {
  const found = data.scenarios.find((s) => s.name === name);
  assert.ok(found, `no scenario named ${name}`);
  return found;
};

describe('buildDocs on a cucumber-produced run of the shop fixture', () => {
  let built: BuiltDocs;
  let data: DocsData;
  before(async () => {
    built = await build('fixture');
    data = built.data;
  });

  it('gives every scenario its last status, and an error for each that did not pass', async () => {
    const statuses = Object.fromEntries(data.scenarios.map((s) => [s.name, s.status]));
    assert.deepEqual(statuses, {
      'A cart with an item can be checked out': 'passed',
      'An empty cart cannot be checked out': 'passed',
      'Paying twice is refused': 'failed',
      'A customer in their own words': 'passed',
      'Adding BOOK-1': 'passed',
      'Adding PEN-2': 'passed',
      '<script>alert(1)</script>': 'passed',
      'Nobody wrote this step yet': 'undefined',
      'Work in progress': 'pending',
      'Two definitions match': 'ambiguous',
      'Skipped for now': 'skipped',
    });
    assert.match(byName(data, 'Paying twice is refused').error ?? '', /CheckedOut/);
    assert.match(byName(data, 'Nobody wrote this step yet').error ?? '', /no step definition matches/);
    assert.match(byName(data, 'Two definitions match').error ?? '', /the cart looks \{word\}/);
    assert.match(byName(data, 'Work in progress').error ?? '', /pending/);
    assert.equal(byName(data, 'A cart with an item can be checked out').error, undefined);
    assert.equal(data.run.state, 'complete');
    assert.deepEqual(data.run.problems, []);
  });

  it('keeps steps with their keywords, tables, background and rule', async () => {
    const s = byName(data, 'A cart with an item can be checked out');
    assert.deepEqual(s.steps.map((st) => `${st.keyword} ${st.text}`), [
      'Given the time is "2025-03-01T10:00:00Z"',
      'Given Cart "c-1" has recorded:',
      'When Cart "c-1" is sent Checkout',
      'Then Cart "c-1" records CheckedOut',
    ]);
    assert.deepEqual(s.steps[1]!.table, [['event', 'sku', 'quantity', 'price'], ['ItemAdded', 'BOOK-1', '2', '10']]);
    assert.deepEqual(s.tags, ['@cart', '@smoke']);
    assert.equal(byName(data, 'Adding PEN-2').rule, 'Items have a price');
    assert.equal(s.uri, 'features/cart.feature');
  });

  it('shows the events each scenario recorded, from the eventspec attachments', async () => {
    const s = byName(data, 'A cart with an item can be checked out');
    assert.deepEqual(s.events.map((e) => `${e.streamId}@${e.version} ${e.type}`), ['Cart-c-1@1 ItemAdded', 'Cart-c-1@2 CheckedOut']);
    assert.deepEqual(s.events[0]!.data, { sku: 'BOOK-1', quantity: 2, price: { amount: 10, currency: 'EUR' } });
    assert.equal(data.run.hasRecordedEvents, true);
  });

  it('catalogs events and commands with fields, versions, upcasters and the scenarios that use them', async () => {
    const itemAdded = data.events.find((e) => e.name === 'ItemAdded')!;
    assert.equal(itemAdded.version, 2);
    assert.deepEqual(itemAdded.schema.fields.map((f) => `${f.path}:${f.required}`), ['sku:true', 'quantity:true', 'price.amount:true', 'price.currency:true']);
    assert.equal(itemAdded.schema.fields[0]!.description, 'stock keeping unit');
    assert.deepEqual(itemAdded.upcasters.map((u) => [u.from, u.to, u.schema.fields.map((f) => f.path)]), [[1, 2, ['sku', 'quantity', 'price']]]);
    const recorders = itemAdded.recordedIn.map((id) => data.scenarios[id]!.name);
    assert.ok(recorders.includes('A cart with an item can be checked out'));
    assert.ok(!recorders.includes('An empty cart cannot be checked out'));
    const checkout = data.commands.find((c) => c.name === 'Checkout')!;
    const senders = checkout.mentionedIn.map((id) => data.scenarios[id]!.name);
    // named in a step, or reached through the domain phrasing "{actor} pays for cart {id}"
    assert.ok(senders.includes('An empty cart cannot be checked out'));
    assert.ok(senders.includes('A customer in their own words'));
    assert.deepEqual(data.commands.find((c) => c.name === 'AddToCart')!.schema.fields.find((f) => f.path === 'quantity')?.required, false);
  });

  it("draws each aggregate's commands → events flow from the run and from its examples", () => {
    const cart = data.aggregates[0]!;
    const flows = Object.fromEntries(cart.flows.map((f) => [f.command, { events: f.events, rejections: [...f.rejections].sort(), source: f.source }]));
    assert.deepEqual(flows, {
      AddToCart: { events: ['ItemAdded'], rejections: ['AlreadyCheckedOut'], source: 'both' },
      Checkout: { events: ['CheckedOut'], rejections: ['AlreadyCheckedOut', 'CartEmpty'], source: 'both' },
      Abandon: { events: ['CartAbandoned'], rejections: ['AlreadyCheckedOut'], source: 'explored' },
    });
    assert.match(cart.diagram, /C_Checkout --> E_CheckedOut/);
    assert.match(cart.diagram, /C_Checkout -. rejects .-> R_CartEmpty/);
  });

  it('lists every phrasing in the glossary and marks the unused ones', async () => {
    const phrase = (text: string) => data.glossary.find((p) => p.text === text);
    assert.equal(phrase('a step no feature uses')?.usedIn?.length, 0);
    assert.equal(phrase('the time is {string}')?.usedIn?.length, 6, 'every scenario of cart.feature has the background step');
    assert.equal(phrase('^Cart "([^"]*)" is sent (\\w+)$')?.kind, 'regular expression');
    assert.equal(phrase('{actor} pays for cart {id}')?.kind, 'domain phrasing');
    assert.equal(phrase('{actor} pays for cart {id}')?.usedIn?.length, 1);
  });

  it('says what no scenario covers', async () => {
    assert.deepEqual(data.uncovered.events, ['CartAbandoned']);
    assert.deepEqual(data.uncovered.commands, ['Abandon']);
    assert.deepEqual(data.uncovered.rejections, ['Cart: AlreadyCheckedOut']);
    assert.ok(data.uncovered.phrases.includes('a step no feature uses'));
    assert.ok(data.uncovered.phrases.includes('cart {id} was left behind'));
    assert.ok(!data.uncovered.phrases.includes('the time is {string}'));
  });

  it('escapes hostile text: it reaches the page only as JSON data with no raw markup', async () => {
    const html = readFileSync(built.index, 'utf8');
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<img src=x/);
    assert.doesNotMatch(html, /<b>bold/);
    const block = /<script id="eventspec-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    assert.doesNotMatch(block, /[<>]/);
    const back = readSiteData(built.index);
    assert.ok(back.scenarios.some((s) => s.name === '<script>alert(1)</script>'));
    assert.ok(back.features.some((f) => f.name === 'Odd outcomes <b>bold</b>'));
  });

  it('inlines only each scenario\'s summary; its steps, events and search text are files the page reads when needed', async () => {
    const block = /<script id="eventspec-data" type="application\/json">([\s\S]*?)<\/script>/.exec(readFileSync(built.index, 'utf8'))![1]!;
    const inline = JSON.parse(block) as { scenarios: Record<string, unknown>[]; details: { size: number; files: number } };
    assert.deepEqual(inline.details, { size: 500, files: 1 });
    assert.ok(inline.scenarios.every((s) => !('steps' in s) && !('events' in s) && typeof s.status === 'string'));
    // Each file's text is gzipped and base64-encoded in one string literal.
    const unpacked = (file: string, call: string) => {
      const text = readFileSync(join(built.out, file), 'utf8');
      const literal = new RegExp(`^window\\.eventspecSite\\.${call}\\(0, "([A-Za-z0-9+/=]+)"\\);\\n$`).exec(text);
      assert.ok(literal, `${file}: ${text.slice(0, 80)}`);
      return gunzipSync(Buffer.from(literal[1]!, 'base64')).toString('utf8');
    };
    assert.match(unpacked('details/0.js', 'details'), /^\[\{"steps":/);
    const search = unpacked('search/0.js', 'searchText').split('\u0001');
    assert.equal(search.length, data.scenarios.length);
    assert.match(search.find((t) => t.includes('given cart "c-1" has recorded:'))!, /^[^A-Z]*$/);
    // What the inline summary holds (names, tags, file, status) is searched there, not repeated here;
    // a line said twice in a scenario is there once, and there are no empty lines.
    assert.ok(search.every((t) => !t.includes('features/')), 'no file names in the search text');
    for (const t of search) assert.equal(new Set(t.split('\n')).size, t.split('\n').length, t);
    assert.ok(search.every((t) => !t.split('\n').includes('')));
    // Read back whole, as the page sees it once the files are in.
    assert.deepEqual(readSiteData(built.index).scenarios, JSON.parse(JSON.stringify(data.scenarios)));
    const copy = join(work, 'without-details');
    cpSync(built.out, copy, { recursive: true });
    rmSync(join(copy, 'details', '0.js'));
    assert.throws(() => readSiteData(join(copy, 'index.html')), (e: unknown) => e instanceof DocsInputError && /details\/0\.js is missing beside .*index\.html: copy the whole site folder/.test(e.message));
    writeFileSync(join(copy, 'details', '0.js'), 'window.eventspecSite.details(0, [{"steps":[]}]);\n');
    assert.throws(() => readSiteData(join(copy, 'index.html')), (e: unknown) => e instanceof DocsInputError && /details\/0\.js is not a data file of this version of eventspec's documentation: build the documentation again/.test(e.message));
    writeFileSync(join(copy, 'details', '0.js'), 'window.eventspecSite.details(0, "aGVsbG8=");\n');
    assert.throws(() => readSiteData(join(copy, 'index.html')), (e: unknown) => e instanceof DocsInputError && /details\/0\.js is damaged \(.+\): copy the whole site folder again/.test(e.message));
  });

  it('ships the page script, the style and Mermaid beside the page', async () => {
    for (const file of ['app.js', 'style.css', 'mermaid.min.js']) assert.ok(readFileSync(join(built.out, file)).length > 100, file);
  });
});

describe('buildDocs with missing, cut-off or broken inputs', () => {
  it('refuses a missing message stream with the path and the way out', async () => {
    await assert.rejects(
      build('missing', { messages: 'reports/nope.ndjson' }),
      (error: unknown) => error instanceof DocsInputError && /nope\.ndjson does not exist — run the features first \(npm test or eventspec test writes it/.test(error.message) && /without --require-results; buildDocs with allowMissingResults: true/.test(error.message),
    );
  });

  it('or builds a site that says the results are missing, when asked to', async () => {
    const { data } = await build('missing-ok', { messages: 'reports/nope.ndjson', allowMissingResults: true });
    assert.equal(data.run.state, 'missing');
    assert.match(data.run.problems[0]!, /no results: reports\/nope\.ndjson does not exist/);
    assert.equal(data.scenarios.length, 11);
    assert.ok(data.scenarios.every((s) => s.status === 'not run'));
    assert.ok(data.uncovered.notes.length > 0);
  });

  it('shows what a cut-off stream holds and says which results are missing', async () => {
    const dir = join(work, 'cut');
    cpSync(FIXTURE, dir, { recursive: true });
    const full = readFileSync(join(FIXTURE, 'run.ndjson'), 'utf8');
    const lines = full.split('\n');
    // cut in the middle of the line after the third testCaseStarted: a run killed mid-scenario
    const third = lines.findIndex((l, i) => l.includes('"testCaseStarted"') && lines.slice(0, i).filter((x) => x.includes('"testCaseStarted"')).length === 2);
    const cut = lines.slice(0, third + 2).join('\n') + '\n' + lines[third + 2]!.slice(0, 25);
    writeFileSync(join(dir, 'run.ndjson'), cut);
    const { data } = await buildDocs({ features: 'features', messages: 'run.ndjson', domain: shop, cwd: dir, out: join(dir, 'site') });
    assert.equal(data.run.state, 'partial');
    assert.ok(data.run.problems.some((p) => new RegExp(`cut off at line ${third + 3}`).test(p)), data.run.problems.join('\n'));
    assert.ok(data.run.problems.some((p) => /did not finish/.test(p)));
    assert.ok(data.run.problems.some((p) => /1 scenario started but never finished/.test(p)));
    const statuses = data.scenarios.map((s) => s.status);
    assert.deepEqual(statuses.slice(0, 3), ['passed', 'passed', 'incomplete']);
    assert.ok(statuses.slice(3).every((s) => s === 'not run'));
  });

  it('refuses a stream with a broken line in the middle, naming file and line', async () => {
    const dir = join(work, 'corrupt');
    mkdirSync(dir);
    const lines = readFileSync(join(FIXTURE, 'run.ndjson'), 'utf8').split('\n');
    lines[4] = '{"pickle": oops';
    writeFileSync(join(dir, 'run.ndjson'), lines.join('\n'));
    await assert.rejects(buildDocs({ messages: 'run.ndjson', cwd: dir, out: join(dir, 'site') }), /run\.ndjson:5: not a Cucumber message/);
  });

  it('refuses a feature file that is not Gherkin, naming file and line', async () => {
    const dir = join(work, 'bad-gherkin');
    mkdirSync(join(dir, 'features'), { recursive: true });
    writeFileSync(join(dir, 'features', 'bad.feature'), 'Feature: x\n  Scenario: y\n    Given z\n  | not | closed\n    Oops here\n');
    await assert.rejects(buildDocs({ features: 'features', cwd: dir, out: join(dir, 'site') }), (e: unknown) => e instanceof DocsInputError && /features\/bad\.feature:\d+/.test(e.message));
  });

  it('shows feature files the run did not include as not run, and says so', async () => {
    const dir = join(work, 'extra');
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'features', 'new.feature'), 'Feature: New idea\n  Scenario: Not yet run\n    Given Cart "n" has recorded ItemAdded\n');
    const { data } = await buildDocs({ features: ['features/*.feature'], messages: 'run.ndjson', domain: shop, cwd: dir, out: join(dir, 'site') });
    assert.equal(data.scenarios.find((s) => s.name === 'Not yet run')?.status, 'not run');
    assert.ok(data.run.problems.some((p) => /1 feature file was not part of the last run/.test(p)));
  });

  it('documents a feature file the run carries as it ran, without reading it again from disk', async () => {
    // Edited since the run, into something that no longer parses: the stream still has what ran.
    const dir = join(work, 'edited-since');
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'features', 'cart.feature'), 'Feature: x\n  Scenario: y\n    Given z\n  | not | closed\n    Oops here\n');
    const { data } = await buildDocs({ features: 'features', messages: 'run.ndjson', domain: shop, cwd: dir, out: join(dir, 'site') });
    const ran = (await build('edited-since-baseline')).data;
    assert.deepEqual(
      data.scenarios.map((s) => [s.key, s.status]),
      ran.scenarios.map((s) => [s.key, s.status]),
    );
  });

  it('needs at least one input', async () => {
    await assert.rejects(buildDocs({ cwd: work, out: join(work, 'nothing') }), /nothing to document/);
  });
});

describe('the vocabulary in the glossary', () => {
  const vocabulary: StepPhrase[] = [
    { keyword: 'Given', expression: 'the time is {string}', description: 'Fixes the clock.', example: 'Given the time is "2030-01-01T00:00:00Z"', source: 'vocabulary' },
    { keyword: 'Then', expression: 'Cart {string} is at version {int}', description: 'Checks the version.', example: 'Then Cart "c-1" is at version 2', source: 'vocabulary' },
  ];
  let data: DocsData;
  before(async () => {
    data = (await build('vocabulary', { vocabulary })).data;
  });

  it('describes the step definitions it knows and marks its unused phrases', async () => {
    const time = data.glossary.filter((p) => p.text === 'the time is {string}');
    assert.equal(time.length, 1, 'one entry, not the vocabulary and the step definition twice');
    assert.equal(time[0]!.description, 'Fixes the clock.');
    assert.equal(time[0]!.source, 'vocabulary');
    assert.equal(time[0]!.usedIn?.length, 6);
    const version = data.glossary.find((p) => p.text === 'Cart {string} is at version {int}');
    assert.deepEqual(version?.usedIn, []);
    assert.ok(data.uncovered.phrases.includes('Cart {string} is at version {int}'));
  });

  it("shows a used phrase with this project's own example and eventspec as where it is from, an unused one with the kit's", () => {
    const time = data.glossary.find((p) => p.text === 'the time is {string}');
    assert.equal(time?.example, 'Given the time is "2025-03-01T10:00:00Z"');
    assert.equal(time?.location, 'eventspec');
    const version = data.glossary.find((p) => p.text === 'Cart {string} is at version {int}');
    assert.equal(version?.example, 'Then Cart "c-1" is at version 2');
  });
});

describe('the steps a domain can use', () => {
  it('leaves out process and read-model steps for a domain without processes or projections', () => {
    const commandSide = vocabularyFor({ projections: [], processes: [] });
    assert.ok(commandSide.length > 10 && commandSide.length < kitVocabulary.length);
    assert.ok(!commandSide.some((step) => /eventually|read model|was sent|no command is sent/i.test(step.expression)), commandSide.map((s) => s.expression).join('\n'));
    assert.equal(vocabularyFor({ projections: [{}], processes: [{}] }).length, kitVocabulary.length);
  });
});

describe('buildProjectDocs', () => {
  it('builds with the project defaults and prints one summary line', async () => {
    const dir = join(work, 'command');
    cpSync(join(FIXTURE, 'features'), join(dir, 'features'), { recursive: true });
    mkdirSync(join(dir, 'reports'));
    cpSync(join(FIXTURE, 'run.ndjson'), join(dir, 'reports', 'cucumber.ndjson'));
    const lines: string[] = [];
    const built = await buildProjectDocs({ cwd: dir, domain: shop, log: (l) => lines.push(l) });
    assert.equal(built.index, join(dir, 'site', 'index.html'));
    assert.deepEqual(lines, ['living documentation: site/index.html (11 scenarios: 6 passed, 1 failed, 1 undefined, 1 pending, 1 ambiguous, 1 skipped; 3 events, 3 commands)']);
  });

  it('without results, still builds and says why', async () => {
    const dir = join(work, 'command-no-run');
    cpSync(join(FIXTURE, 'features'), join(dir, 'features'), { recursive: true });
    const lines: string[] = [];
    await buildProjectDocs({ cwd: dir, out: 'docs-out', log: (l) => lines.push(l) });
    assert.match(lines[0]!, /^living documentation: docs-out\/index\.html \(11 scenarios: 11 not run/);
    assert.match(lines[1]!, /note: no results: reports\/cucumber\.ndjson does not exist/);
  });
});
