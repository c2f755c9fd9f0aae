import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { buildDocs, type BuiltDocs } from '../../src/docs';
import { BROWSER_SUITE_MS, browserForTests, browserUnavailable } from './browser';
import { buildSample, samples } from './kitSamples';
import { shop } from './fixtures/shop/domain';

const FIXTURE = join(__dirname, 'fixtures', 'shop');
const skip = browserUnavailable();
const work = mkdtempSync(join(tmpdir(), 'eventspec-site-'));
const { browser: opened, onPage } = browserForTests(skip, () => rmSync(work, { recursive: true, force: true }));

let site: BuiltDocs;
before(async () => {
  site = await buildDocs({ features: 'features', messages: 'run.ndjson', domain: shop, cwd: FIXTURE, out: join(work, 'site') });
});
const url = (hash = '') => pathToFileURL(site.index).href + hash;

const rowNames = (page: Page) => page.locator('.scenario-row .scenario-name').allTextContents();

/** The listed scenarios, once the list shows that many rows: filters re-render asynchronously. */
async function expectRows(page: Page, names: readonly string[]): Promise<void> {
  await page
    .waitForFunction(`document.querySelectorAll('.scenario-row').length === ${names.length}`, undefined, { timeout: 30_000 })
    .catch(() => undefined); // the comparison below reports what was shown instead
  assert.deepEqual(await rowNames(page), names);
}

