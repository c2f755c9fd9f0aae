/**
 * Living documentation at scale: 20,000 scenarios (features + a message stream with recorded
 * events) → build time, page size, time until the opened page is usable in Chromium, search time.
 * Budgets (issue 15): build ≤ 3 s, usable ≤ 1.5 s, search ≤ 200 ms. Prints median/min/max of RUNS
 * runs, each next to a baseline from the same run: cucumber's own html report of the same stream
 * (@cucumber/html-formatter, as `--format html` writes it), parsing the inputs alone, a blank page.
 *   TS_NODE_TRANSPILE_ONLY=true node -r ts-node/register test/bench/docs.bench.ts [scenarios] [runs]
 */
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateMessages } from '@cucumber/gherkin';
import { IdGenerator, SourceMediaType, type Envelope } from '@cucumber/messages';
import { buildDocs, RECORDED_EVENTS_FILE } from '../../src/docs';
import { defineDomain } from '../../src/domain';
import { Order } from '../../src/domains/ordering/order';
import { browserUnavailable, openBrowser } from '../docs/browser';
import type { Row } from './bench';
import { interleaved, main, report, stats, timeMs } from './bench';

const SCENARIOS = Number(process.argv[2] ?? 20_000);
const RUNS = Math.max(5, Number(process.argv[3] ?? 5));
const PER_FEATURE = 20;
const BUDGET = { build: 3000, open: 1500, search: 200 };

/** Cucumber's html report of the stream, written the way its `html` formatter writes it. */
async function htmlReport(ndjson: string, file: string): Promise<void> {
  const { CucumberHtmlStream } = require('@cucumber/html-formatter') as typeof import('@cucumber/html-formatter');
  const html = new CucumberHtmlStream();
  const out = createWriteStream(file);
  html.pipe(out);
  for (const line of ndjson.split('\n')) if (line) html.write(JSON.parse(line));
  html.end();
  await finished(out);
}

const domain = defineDomain({ name: 'Ordering', aggregates: [Order] });
const carriers = ['DHL', 'UPS', 'FedEx', 'PostNL'];

function featureText(f: number): string {
  const lines = [`@ordering @batch-${f % 7}`, `Feature: Orders batch ${f}`, '  Orders are placed, filled and shipped.', ''];
  for (let s = 0; s < PER_FEATURE; s++) {
    const n = f * PER_FEATURE + s;
    lines.push(
      `  ${n % 5 === 0 ? '@smoke ' : ''}${n % 11 === 0 ? '@slow' : ''}`,
      `  Scenario: Order ${n} ships with ${carriers[n % 4]}`,
      `    Given the time is "2025-03-01T10:00:00Z"`,
      `    And Order "o-${n}" has recorded:`,
      '      | event       | customer   | total |',
      `      | OrderPlaced | customer-${n} | ${n % 100}.00 |`,
      `    And Order "o-${n}" has recorded ItemAdded`,
      `    When Order "o-${n}" is sent ShipOrder:`,
      `      | carrier | ${carriers[n % 4]} |`,
      `    Then Order "o-${n}" records:`,
      '      | event        | carrier |',
      `      | OrderShipped | ${carriers[n % 4]} |`,
      `    And Order "o-${n}" has state:`,
      '      | status | shipped |',
      '',
    );
  }
  return lines.join('\n');
}

const PATTERNS = [
  'the time is {string}',
  '{word} {string} has recorded:',
  '{word} {string} has recorded {word}',
  '{word} {string} is sent {word}:',
  '{word} {string} records:',
  '{word} {string} has state:',
  '{word} {string} records nothing',
  'the command is rejected with {string}',
];

function patternOf(text: string): number {
  if (text.startsWith('the time is')) return 0;
  if (text.endsWith('has recorded:')) return 1;
  if (text.includes(' has recorded ')) return 2;
  if (text.includes(' is sent ')) return 3;
  if (text.endsWith('records:')) return 4;
  return 5;
}

