import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { buildDocs, type BuiltDocs } from '../../src/docs';
import { BROWSER_SUITE_MS, browserForTests, browserUnavailable } from './browser';
import { buildSample } from './kitSamples';
import { shop } from './fixtures/shop/domain';
import { domain as examples } from '../../src/domains';
import { writeDocsFixture } from '../bench/docsFixture';

/** The site as a specification: features as documents, lasting links, filters in the URL, any screen. */
const FIXTURE = join(__dirname, 'fixtures', 'shop');
const skip = browserUnavailable();
const work = mkdtempSync(join(tmpdir(), 'eventspec-site-doc-'));
const { browser: opened, onPage } = browserForTests(skip, () => rmSync(work, { recursive: true, force: true }));

let site: BuiltDocs;
before(async () => {
  site = await buildDocs({ features: 'features', messages: 'run.ndjson', domain: shop, cwd: FIXTURE, out: join(work, 'site') });
});
const url = (hash = '', index = site.index) => pathToFileURL(index).href + hash;
const keyOf = (name: string, data = site.data) => data.scenarios.find((s) => s.name === name)!.key;

describe('the living documentation as a specification, in Chromium', { skip, timeout: BROWSER_SUITE_MS }, () => {
  it('lists the features by folder with their counts', async () => {
    await onPage(url('#/features'), async (page) => {
      assert.equal(await page.title(), 'Features — Shop — living documentation');
      assert.deepEqual(await page.locator('.folder').evaluateAll((els) => els.map((e) => e.getAttribute('data-folder'))), ['features']);
      assert.deepEqual(await page.locator('.feature-row a').first().textContent(), 'Shopping cart');
      assert.match((await page.locator('.feature-row[data-feature="features/cart.feature"]').textContent()) ?? '', /6 scenarios.*passed/);
    });
  });

  it('shows a feature as its file reads: Background once, the Rule, the Outline with a status per Examples row', async () => {
    await onPage(url('#/feature/features/cart.feature'), async (page) => {
      assert.equal(await page.title(), 'Shopping cart — Shop — living documentation');
      assert.equal(await page.locator('.background-part').count(), 1);
      assert.match((await page.locator('.background-part').textContent()) ?? '', /Given the time is "2025-03-01T10:00:00Z"/);
      // The background's step is not repeated in each scenario.
      assert.doesNotMatch((await page.locator('.scenario-part').first().textContent()) ?? '', /the time is/);
      assert.equal(await page.locator('.rule-part .rule-title').textContent(), 'Rule: Items have a price');
      const outline = page.locator('.rule-part .outline-part');
      assert.match((await outline.locator('h3').textContent()) ?? '', /Scenario Outline: Adding <sku>/);
      assert.deepEqual(await outline.locator('.examples-table thead th').allTextContents(), ['status', 'sku', 'price']);
      assert.deepEqual(await outline.locator('tr.example-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-status'), r.textContent])), [
        ['passed', 'passedBOOK-110'],
        ['passed', 'passedPEN-22'],
      ]);
      await outline.locator('tr.example-row >> nth=1 >> a').click();
      await page.waitForSelector('#scenario');
      assert.equal(await page.locator('#scenario-title').textContent(), 'Scenario Outline: Adding PEN-2');
    });
  });

  it('renders a description as markdown, with its raw HTML and javascript: links left inert', async () => {
    await onPage(url('#/feature/features/odd.feature'), async (page) => {
      const description = page.locator('#feature .markdown.description');
      assert.equal(await description.locator('strong').textContent(), 'strong');
      assert.equal(await description.locator('a[href="https://example.com/shop"]').count(), 1);
      assert.match((await description.textContent()) ?? '', /raw <script>alert\(3\)<\/script> HTML, an <img src=x onerror=alert\(5\)> image/);
      assert.equal(await page.locator('#app script, #app img, #app a[href^="javascript:"]').count(), 0);
      // A bidirectional control is shown as its code, so it cannot reorder what a reader sees.
      assert.match((await description.textContent()) ?? '', /\\u202Eevil\\u202C/);
    });
  });

  it('keeps a scenario link when a scenario is inserted above it; an old position link still lands, and says so', async () => {
    const moved = join(work, 'moved');
    cpSync(join(FIXTURE, 'features'), join(moved, 'features'), { recursive: true });
    const cart = join(moved, 'features', 'cart.feature');
    writeFileSync(cart, readFileSync(cart, 'utf8').replace('  @smoke\n', '  Scenario: A brand new first scenario\n    When Cart "c-0" is sent Checkout\n\n  @smoke\n'));
    const after = await buildDocs({ features: 'features', domain: shop, cwd: moved, out: join(moved, 'site') });
    const key = keyOf('Paying twice is refused');
    assert.equal(key, 'features/cart.feature/paying-twice-is-refused');
    assert.equal(keyOf('Paying twice is refused', after.data), key);
    assert.notEqual(site.data.scenarios.findIndex((s) => s.key === key), after.data.scenarios.findIndex((s) => s.key === key));
    for (const index of [site.index, after.index]) {
      await onPage(url(`#/scenario/${key}`, index), async (page) => {
        assert.equal(await page.locator('#scenario-title').textContent(), 'Scenario: Paying twice is refused');
        assert.equal(await page.title(), 'Paying twice is refused — Shop — living documentation');
      });
    }
    const position = site.data.scenarios.findIndex((s) => s.key === key);
    await onPage(url(`#/scenario/${position}`, after.index), async (page) => {
      assert.match((await page.locator('#old-link').textContent()) ?? '', /by its position in the run/);
      assert.equal(await page.locator('#old-link a').textContent(), after.data.scenarios[position]!.key);
    });
  });

  it('reads cucumber tag expressions and the other filters from the URL, and writes them back', async () => {
    await onPage(url('#/scenarios?tags=' + encodeURIComponent('@cart and not @wip and not @smoke')), async (page) => {
      assert.equal(await page.locator('#tag-expression').inputValue(), '@cart and not @wip and not @smoke');
      assert.deepEqual(await page.locator('.scenario-row .scenario-name').allTextContents(), ['An empty cart cannot be checked out', 'A customer in their own words', 'Adding BOOK-1', 'Adding PEN-2']);
      await page.selectOption('#status-filter', 'passed');
      await page.waitForFunction("location.hash.includes('status=passed')");
      assert.match(await page.evaluate<string>('decodeURIComponent(location.hash)'), /^#\/scenarios\?tags=@cart\+and\+not\+@wip\+and\+not\+@smoke&status=passed$/);
      await page.fill('#search', 'pen');
      await page.waitForFunction("location.hash.includes('q=pen')");
      await page.locator('#result-count', { hasText: /^1 of 11 scenarios$/ }).waitFor();
      assert.equal(await page.locator('.scenario-row mark').textContent(), 'PEN');
    });
    await onPage(url('#/scenarios?tags=' + encodeURIComponent('@cart and (')), async (page) => {
      assert.match((await page.locator('#tag-error').textContent()) ?? '', /The tag expression "@cart and \(" cannot be read/);
    });
  });

  it('brings Back to where the reader had scrolled', async () => {
    await onPage(url('#/glossary'), async (page) => {
      await page.setViewportSize({ width: 800, height: 300 });
      await page.evaluate('window.scrollTo(0, 400)');
      const before = await page.evaluate<number>('window.scrollY');
      assert.ok(before > 0, 'the glossary is long enough to scroll');
      // Followed as a link would be (a click would first scroll the navigation into view).
      await page.evaluate("location.hash = '#/events'");
      await page.waitForSelector('#event-catalog');
      await page.goBack();
      await page.waitForSelector('#glossary');
      assert.equal(await page.evaluate<number>('window.scrollY'), before);
    });
  });

  it('fits a 390 px phone: no view scrolls sideways', async () => {
    const views = ['#/scenarios', '#/features', '#/feature/features/cart.feature', `#/scenario/${keyOf('A cart with an item can be checked out')}`, '#/failures',
      '#/aggregates', '#/aggregate/Cart', '#/events', '#/event/ItemAdded', '#/commands', '#/command/AddToCart', '#/glossary', '#/uncovered', '#/read-models', '#/processes', '#/history'];
    const wide: string[] = [];
    const { page } = await opened().page();
    try {
      await page.setViewportSize({ width: 390, height: 800 });
      for (const view of views) {
        await page.goto(url(view));
        await page.waitForSelector('html[data-ready="true"]');
        const width = await page.evaluate<number>('document.documentElement.scrollWidth');
        if (width > 390) wide.push(`${view}: ${width} px`);
      }
      // The header leaves the screen to the page: the navigation on one line, and besides the notes
      // on the run (which a reader must see) a fifth of the screen at most.
      const heights = await page.evaluate<Record<string, number>>(
        "(() => { const h = document.querySelector('header'); const banner = document.getElementById('run-problems'); return { header: h.getBoundingClientRect().height, banner: banner ? banner.getBoundingClientRect().height : 0, nav: h.querySelector('nav').getBoundingClientRect().height }; })()",
      );
      assert.ok(heights.nav! <= 45, `the navigation takes ${heights.nav} px: more than one line`);
      assert.ok(heights.header! - heights.banner! <= 800 / 5, `the header takes ${heights.header! - heights.banner!} px of 800 besides the notes`);
    } finally {
      await page.close();
    }
    assert.deepEqual(wide, []);
  });

  it('follows a dark colour scheme, and prints without navigation or controls', async () => {
    const { page } = await opened().page();
    try {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(url());
      await page.waitForSelector('html[data-ready="true"]');
      assert.equal(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor'), 'rgb(15, 23, 42)');
      await page.emulateMedia({ colorScheme: 'light', media: 'print' });
      assert.equal(await page.evaluate<string>("getComputedStyle(document.querySelector('nav')).display"), 'none');
      assert.equal(await page.evaluate<string>("getComputedStyle(document.querySelector('.controls')).display"), 'none');
      assert.equal(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor'), 'rgb(255, 255, 255)');
    } finally {
      await page.close();
    }
  });

  it('prints every scenario of a long list, not only the rows shown so far', async () => {
    const dir = join(work, 'long');
    writeDocsFixture(dir, 260);
    const long = await buildDocs({ features: 'features', messages: 'reports/cucumber.ndjson', cwd: dir, out: join(dir, 'site') });
    const { page } = await opened().page();
    try {
      await page.goto(url('#/scenarios', long.index));
      await page.waitForSelector('html[data-ready="true"]');
      // A screenful or two at first (the site's page size), the rest as the reader scrolls.
      const pageSize = await page.evaluate<number>('window.eventspecSite.PAGE');
      assert.ok(pageSize < 208, `page size ${pageSize}`);
      assert.equal(await page.locator('.scenario-row').count(), pageSize);
      // Print media alone (a print preview, or a browser that lays out before beforeprint) shows them all.
      await page.emulateMedia({ media: 'print' });
      await page.waitForFunction("document.querySelectorAll('.scenario-row').length === 260");
      assert.equal(await page.locator('button.more').count(), 0);
      assert.equal(await page.locator('.scenario-row').last().getAttribute('data-scenario'), long.data.scenarios[259]!.key);
      // And so does the print itself, from the screen.
      await page.emulateMedia({ media: 'screen' });
      await page.goto(url('#/scenarios?tags=' + encodeURIComponent('not @smoke'), long.index));
      await page.waitForSelector('html[data-ready="true"]');
      await page.locator('#result-count', { hasText: '208 of 260 scenarios' }).waitFor();
      assert.equal(await page.locator('.scenario-row').count(), pageSize);
      await page.pdf();
      assert.equal(await page.locator('.scenario-row').count(), 208);
    } finally {
      await page.close();
    }
  });

  it('draws the diagram at a legible size with zoom, its commands and events linked to the catalog', async () => {
    await onPage(url('#/aggregate/Cart'), async (page) => {
      await page.waitForSelector('#diagram[data-rendered="true"]', { timeout: 60_000 });
      assert.equal(await page.locator('#diagram g.node[data-href="#/command/AddToCart"]').count(), 1);
      const width = async () => Number(await page.locator('#diagram svg').getAttribute('width'));
      const natural = await width();
      await page.click('#zoom-in');
      assert.ok(Math.abs((await width()) - natural * 1.25) <= 1, `zoomed to ${await width()} from ${natural}`);
      assert.equal(await page.locator('#diagram').getAttribute('data-zoom'), '125');
      await page.click('#zoom-reset');
      assert.equal(await width(), natural);
      await page.locator('#diagram g.node[data-href="#/event/CheckedOut"]').click();
      await page.waitForSelector('#contract[data-name="CheckedOut"]');
    });
  });

  it('shows attachments as users expect them, step durations, and where the run happened', async () => {
    const root = join(work, 'attachments');
    const built = await buildSample('attachments', root);
    // One more attachment: a 1×1 PNG, which the page should show as an image.
    const stream = join(root, 'samples', 'attachments', 'attachments.ndjson');
    assert.ok(built.data.scenarios.some((s) => s.attachments.length > 0));
    const firstStarted = /"testCaseStarted":\{[^}]*"id":"(\w+)"/.exec(readFileSync(stream, 'utf8'))![1]!;
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const lines = readFileSync(stream, 'utf8').trimEnd().split('\n');
    const finishedAt = lines.findIndex((l) => l.includes('"testRunFinished"'));
    lines.splice(finishedAt, 0, JSON.stringify({ attachment: { testCaseStartedId: firstStarted, body: png, contentEncoding: 'BASE64', mediaType: 'image/png', fileName: 'dot.png' } }));
    writeFileSync(stream, `${lines.join('\n')}\n`);
    const site2 = await buildDocs({ features: 'samples', messages: join('samples', 'attachments', 'attachments.ndjson'), cwd: root, out: join(root, 'site2') });
    const withAnsi = site2.data.scenarios.find((s) => s.attachments.some((a) => a.text?.includes('\u001b[31m')))!;
    await onPage(url(`#/scenario/${withAnsi.key}`, site2.index), async (page) => {
      assert.deepEqual(await page.locator('#attachments pre.ansi span').evaluateAll((spans) => spans.map((s) => [s.className, s.textContent])).then((x) => x.slice(0, 3)), [
        ['ansi-red', 'r'],
        ['ansi-red', 'a'],
        ['ansi-yellow', 'i'],
      ]);
      assert.doesNotMatch((await page.locator('#attachments').textContent()) ?? '', /\u001b|\[31m/);
      assert.match((await page.locator('#run-meta').textContent()) ?? '', /GitHub Actions #154666429 · branch main · commit 99684bcacf01/);
      assert.equal(await page.locator('#run-meta a').getAttribute('href'), 'https://github.com/cucumber-ltd/shouty.rb/actions/runs/154666429');
      assert.match((await page.locator('.steps .duration').first().textContent()) ?? '', /^ \d+(\.\d)? ms$/);
    });
    const withPdf = site2.data.scenarios.find((s) => s.attachments.some((a) => a.mediaType === 'application/pdf'))!;
    await onPage(url(`#/scenario/${withPdf.key}`, site2.index), async (page) => {
      assert.match((await page.locator('#attachments a.download').first().getAttribute('href')) ?? '', /^data:application\/pdf;base64,JVBERi0/);
    });
    const withImage = site2.data.scenarios.find((s) => s.attachments.some((a) => a.mediaType === 'image/png'))!;
    await onPage(url(`#/scenario/${withImage.key}`, site2.index), async (page) => {
      const image = page.locator('#attachments img.attached-image');
      assert.equal(await image.getAttribute('alt'), 'dot.png');
      await page.waitForFunction("document.querySelector('#attachments img.attached-image').naturalWidth === 1");
    });
  });

  it('documents the read side: projections, the events they handle, read-model schemas and the scenarios that check them', async () => {
    const repo = join(__dirname, '..', '..');
    const built = await buildDocs({ features: 'features', domain: examples, cwd: repo, out: join(work, 'examples') });
    await onPage(url('#/read-models', built.index), async (page) => {
      assert.deepEqual(await page.locator('#projection-catalog tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name'))), ['OrderSummaries', 'AccountBalances', 'AccountStatements']);
      await page.click('#projection-catalog >> text=OrderSummaries');
      await page.waitForSelector('#projection[data-name="OrderSummaries"]');
      assert.deepEqual(await page.locator('.read-model-doc').evaluateAll((els) => els.map((e) => e.getAttribute('data-name'))), ['OrderSummary', 'CustomerOrder']);
      assert.ok((await page.locator('.read-model-doc[data-name="OrderSummary"] .scenario-ref').count()) > 0, 'a scenario checks OrderSummary');
      assert.match((await page.locator('.read-model-doc[data-name="OrderSummary"] table.fields').textContent()) ?? '', /customer/);
    });
    await onPage(url('#/event/OrderPlaced', built.index), async (page) => {
      assert.deepEqual(await page.locator('#projected-by a').allTextContents(), ['OrderSummaries']);
    });
  });

  it('marks a scenario that passed on retry as flaky, with the errors of its earlier attempts', async () => {
    const built = await buildSample('retry', join(work, 'retry'));
    const flaky = built.data.scenarios.filter((s) => s.status === 'passed' && s.attempts > 1);
    assert.ok(flaky.length > 0, 'the retry sample has a scenario that passes on retry');
    await onPage(url('#/scenarios?status=flaky', built.index), async (page) => {
      assert.deepEqual(await page.locator('.scenario-row .scenario-name').allTextContents(), flaky.map((s) => s.name));
      await page.locator('.scenario-row .scenario-name').first().click();
      await page.waitForSelector('#scenario');
      assert.match((await page.locator('#earlier-attempts').textContent()) ?? '', /Earlier attempts \(\d\)attempt 1: failed/);
    });
  });

  it('shows the last runs: a strip per scenario, the newly failing, those flipping between passing and failing, those slower than usual', async () => {
    const history = join(work, 'history');
    const paying = keyOf('Paying twice is refused');
    const checkout = keyOf('A cart with an item can be checked out');
    // Slower: the longest passing scenario of this run took a quarter of its time before; checkout took as long as now.
    const others = site.data.scenarios.filter((s) => s.key !== paying && s.key !== checkout && s.status === 'passed' && (s.durationMs ?? 0) > 10);
    const slow = others.sort((a, b) => b.durationMs! - a.durationMs!)[0]!;
    const now = (key: string) => site.data.scenarios.find((s) => s.key === key)!.durationMs!;
    const past = [
      { at: '2020-01-01T00:00:00.000Z', scenarios: { [paying]: ['passed'], [checkout]: ['passed', now(checkout)], [slow.key]: ['passed', slow.durationMs! / 4] } },
      { at: '2020-01-02T00:00:00.000Z', scenarios: { [paying]: ['passed'], [checkout]: ['failed', now(checkout)], [slow.key]: ['passed', slow.durationMs! / 4] } },
      { at: '2020-01-03T00:00:00.000Z', scenarios: { [paying]: ['passed'], [checkout]: ['passed', now(checkout)], [slow.key]: ['passed', slow.durationMs! / 4] } },
    ];
    cpSync(FIXTURE, join(work, 'with-history'), { recursive: true });
    const built = await buildDocs({ features: 'features', messages: 'run.ndjson', domain: shop, cwd: join(work, 'with-history'), out: join(work, 'with-history', 'site'), history: history });
    for (const run of past) writeFileSync(join(history, `run-${run.at.replace(/[^0-9TZ]/g, '')}.json`), JSON.stringify(run));
    const again = await buildDocs({ features: 'features', messages: 'run.ndjson', domain: shop, cwd: join(work, 'with-history'), out: join(work, 'with-history', 'site'), history: history });
    assert.equal(built.data.history!.runs.length, 1);
    assert.equal(again.data.history!.runs.length, 4);
    await onPage(url('#/history', again.index), async (page) => {
      assert.deepEqual(await page.locator('#newly-failing .history-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-scenario'))), [paying]);
      assert.deepEqual(await page.locator('#flipping .history-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-scenario'))), [checkout]);
      assert.deepEqual(await page.locator('#slower .history-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-scenario'))), [slow.key]);
      assert.match((await page.locator('#slower .history-row').textContent()) ?? '', /4\.0× the usual time/);
      await page.locator('#slower .history-row a').first().click();
      await page.waitForSelector('#scenario');
      assert.equal(await page.locator('#history-strip .history-cell').count(), 4);
    });
    await onPage(url(`#/scenario/${paying}`, again.index), async (page) => {
      assert.deepEqual(await page.locator('#history-strip .history-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status'))), ['passed', 'passed', 'passed', 'failed']);
    });
  });

  it('names each message stream it merged (CI shards, a re-run)', async () => {
    const project = join(work, 'shards');
    cpSync(FIXTURE, project, { recursive: true });
    cpSync(join(project, 'run.ndjson'), join(project, 'rerun.ndjson'));
    const merged = await buildDocs({ features: 'features', messages: ['run.ndjson', 'rerun.ndjson'], domain: shop, cwd: project, out: join(project, 'site') });
    await onPage(url('#/scenarios', merged.index), async (page) => {
      assert.equal(await page.locator('#run-streams').textContent(), 'Merged from 2 message streams: run.ndjson (failed), rerun.ndjson (failed)');
      assert.equal(await page.locator('#result-count').textContent(), '11 of 11 scenarios');
    });
  });

  it('shows a malformed link as not found, not a blank page', async () => {
    for (const hash of ['#/event/%E0%A4%A', '#/scenario/%', '#/feature/features/%ZZ.feature', '#/aggregate/%E0', '#/command/%C3%28']) {
      await onPage(url(hash), async (page) => {
        assert.match((await page.locator('#view').textContent()) ?? '', /Not found.*not a well-formed link/, hash);
      });
    }
    // reached by following a link in the page, not by opening it
    await onPage(url('#/events'), async (page) => {
      await page.evaluate('location.hash = "#/event/%E0%A4%A"');
      await page.waitForSelector('#view[data-view="bad-link"]');
      assert.match((await page.locator('#view').textContent()) ?? '', /Not found.*not a well-formed link/);
    });
    // a malformed filter is a search for its text, not an error
    await onPage(url('#/scenarios?q=%E0%A4%A&tags=%'), async (page) => {
      assert.equal(await page.locator('#view').getAttribute('data-view'), 'scenarios');
    });
  });

  it('shows bidi controls in names as their codes, so no name is reordered', async () => {
    const project = join(work, 'bidi');
    cpSync(join(FIXTURE, 'features', 'cart.feature'), join(project, 'features', 'cart.feature'));
    writeFileSync(join(project, 'features', 'bidi.feature'), '@tag\u202Ex\nFeature: Feat\u202Eure\n  Rule: Ru\u2067le\n    Scenario: Sce\u200Fnario\n      Given a st\u202Dep\n        | ce\u061Cll |\n');
    const built = await buildDocs({ features: 'features', cwd: project, out: join(project, 'site'), domain: shop });
    const scenario = built.data.scenarios.find((s) => s.uri === 'features/bidi.feature')!;
    for (const hash of ['#/features', `#/feature/features/bidi.feature`, `#/scenario/${scenario.key.split('/').map(encodeURIComponent).join('/')}`, '#/scenarios']) {
      await onPage(url(hash, built.index), async (page) => {
        const shown = await page.locator('#app').innerText();
        assert.doesNotMatch(shown, /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/, hash);
        assert.match(shown, /Feat\\u202Eure/, hash);
      });
    }
  });
});

describe('the living documentation for every reader (axe-core)', { skip, timeout: BROWSER_SUITE_MS }, () => {
  it('has no accessibility violations in any view, light or dark', async () => {
    const axe = require.resolve('axe-core/axe.min.js');
    const views = ['#/scenarios', '#/features', '#/feature/features/cart.feature', `#/scenario/${keyOf('A cart with an item can be checked out')}`, '#/failures',
      '#/aggregates', '#/aggregate/Cart', '#/events', '#/event/ItemAdded', '#/commands', '#/glossary', '#/uncovered', '#/read-models', '#/history'];
    const found: string[] = [];
    const { page } = await opened().page();
    try {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const view of views) {
          await page.goto(url(view));
          await page.waitForSelector('html[data-ready="true"]');
          await page.addScriptTag({ path: axe });
          const violations = await page.evaluate<{ id: string; nodes: { target: string[] }[] }[]>('axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) })))');
          for (const v of violations) found.push(`${scheme} ${view}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
    } finally {
      await page.close();
    }
    assert.deepEqual(found, []);
  });
});