describe('the living documentation in Chromium', { skip, timeout: BROWSER_SUITE_MS }, () => {
  it('opens from file:// and lists every scenario', async () => {
    await onPage(url(), async (page) => {
      assert.equal(await page.locator('#result-count').textContent(), '11 of 11 scenarios');
      assert.equal(await page.locator('.scenario-row').count(), 11);
      assert.equal(await page.title(), 'Scenarios — Shop — living documentation');
    });
  });

  it('searches scenarios by name, step text and table cells', async () => {
    await onPage(url(), async (page) => {
      await page.fill('#search', 'empty cart');
      await page.locator('#result-count', { hasText: /^1 of 11 scenarios$/ }).waitFor();
      await expectRows(page, ['An empty cart cannot be checked out']);
      await page.fill('#search', 'PEN-2');
      await page.locator('.scenario-row', { hasText: 'Adding PEN-2' }).waitFor();
      await expectRows(page, ['Adding PEN-2']);
      await page.fill('#search', 'checkedout');
      await page.locator('#catalog-hits').waitFor();
      assert.match((await page.locator('#catalog-hits').textContent()) ?? '', /CheckedOut/);
      // Words anywhere, or a "phrase in quotes" as written.
      await page.fill('#search', 'cannot cart');
      await page.locator('#result-count', { hasText: /^1 of 11 scenarios$/ }).waitFor();
      await page.fill('#search', '"cannot cart"');
      await page.locator('#result-count', { hasText: /^0 of 11 scenarios$/ }).waitFor();
      await page.fill('#search', '"CART cannot"');
      await page.locator('#result-count', { hasText: /^1 of 11 scenarios$/ }).waitFor();
      // Accents do not matter, on either side.
      assert.equal(await page.evaluate<string>("window.eventspecSite.fold('Les MISÉRABLES')"), 'les miserables');
      assert.deepEqual(await page.evaluate<string[]>("window.eventspecSite.searchTerms('Misérables \"la Fête\"')"), ['miserables', 'la fete']);
      // A match found only by folding is marked in the text as written, its accents inside the mark (composed or not).
      const marked = (value: string, query: string) =>
        page.evaluate<string[]>(`window.eventspecSite.highlight(${JSON.stringify(value)}, window.eventspecSite.searchTerms(${JSON.stringify(query)})).map(function (n) { return typeof n === 'string' ? n : '[' + n.textContent + ']'; })`);
      assert.deepEqual(await marked('Les Misérables, LES MISE\u0301RABLES', 'miserables'), ['Les ', '[Misérables]', ', LES ', '[MISE\u0301RABLES]']);
      assert.deepEqual(await marked('Crème brûlée for Zoë', 'brulee zoe'), ['Crème ', '[brûlée]', ' for ', '[Zoë]']);
      assert.deepEqual(await marked('A plain CART', 'cart'), ['A plain ', '[CART]']);
    });
  });

  it('finds a scenario by words from its summary and its steps together', async () => {
    // Names, tags, file and status are searched in the page's summary; steps and tables in the search files.
    await onPage(url(), async (page) => {
      await page.fill('#search', '@smoke BOOK-1');
      await page.locator('#result-count[data-query="@smoke BOOK-1"]', { hasText: /^1 of 11 scenarios$/ }).waitFor();
      await expectRows(page, ['A cart with an item can be checked out']);
      await page.fill('#search', 'cart.feature pen-2');
      await page.locator('#result-count[data-query="cart.feature pen-2"]', { hasText: /^1 of 11 scenarios$/ }).waitFor();
      await expectRows(page, ['Adding PEN-2']);
      await page.fill('#search', 'shopping failed');
      await page.locator('#result-count[data-query="shopping failed"]', { hasText: /^1 of 11 scenarios$/ }).waitFor();
      await expectRows(page, ['Paying twice is refused']);
      await page.fill('#search', '@smoke pen-2');
      await page.locator('#result-count[data-query="@smoke pen-2"]', { hasText: /^0 of 11 scenarios$/ }).waitFor();
    });
  });

  it('filters by tag and by status', async () => {
    await onPage(url(), async (page) => {
      await page.selectOption('#tag-filter', '@smoke');
      await expectRows(page, ['A cart with an item can be checked out']);
      await page.selectOption('#tag-filter', '@cart');
      await page.selectOption('#status-filter', 'failed');
      await expectRows(page, ['Paying twice is refused']);
      await page.selectOption('#tag-filter', '');
      await page.selectOption('#status-filter', 'undefined');
      await expectRows(page, ['Nobody wrote this step yet']);
      await page.click('#clear-filters');
      assert.equal(await page.locator('.scenario-row').count(), 11);
      // A tag expression applies as it is typed (no Enter), and emptying the box drops it.
      await page.fill('#tag-expression', '@smoke');
      await expectRows(page, ['A cart with an item can be checked out']);
      assert.equal(await page.locator('#tag-filter').inputValue(), '@smoke');
      await page.fill('#tag-expression', '');
      await page.locator('#result-count', { hasText: /^11 of 11 scenarios$/ }).waitFor();
      // a tag on a row filters by that tag
      await page.locator('.scenario-row .tag[data-tag="@wip"]').first().click();
      await expectRows(page, ['Paying twice is refused']);
    });
  });

  it('opens a scenario and shows its steps, error and recorded events', async () => {
    await onPage(url(), async (page) => {
      await page.click('text=A cart with an item can be checked out');
      await page.waitForSelector('#scenario');
      assert.equal(await page.locator('#scenario-title').textContent(), 'Scenario: A cart with an item can be checked out');
      assert.deepEqual(await page.locator('#recorded-events tr.recorded-event').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type'))), ['ItemAdded', 'CheckedOut']);
      assert.match((await page.locator('#recorded-events').textContent()) ?? '', /"currency": "EUR"/);
      assert.equal(await page.locator('table.datatable').count(), 1);
    });
    await onPage(url('#/failures'), async (page) => {
      assert.equal(await page.locator('.failure-row').count(), 4);
      await page.click('.failure-row >> text=Paying twice is refused');
      await page.waitForSelector('#scenario');
      assert.match((await page.locator('.failure pre.error').textContent()) ?? '', /CheckedOut/);
    });
  });

  it('opens an event in the catalog and shows the scenarios that use it', async () => {
    await onPage(url('#/events'), async (page) => {
      await page.click('#event-catalog >> text=ItemAdded');
      await page.waitForSelector('#contract[data-name="ItemAdded"]');
      const recorded = await page.locator('#recorded-in a').allTextContents();
      assert.ok(recorded.includes('A cart with an item can be checked out'), recorded.join(', '));
      assert.ok(!recorded.includes('An empty cart cannot be checked out'));
      assert.match((await page.locator('#contract').textContent()) ?? '', /v1 → v2/);
      assert.match((await page.locator('table.fields').first().textContent()) ?? '', /price\.currency/);
      // and back from a scenario's recorded event to the catalog
      await page.click('#recorded-in >> text=A cart with an item can be checked out');
      await page.click('#recorded-events >> text=CheckedOut');
      await page.waitForSelector('#contract[data-name="CheckedOut"]');
    });
  });

  it('draws the aggregate diagram with the bundled Mermaid', async () => {
    await onPage(url('#/aggregate/Cart'), async (page) => {
      await page.waitForSelector('#diagram[data-rendered]', { timeout: 60_000 });
      assert.equal(await page.locator('#diagram').getAttribute('data-rendered'), 'true');
      const labels = (await page.locator('#diagram svg').textContent()) ?? '';
      for (const name of ['AddToCart', 'ItemAdded', 'Checkout', 'CheckedOut', 'CartEmpty']) assert.ok(labels.includes(name), `${name} not in the diagram`);
      // Counts read as English: one scenario, not "1 scenarios".
      const text = (await page.locator('main').textContent()) ?? '';
      assert.match(text, /CartEmpty — An empty cart cannot be checked out\. \(in 1 scenario\)/);
      assert.doesNotMatch(text, /\b1 (scenarios|commands|events|rejections)\b/);
    });
  });

  it('shows the glossary with unused phrasings marked, and what no scenario covers', async () => {
    await onPage(url('#/glossary'), async (page) => {
      assert.equal(await page.locator('#glossary tr.phrase').count(), site.data.glossary.length);
      assert.equal(await page.locator('#glossary tr.phrase[data-unused="true"]').count(), site.data.uncovered.phrases.length);
      assert.match((await page.locator('#glossary tr.unused').first().textContent()) ?? '', /unused/);
    });
    await onPage(url('#/uncovered'), async (page) => {
      assert.deepEqual(await page.locator('#uncovered-events li').allTextContents(), ['CartAbandoned']);
      assert.deepEqual(await page.locator('#uncovered-commands li').allTextContents(), ['Abandon']);
      assert.deepEqual(await page.locator('#uncovered-rejections li').allTextContents(), ['Cart: AlreadyCheckedOut']);
    });
  });

  it('renders hostile names as text, never as markup', async () => {
    await onPage(url(), async (page) => {
      const row = page.locator('.scenario-row', { hasText: '<script>alert(1)</script>' });
      assert.equal(await row.count(), 1);
      await row.locator('.scenario-name').click();
      await page.waitForSelector('#scenario');
      assert.equal(await page.locator('#scenario-title').textContent(), 'Scenario: <script>alert(1)</script>');
      assert.match((await page.locator('table.datatable').textContent()) ?? '', /<img src=x onerror=alert\(2\)>/);
      assert.match((await page.locator('.crumbs').textContent()) ?? '', /Odd outcomes <b>bold<\/b>/);
      assert.equal(await page.locator('#app script, #app img, #app b').count(), 0);
    });
  });

  it('says when results are cut off or missing', async () => {
    const dir = join(work, 'cut');
    cpSync(FIXTURE, dir, { recursive: true });
    const text = readFileSync(join(FIXTURE, 'run.ndjson'), 'utf8');
    writeFileSync(join(dir, 'run.ndjson'), text.slice(0, Math.floor(text.length / 2)));
    const cut = await buildDocs({ features: 'features', messages: 'run.ndjson', domain: shop, cwd: dir, out: join(dir, 'site') });
    await onPage(pathToFileURL(cut.index).href, async (page) => {
      const banner = (await page.locator('#run-problems').textContent()) ?? '';
      assert.match(banner, /Results are incomplete/);
      assert.match(banner, /cut off at line \d+/);
    });
    const none = await buildDocs({ features: 'features', messages: 'missing.ndjson', allowMissingResults: true, domain: shop, cwd: FIXTURE, out: join(work, 'none') });
    await onPage(pathToFileURL(none.index).href, async (page) => {
      assert.match((await page.locator('#run-problems').textContent()) ?? '', /Results are missing.*missing\.ndjson does not exist/);
      assert.equal(await page.locator('.scenario-row[data-status="not run"]').count(), 11);
    });
  });

  it('opens the site of every compatibility-kit sample without errors', async () => {
    const { page, errors, dialogs } = await opened().page();
    try {
      for (const name of samples) {
        const built = await buildSample(name, join(work, 'kit', name));
        await page.goto(pathToFileURL(built.index).href);
        await page.waitForSelector('html[data-ready="true"]');
        assert.equal(await page.locator('.scenario-row').count(), Math.min(100, built.data.scenarios.length), name);
        if (built.data.scenarios.length > 0) {
          await page.locator('.scenario-row .scenario-name').last().click();
          await page.waitForSelector('#scenario');
        }
        await page.goto(pathToFileURL(built.index).href + '#/glossary');
        await page.goto(pathToFileURL(built.index).href + '#/failures');
        assert.deepEqual(errors, [], `console errors on the ${name} sample`);
      }
      assert.deepEqual(dialogs, []);
    } finally {
      await page.close();
    }
  });

  it('says which data file could not be read, and why', async () => {
    const copy = join(work, 'damaged');
    const scenario = `#/scenario/${site.data.scenarios[0]!.key.split('/').map(encodeURIComponent).join('/')}`;
    const banner = async (details: string | undefined): Promise<string> => {
      rmSync(copy, { recursive: true, force: true });
      cpSync(site.out, copy, { recursive: true });
      if (details === undefined) rmSync(join(copy, 'details', '0.js'));
      else writeFileSync(join(copy, 'details', '0.js'), details);
      const { page } = await opened().page();
      try {
        await page.goto(pathToFileURL(join(copy, 'index.html')).href + scenario);
        return (await page.locator('.banner-partial').textContent({ timeout: 30_000 })) ?? '';
      } finally {
        await page.close();
      }
    };
    assert.match(await banner(undefined), /details\/0\.js could not be read: it is missing beside index\.html/);
    // Base64, but not gzip.
    assert.match(await banner('window.eventspecSite.details(0, "aGVsbG8=");\n'), /details\/0\.js could not be read: it is damaged/);
    // The format before the files were compressed.
    assert.match(await banner('window.eventspecSite.details(0, [{"steps":[]}]);\n'), /details\/0\.js could not be read: it was written by another version of eventspec/);
  });
});
