/**
 * Kit overhead: the same generated scenarios (2,000 by default, both example domains: history
 * tables, history by name, commands with and without tables, recorded events, rejections, state
 * and version checks) run by cucumber-js through
 *   - the kit: the real step-definitions/eventspec.steps.ts (installSteps, in-memory stores), and
 *   - raw: hand-written minimal steps on the same aggregates and stores (kitOverhead.rawSteps.ts).
 * Each side is its own cucumber-js process, alternating, with the same formatter (summary to a
 * file, read back to check every scenario passed). Budget: kit / raw ≤ 1.5 (aim 1.2).
 *
 *   node -r ts-node/register test/bench/kitOverhead.bench.ts [--scenarios 2000] [--runs 5]
 *   … --write-to DIR   only writes the features and both configs, to profile one side by hand
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { interleaved, main, option, report, runProcess, stats } from './bench';

const SCENARIOS = option('scenarios', 2000);
const RUNS = Math.max(5, option('runs', 5));
const PER_FEATURE = 20;
const root = join(__dirname, '..', '..');
const carriers = ['DHL', 'UPS', 'FedEx', 'PostNL'];

/** Five kinds of scenario, in turn. Every cell is written the way String(value) prints it, so raw steps can compare text. */
function scenario(n: number): string[] {
  const carrier = carriers[n % 4]!;
  switch (n % 5) {
    case 0:
      return [
        `  Scenario: Order ${n} ships with ${carrier}`,
        `    Given the time is "2025-03-01T10:00:00Z"`,
        `    And Order "o-${n}" has recorded:`,
        `      | event       | customer      | amount | sku      | quantity | price |`,
        `      | OrderPlaced | customer-${n} | ${n % 50} |        |          |       |`,
        `      | ItemAdded   |               |        | BOOK-${n} | 2        | 10.5  |`,
        `    When Order "o-${n}" is sent ShipOrder:`,
        `      | carrier | ${carrier} |`,
        `    Then Order "o-${n}" records:`,
        `      | event        | carrier |`,
        `      | OrderShipped | ${carrier} |`,
        `    And Order "o-${n}" has state:`,
        `      | status  | shipped |`,
        `      | carrier | ${carrier} |`,
        `      | total   | ${(n % 50) + 21} |`,
      ];
    case 1:
      return [
        `  Scenario: Shipped order ${n} cannot be cancelled`,
        `    Given Order "o-${n}" has recorded OrderPlaced, ItemAdded and OrderShipped`,
        `    When Order "o-${n}" is sent CancelOrder`,
        `    Then the command is rejected with "OrderAlreadyShipped"`,
        `    And Order "o-${n}" records nothing`,
      ];
    case 2:
      return [
        `  Scenario: Account ${n} pays out within its balance`,
        `    Given the time is "2025-03-02T09:30:00Z"`,
        `    And Account "a-${n}" has recorded:`,
        `      | event          | owner      | amount |`,
        `      | AccountOpened  | owner-${n} |        |`,
        `      | MoneyDeposited |            | 100    |`,
        `    When Account "a-${n}" is sent Withdraw:`,
        `      | amount | ${(n % 90) + 1} |`,
        `    Then Account "a-${n}" records:`,
        `      | event          | amount |`,
        `      | MoneyWithdrawn | ${(n % 90) + 1} |`,
        `    And Account "a-${n}" has state:`,
        `      | status  | open |`,
        `      | balance | ${100 - ((n % 90) + 1)} |`,
        `    And Account "a-${n}" is at version 3`,
      ];
    case 3:
      return [
        `  Scenario: Account ${n} cannot go past its overdraft`,
        `    Given Account "a-${n}" has recorded AccountOpened and MoneyDeposited`,
        `    When Account "a-${n}" is sent Withdraw:`,
        `      | amount | ${500 + n} |`,
        `    Then the command is rejected with "InsufficientFunds"`,
        `    And Account "a-${n}" records nothing`,
        `    And Account "a-${n}" has state:`,
        `      | balance | 100 |`,
      ];
    default:
      return [
        `  Scenario: Order ${n} takes an item`,
        `    Given Order "o-${n}" has recorded OrderPlaced:`,
        `      | customer | customer-${n} |`,
        `    When Order "o-${n}" is sent AddItem:`,
        `      | sku      | BOOK-${n} |`,
        `      | quantity | 3 |`,
        `      | price    | 4.5 |`,
        `    Then the command is accepted`,
        `    And Order "o-${n}" records ItemAdded`,
        `    And Order "o-${n}" has state:`,
        `      | status | placed |`,
        `      | total  | 13.5 |`,
        `    And Order "o-${n}" is at version 2`,
      ];
  }
}

