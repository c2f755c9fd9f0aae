import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium; never a downloaded browser. CHROMIUM_PATH points elsewhere if needed. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A whole browser suite's bound: Chromium pages and Mermaid rendering are slow on a loaded machine. */
export const BROWSER_SUITE_MS = 10 * 60_000;

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Why browser tests cannot run here, or undefined when they can. In CI a missing browser is a failure, not a skip. */
export function browserUnavailable(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const why = `no Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH) to run the living-documentation browser tests`;
  if (process.env.CI) throw new Error(why);
  console.log(`\n*** SKIPPED browser tests: ${why} ***\n`);
  return why;
}

export interface Browser {
  readonly context: BrowserContext;
  /** A fresh page that records console errors and uncaught exceptions, and refuses dialogs (alert() = injected script). */
  page(): Promise<{ page: Page; errors: string[]; dialogs: string[] }>;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'eventspec-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    context,
    async page() {
      const page = await context.newPage();
      const errors: string[] = [];
      const dialogs: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      return { page, errors, dialogs };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One Chromium for a test file (opened before its tests, closed after, `cleanup` run then too),
 * and `onPage`: open a site page, wait until it is ready, run the checks, and fail on any console
 * error, uncaught exception or dialog.
 */
export function browserForTests(skip: string | undefined, cleanup: () => void = () => {}) {
  let browser: Browser | undefined;
  before(async () => {
    if (!skip) browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    cleanup();
  });
  const opened = (): Browser => {
    if (!browser) throw new Error('the browser is not open (the tests were skipped)');
    return browser;
  };
  async function onPage(address: string, check: (page: Page) => Promise<void>): Promise<void> {
    const { page, errors, dialogs } = await opened().page();
    try {
      await page.goto(address);
      await page.waitForSelector('html[data-ready="true"]');
      await check(page);
      assert.deepEqual(errors, [], 'console errors');
      assert.deepEqual(dialogs, [], 'dialogs (injected script)');
    } finally {
      await page.close();
    }
  }
  return { browser: opened, onPage };
}
