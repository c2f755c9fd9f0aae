import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { buildDocs, type BuiltDocs } from '../../src/docs';
import { domain } from '../../src/domains';
import { browserForTests, browserUnavailable } from './browser';

// The example process features, run for real, then documented: the process pages come from what
// the processes were seen to send.
const root = join(__dirname, '..', '..');
const skip = browserUnavailable();
const work = mkdtempSync(join(tmpdir(), 'eventspec-processes-'));
const { browser: opened, onPage } = browserForTests(skip, () => rmSync(work, { recursive: true, force: true }));

const messages = join(work, 'run.ndjson');
const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), '--config', 'test/gherkin/fixtures/cucumber.js', 'features/processes', '--format', `message:${messages}`],
  { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
);
let site: BuiltDocs;
before(async () => {
  site = await buildDocs({ features: 'features/processes', messages, domain, cwd: root, out: join(work, 'site') });
});
const url = (hash = '') => pathToFileURL(site.index).href + hash;
const processDoc = (name: string) => site.data.processes.find((p) => p.name === name)!;

describe('process documentation from a real run', () => {
  it('comes from a run that passed', () => {
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });

  it('lists what each process was seen to send, on which trigger and with which outcome', () => {
    const sends = processDoc('OrderFulfilment').sends.map((s) => `${s.trigger.kind} ${s.trigger.name} → ${s.aggregate}.${s.command}: ${s.outcomes.sort().join('/')}`);
    for (const expected of [
      'event OrderConfirmed → Inventory.ReserveStock: OutOfStock/accepted',
      'event OrderConfirmed → Payment.RequestPayment: accepted',
      'refusal ReserveStock → Inventory.ReleaseStock: accepted',
      'refusal ReserveStock → Order.CancelOrder: accepted',
      'deadline PaymentDue → Order.CancelOrder: accepted',
      'event PaymentRefused → Order.CancelOrder: accepted',
    ]) assert.ok(sends.includes(expected), `missing "${expected}" in:\n${sends.join('\n')}`);
    assert.deepEqual(processDoc('OrderFulfilment').uncovered, []);
    assert.deepEqual(processDoc('MoneyTransfer').compensates, ['Withdraw', 'Deposit']);
    assert.equal(processDoc('MoneyTransfer').kind, 'process');
  });

  it('draws events → process → commands, grouped by aggregate', () => {
    const diagram = processDoc('MoneyTransfer').diagram;
    assert.match(diagram, /^flowchart LR\n {2}P\{\{"MoneyTransfer"\}\}/);
    assert.match(diagram, /subgraph a\d\["Transfer"\]\n {4}e0\(\["TransferRequested"\]\)/);
    assert.match(diagram, /P -->\|"TransferRequested"\| c\d/);
    assert.match(diagram, /P -->\|"TransferRequested, Deposit refused"\| c\d/);
  });
});

describe('process pages in Chromium', { skip }, () => {
  it('lists the processes and opens one with its diagram, sends and scenarios', async () => {
    await onPage(url('#/processes'), async (page) => {
      assert.deepEqual(await page.locator('#process-catalog tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name'))), ['OrderFulfilment', 'MoneyTransfer']);
      await page.click('#process-catalog >> text=OrderFulfilment');
      await page.waitForSelector('#process[data-name="OrderFulfilment"]');
      await page.waitForSelector('#diagram[data-rendered]', { timeout: 60_000 });
      const labels = (await page.locator('#diagram svg').textContent()) ?? '';
      for (const name of ['OrderConfirmed', 'OrderFulfilment', 'ReserveStock', 'RequestPayment', 'Inventory']) assert.ok(labels.includes(name), `${name} not in the diagram`);
      assert.match((await page.locator('#process-sends').textContent()) ?? '', /PaymentDue due/);
      assert.equal(await page.locator('#process .scenario-ref').count(), processDoc('OrderFulfilment').coveredBy.length);
    });
  });
});

void opened;