function writeFeatures(dir: string): void {
  mkdirSync(join(dir, 'features'));
  for (let f = 0; f * PER_FEATURE < SCENARIOS; f++) {
    const lines = [`Feature: Generated batch ${f}`, ''];
    for (let n = f * PER_FEATURE; n < Math.min(SCENARIOS, (f + 1) * PER_FEATURE); n++) lines.push(...scenario(n), '');
    writeFileSync(join(dir, 'features', `batch-${String(f).padStart(3, '0')}.feature`), lines.join('\n'));
  }
}

main(async () => {
  const keep = process.argv.indexOf('--write-to');
  const dir = keep >= 0 ? process.argv[keep + 1]! : mkdtempSync(join(tmpdir(), 'eventspec-kit-bench-'));
  try {
    writeFeatures(dir);
    const steps = { kit: join(root, 'step-definitions', 'eventspec.steps.ts'), raw: join(__dirname, 'kitOverhead.rawSteps.ts') };
    // A config of our own so the project's default profile (JUnit, message stream) stays out of it.
    for (const [side, file] of Object.entries(steps)) {
      writeFileSync(
        join(dir, `${side}.cjs`),
        `module.exports = { default: ${JSON.stringify({ paths: [join(dir, 'features')], requireModule: ['ts-node/register'], require: [file], format: [`summary:${join(dir, `${side}.txt`)}`] })} };\n`,
      );
    }
    if (keep >= 0) {
      console.log(`features and configs written to ${dir}; run e.g. node --cpu-prof ${relative(process.cwd(), join(root, 'node_modules/@cucumber/cucumber/bin/cucumber-js'))} --config ${relative(root, join(dir, 'kit.cjs'))}`);
      return;
    }
    const cucumber = join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber-js');
    const env = { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_PROJECT: join(root, 'tsconfig.json') };
    // cucumber-js started from -e, so the process can note its own CPU time (all threads) as it exits:
    // on a shared machine CPU time swings far less than wall-clock time.
    const cpuFile = join(dir, 'cpu.txt');
    const starter = `process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(${JSON.stringify(cpuFile)}, String((u.user + u.system) / 1000)); }); require(${JSON.stringify(cucumber)});`;
    const cpuTimes = { kit: [] as number[], raw: [] as number[] };
    const run = (side: 'kit' | 'raw') => async () => {
      const { ms } = await runProcess(process.execPath, ['-e', starter, 'cucumber-js', '--config', relative(root, join(dir, `${side}.cjs`))], { cwd: root, env });
      cpuTimes[side].push(Number(readFileSync(cpuFile, 'utf8')));
      const summary = readFileSync(join(dir, `${side}.txt`), 'utf8');
      if (!new RegExp(`^${SCENARIOS} scenarios? \\(${SCENARIOS} passed\\)`, 'm').test(summary)) throw new Error(`${side}: not every scenario passed:\n${summary}`);
      // cucumber's own clock for the steps, hooks included: the same figure without process start-up.
      const steps = /executing steps: (\d+)m(\d+(?:\.\d+)?)s/.exec(summary);
      if (!steps) throw new Error(`${side}: no step time in the summary:\n${summary}`);
      stepTimes[side].push((Number(steps[1]) * 60 + Number(steps[2])) * 1000);
      return ms;
    };
    const stepTimes = { kit: [] as number[], raw: [] as number[] };
    await run('raw')(); // warm the file system cache and ts-node's compile of both step files
    await run('kit')();
    stepTimes.kit.length = stepTimes.raw.length = cpuTimes.kit.length = cpuTimes.raw.length = 0;
    const times = await interleaved(RUNS, { kit: run('kit'), raw: run('raw') });
    const kit = stats(times.kit);
    const raw = stats(times.raw);
    const ratio = kit.median / raw.median;
    report([
      {
        figure: `kit overhead: ${SCENARIOS} scenarios, cucumber-js wall clock`,
        unit: 'ms',
        stats: kit,
        baseline: { name: 'raw steps', stats: raw },
        budget: '≤ 1.5× raw (aim 1.2)',
        met: ratio <= 1.5,
      },
      {
        figure: `kit overhead: ${SCENARIOS} scenarios, CPU time of the process`,
        unit: 'ms',
        stats: stats(cpuTimes.kit),
        baseline: { name: 'raw steps', stats: stats(cpuTimes.raw) },
      },
      {
        figure: `kit overhead: ${SCENARIOS} scenarios, executing steps (cucumber's clock)`,
        unit: 'ms',
        stats: stats(stepTimes.kit),
        baseline: { name: 'raw steps', stats: stats(stepTimes.raw) },
        note: 'the wall-clock row includes process start-up (ts-node compiling the steps and src/); this one is the steps and hooks alone',
      },
    ]);
  } finally {
    if (keep < 0) rmSync(dir, { recursive: true, force: true });
  }
});