/** A stream shaped like cucumber-js's: documents, pickles, definitions, then each test case with its steps and attachment. */
function stream(featureTexts: { uri: string; text: string }[]): string {
  const newId = IdGenerator.incrementing();
  const out: Envelope[] = [{ meta: { protocolVersion: '32.3.1', implementation: { name: 'cucumber-js', version: '12.9.0' }, runtime: { name: 'node.js' }, os: { name: 'linux' }, cpu: { name: 'x64' } } }];
  const pickles: NonNullable<Envelope['pickle']>[] = [];
  for (const { uri, text } of featureTexts) {
    for (const e of generateMessages(text, uri, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, { includeSource: true, includeGherkinDocument: true, includePickles: true, newId })) {
      out.push(e);
      if (e.pickle) pickles.push(e.pickle);
    }
  }
  const defs = PATTERNS.map((source, i) => ({ id: `def-${i}`, pattern: { source, type: 'CUCUMBER_EXPRESSION' as const }, sourceReference: { uri: 'step-definitions/vocabulary.ts', location: { line: 10 + i } } }));
  for (const d of defs) out.push({ stepDefinition: d } as Envelope);
  out.push({ testRunStarted: { timestamp: { seconds: 1_740_823_200, nanos: 0 }, id: 'run' } });
  let clock = 1_740_823_200_000;
  const ts = () => ({ seconds: Math.floor(clock / 1000), nanos: (clock++ % 1000) * 1e6 });
  pickles.forEach((pickle, n) => {
    const tcId = newId();
    const steps = pickle.steps.map((s) => ({ id: newId(), pickleStepId: s.id, stepDefinitionIds: [defs[patternOf(s.text)]!.id], stepMatchArgumentsLists: [] }));
    out.push({ testCase: { id: tcId, pickleId: pickle.id, testSteps: steps, testRunStartedId: 'run' } } as Envelope);
    const startedId = newId();
    out.push({ testCaseStarted: { id: startedId, testCaseId: tcId, attempt: 0, timestamp: ts() } });
    const failing = n % 50 === 7;
    steps.forEach((step, i) => {
      out.push({ testStepStarted: { testCaseStartedId: startedId, testStepId: step.id, timestamp: ts() } });
      const status = failing && i === steps.length - 2 ? 'FAILED' : failing && i === steps.length - 1 ? 'SKIPPED' : 'PASSED';
      out.push({
        testStepFinished: {
          testCaseStartedId: startedId,
          testStepId: step.id,
          timestamp: ts(),
          testStepResult: { status, duration: { seconds: 0, nanos: 200_000 }, ...(status === 'FAILED' ? { message: `Order "o-${n}" recorded OrderShipped with carrier DHL, expected UPS\n    at step (vocabulary.ts:40:11)` } : {}) },
        },
      } as Envelope);
    });
    const carrier = carriers[n % 4]!;
    const meta = (v: number, commandId?: string) => ({ occurredAt: '2025-03-01T10:00:00Z', recordedAt: '2025-03-01T10:00:00Z', ...(commandId ? { commandId, correlationId: commandId, causationId: commandId } : {}), v });
    const events = [
      { streamId: `Order-o-${n}`, version: 1, position: 1, type: 'OrderPlaced', schemaVersion: 1, data: { customer: `customer-${n}`, total: n % 100 }, metadata: meta(1) },
      { streamId: `Order-o-${n}`, version: 2, position: 2, type: 'ItemAdded', schemaVersion: 1, data: { sku: 'BOOK-1', quantity: 1, price: 10 }, metadata: meta(2) },
      { streamId: `Order-o-${n}`, version: 3, position: 3, type: 'OrderShipped', schemaVersion: 1, data: { carrier }, metadata: meta(3, `cmd-${n}`) },
    ];
    out.push({ attachment: { testCaseStartedId: startedId, testStepId: steps[steps.length - 1]!.id, mediaType: 'application/json', fileName: RECORDED_EVENTS_FILE, body: JSON.stringify({ events }), contentEncoding: 'IDENTITY' } } as Envelope);
    out.push({ testCaseFinished: { testCaseStartedId: startedId, timestamp: ts(), willBeRetried: false } });
  });
  out.push({ testRunFinished: { timestamp: ts(), success: false, testRunStartedId: 'run' } });
  return out.map((e) => JSON.stringify(e)).join('\n') + '\n';
}

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'eventspec-docs-bench-'));
  const rows: Row[] = [];
  try {
    const features = Math.ceil(SCENARIOS / PER_FEATURE);
    mkdirSync(join(dir, 'features'));
    const texts: { uri: string; text: string }[] = [];
    for (let f = 0; f < features; f++) {
      const uri = `features/batch-${String(f).padStart(3, '0')}.feature`;
      const text = featureText(f);
      writeFileSync(join(dir, uri), text);
      texts.push({ uri, text });
    }
    mkdirSync(join(dir, 'reports'));
    const ndjson = stream(texts);
    writeFileSync(join(dir, 'reports', 'cucumber.ndjson'), ndjson);
    console.log(`docs bench: ${SCENARIOS} scenarios in ${features} feature files, message stream ${(ndjson.length / 1e6).toFixed(1)} MB, ${RUNS} runs`);

    let built: ReturnType<typeof buildDocs> | undefined;
    const report = join(dir, 'cucumber-report.html');
    // Baselines: cucumber's html report of the same stream, and just parsing the inputs the build starts from.
    const builds = await interleaved(RUNS, {
      build: () => timeMs(() => (built = buildDocs({ features: 'features', messages: 'reports/cucumber.ndjson', domain, cwd: dir, out: 'site' }))),
      html: async () => {
        const t = performance.now();
        await htmlReport(readFileSync(join(dir, 'reports', 'cucumber.ndjson'), 'utf8'), report);
        return performance.now() - t;
      },
      parse: () =>
        timeMs(() => {
          for (const line of readFileSync(join(dir, 'reports', 'cucumber.ndjson'), 'utf8').split('\n')) if (line) JSON.parse(line);
          for (const { uri } of texts) readFileSync(join(dir, uri), 'utf8');
        }),
    });
    if (built!.data.scenarios.length !== SCENARIOS) throw new Error(`expected ${SCENARIOS} scenarios, the site has ${built!.data.scenarios.length}`);
    const page = statSync(built!.index).size + statSync(join(built!.out, 'app.js')).size;
    const build = stats(builds.build);
    rows.push({
      figure: `living docs build, ${SCENARIOS} scenarios`,
      unit: 'ms',
      stats: build,
      baseline: { name: 'cucumber html report', stats: stats(builds.html) },
      budget: `≤ ${BUDGET.build / 1000} s`,
      met: build.median <= BUDGET.build,
      note: `parsing the inputs alone: ${stats(builds.parse).median.toFixed(0)} ms; message stream ${(ndjson.length / 1e6).toFixed(1)} MB`,
    });
    rows.push({
      figure: `living docs size, ${SCENARIOS} scenarios (page + script)`,
      unit: 'B',
      stats: stats([page]),
      baseline: { name: 'cucumber html report', stats: stats([statSync(report).size]) },
      note: 'Mermaid (3 MB) is loaded only with a diagram and not counted',
    });

    const unavailable = browserUnavailable();
    if (unavailable) {
      rows.push({ figure: `living docs open, ${SCENARIOS} scenarios`, unit: 'ms', budget: `≤ ${BUDGET.open / 1000} s`, note: `not measured: ${unavailable}` });
      return;
    }
    const browser = await openBrowser();
    try {
      const url = pathToFileURL(built!.index).href;
      const blank = join(dir, 'blank.html');
      writeFileSync(blank, '<!doctype html><html data-ready="true"><body><div class="scenario-row">one</div></body></html>');
      const searches: number[] = [];
      const open = (target: string, search: boolean) => async () => {
        const { page, errors } = await browser.page();
        const t = performance.now();
        await page.goto(target);
        await page.waitForSelector('html[data-ready="true"]');
        await page.locator('.scenario-row').first().waitFor();
        const ms = performance.now() - t;
        if (search) {
          const s = performance.now();
          await page.fill('#search', 'FedEx');
          await page.locator('#result-count', { hasText: `${SCENARIOS / 4} of ${SCENARIOS} scenarios` }).waitFor();
          searches.push(performance.now() - s);
        }
        if (errors.length > 0) throw new Error(`console errors: ${errors.join('; ')}`);
        await page.close();
        return ms;
      };
      // Cucumber's report is usable once its search box and the first scenario are on screen.
      // At 20,000 scenarios it may not open at all: after 5 minutes it counts as never usable.
      const REPORT_GIVE_UP = 300_000;
      const openReport = async () => {
        const { page } = await browser.page();
        const t = performance.now();
        try {
          await page.goto(pathToFileURL(report).href, { timeout: REPORT_GIVE_UP });
          await page.locator('input[aria-label="Search"]').waitFor({ timeout: REPORT_GIVE_UP });
          await page.locator('h2[id]').first().waitFor({ timeout: REPORT_GIVE_UP });
          return performance.now() - t;
        } catch {
          return Number.POSITIVE_INFINITY;
        } finally {
          await page.close();
        }
      };
      const opens = await interleaved(RUNS, { site: open(url, true), html: openReport, blank: open(pathToFileURL(blank).href, false) });
      const opened = stats(opens.site);
      rows.push({
        figure: `living docs open, ${SCENARIOS} scenarios (until usable)`,
        unit: 'ms',
        stats: opened,
        ...(Number.isFinite(stats(opens.html).median) ? { baseline: { name: 'cucumber html report', stats: stats(opens.html) } } : {}),
        budget: `≤ ${BUDGET.open / 1000} s`,
        met: opened.median <= BUDGET.open,
        note: `a blank page opens in ${stats(opens.blank).median.toFixed(0)} ms${Number.isFinite(stats(opens.html).median) ? '' : `; cucumber's html report of the same stream was not usable within ${REPORT_GIVE_UP / 1000} s`}`,
      });
      const searched = stats(searches);
      rows.push({
        figure: 'living docs first search (typing to results, 60 ms debounce)',
        unit: 'ms',
        stats: searched,
        budget: `≤ ${BUDGET.search} ms`,
        met: searched.median <= BUDGET.search,
      });
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (rows.length > 0) report(rows);
  }
}

main(run);
