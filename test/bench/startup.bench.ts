/**
 * Start-up against bare cucumber-js (the same cucumber, one feature with one trivial JavaScript
 * step, writing the same reports as eventspec's profiles), each its own process, interleaved, CPU
 * time beside wall clock:
 *   - this repository's examples (`cucumber-js --dry-run`: the kit, the example domains and every
 *     feature loaded and matched, no scenario run; and the full run, for reference), and bare
 *     cucumber-js dry-running the same feature files with one catch-all step (cucumber's own share),
 *   - a project made by `eventspec init` from the packed tarball, installed offline (its 3 scenarios),
 *   - 2,000 generated scenarios through the kit, serial and with `--parallel 2`, beside bare
 *     cucumber-js running the same scenarios with trivial steps, serial and with `--parallel 2`.
 * Budgets (issue 16): start-up ≤ 1.5× bare cucumber-js in CPU time; `--parallel 2` faster than serial.
 * Two unbudgeted rows say what the chosen dependencies alone cost: cucumber on the examples'
 * features with zod and fast-check loaded, and cucumber's own `--parallel 2` against its serial run.
 * CPU time counts the workers too (their rusage, read from /proc when cucumber has waited for them).
 *
 *   node -r ./scripts/swc-register.js test/bench/startup.bench.ts [--runs 5] [--no-init] [--no-parallel]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Row, Stats } from './bench';
import { interleaved, main, option, report, runProcess, stats } from './bench';
import { writeFeatures } from './kitOverhead.features';
import { init, installOffline, pack } from '../field/fieldProject';

const RUNS = option('runs', 5);
const root = join(__dirname, '..', '..');
const cucumberBin = (project: string) => join(project, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber-js');
const flag = (name: string) => process.argv.includes(name);

/** A folder with one feature, one trivial step in JavaScript and cucumber from this repository. */
function bareProject(dir: string): string {
  const project = join(dir, 'bare');
  mkdirSync(join(project, 'features'), { recursive: true });
  mkdirSync(join(project, 'steps'));
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
  writeFileSync(join(project, 'features', 'one.feature'), 'Feature: Bare\n  Scenario: One step\n    Given a trivial step\n');
  writeFileSync(join(project, 'steps', 'steps.js'), "const { Given } = require('@cucumber/cucumber');\nGiven('a trivial step', function () {});\n");
  // The reports eventspec's profiles write (progress, JUnit, message stream), so the ratio prices the kit, not the choice of formatters.
  const format = ['progress', `junit:${join(project, 'reports', 'bare.junit.xml')}`, `message:${join(project, 'reports', 'bare.ndjson')}`];
  writeFileSync(join(project, 'cucumber.js'), `module.exports = { default: ${JSON.stringify({ require: ['steps/*.js'], format })} };\n`);
  return project;
}

/**
 * Bare cucumber-js on the examples' own feature files, one catch-all JavaScript step: what cucumber
 * itself spends on 92 scenarios, so the examples' ratio can be split into cucumber's share and the kit's.
 */
function bareOnExamples(dir: string, name = 'bare-examples', alsoLoad: readonly string[] = []): string {
  const project = join(dir, name);
  mkdirSync(join(project, 'steps'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
  symlinkSync(join(root, 'features'), join(project, 'features'), 'dir');
  const loads = alsoLoad.map((module) => `require(${JSON.stringify(module)});\n`).join('');
  writeFileSync(join(project, 'steps', 'steps.js'), `${loads}const { defineStep } = require('@cucumber/cucumber');\ndefineStep(/.*/, function () {});\n`);
  const format = ['progress', `junit:${join(project, 'reports', 'bare.junit.xml')}`, `message:${join(project, 'reports', 'bare.ndjson')}`];
  writeFileSync(join(project, 'cucumber.js'), `module.exports = { default: ${JSON.stringify({ require: ['steps/*.js'], format })} };\n`);
  return project;
}

/**
 * cucumber-js started from -e, so the process notes its CPU time as it exits: its own (all threads)
 * plus its waited-for children's (parallel workers) from /proc/self/stat, where there is one.
 */
function starter(cpuFile: string, bin: string): string {
  return `process.on('exit', () => {
    const u = process.cpuUsage();
    let children = 0;
    try { const f = require('fs').readFileSync('/proc/self/stat', 'utf8').slice(require('fs').readFileSync('/proc/self/stat', 'utf8').lastIndexOf(')') + 2).split(' '); children = (Number(f[13]) + Number(f[14])) * 10; } catch {}
    require('fs').writeFileSync(${JSON.stringify(cpuFile)}, String((u.user + u.system) / 1000 + children));
  }); require(${JSON.stringify(bin)});`;
}

main(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'eventspec-startup-bench-'));
  try {
    const cpuFile = join(dir, 'cpu.txt');
    const cpu: Record<string, number[]> = {};
    /** One cucumber-js run in `cwd`: its wall clock, its CPU time noted aside; fails on a non-zero exit. */
    const cucumber = (name: string, cwd: string, args: string[] = []) => async () => {
      const { ms } = await runProcess(process.execPath, ['-e', starter(cpuFile, cucumberBin(cwd)), 'cucumber-js', ...args], { cwd });
      (cpu[name] ??= []).push(Number(readFileSync(cpuFile, 'utf8')));
      return ms;
    };
    const contenders: Record<string, () => Promise<number>> = {
      bare: cucumber('bare', bareProject(dir)),
      dryRun: cucumber('dryRun', root, ['--dry-run']),
      bareExamples: cucumber('bareExamples', bareOnExamples(dir), ['--dry-run']),
      // The kit cannot start without these two: every contract is a zod schema, and `fc` is part of the public API.
      bareExamplesDeps: cucumber('bareExamplesDeps', bareOnExamples(dir, 'bare-examples-deps', ['zod', 'fast-check']), ['--dry-run']),
      examples: cucumber('examples', root),
    };
    if (!flag('--no-init')) {
      // Packing rebuilds dist/ (prepack): about a minute, paid once.
      const tarball = pack(dir);
      const made = init(dir, ['shop', '--aggregate', 'Order', '--eventspec', tarball]);
      if (made.code !== 0) throw new Error(made.output);
      const installed = installOffline(join(dir, 'shop'));
      if (installed.code !== 0) throw new Error(installed.output);
      contenders.init = cucumber('init', join(dir, 'shop'));
    }
    for (const run of Object.values(contenders)) await run(); // warm the disk and the compile caches
    for (const name of Object.keys(cpu)) cpu[name] = [];
    const wall = await interleaved(RUNS, contenders);
    const bare = { name: 'bare cucumber-js', stats: stats(cpu.bare!) };
    const bareWall = { name: 'bare cucumber-js', stats: stats(wall.bare!) };
    const rows: Row[] = [];
    const pair = (figure: string, name: string, budgeted: boolean) => {
      const own = stats(cpu[name]!);
      rows.push(
        { figure: `start-up: ${figure}, CPU time`, unit: 'ms', stats: own, baseline: bare, ...(budgeted ? { budget: '≤ 1.5× bare', met: own.median / bare.stats.median <= 1.5 } : {}) },
        { figure: `start-up: ${figure}, wall clock`, unit: 'ms', stats: stats(wall[name]!), baseline: bareWall },
      );
    };
    pair('examples, cucumber-js --dry-run', 'dryRun', true);
    // No budget: cucumber's own share of the examples' dry run (their 92 scenarios, no kit).
    pair("bare cucumber-js --dry-run on the examples' features, one catch-all step", 'bareExamples', false);
    pair("the same, with zod and fast-check loaded (the floor the chosen dependencies set)", 'bareExamplesDeps', false);
    pair('examples, cucumber-js (92 scenarios)', 'examples', false);
    if (contenders.init) pair('eventspec init project from the tarball, cucumber-js (3 scenarios)', 'init', true);
    if (!flag('--no-parallel')) rows.push(...(await parallel(dir, cpuFile)));
    report(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * 2,000 generated scenarios through the kit, serial and with two workers (each worker starts the
 * kit again); beside them bare cucumber-js on the same feature files with trivial steps, serial
 * and with two workers: what cucumber's parallel runtime itself costs or saves on this machine.
 */
async function parallel(dir: string, cpuFile: string): Promise<Row[]> {
  const scenarios = option('scenarios', 2000);
  const work = join(dir, 'parallel');
  mkdirSync(join(work, 'bare'), { recursive: true });
  writeFeatures(work, scenarios);
  const summary = join(work, 'summary.txt');
  const features = [join(work, 'features')];
  const kit = { paths: features, requireModule: [join(root, 'scripts', 'swc-register.js')], require: [join(root, 'step-definitions', 'eventspec.steps.ts')], format: [`summary:${summary}`] };
  writeFileSync(join(work, 'kit.cjs'), `module.exports = { default: ${JSON.stringify(kit)} };\n`);
  // Steps that end in a colon take a table: cucumber checks a step function's arity.
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
  writeFileSync(join(work, 'bare', 'steps.js'), "const { defineStep } = require('@cucumber/cucumber');\ndefineStep(/:$/, function (table) {});\ndefineStep(/[^:]$/, function () {});\n");
  const bare = { paths: features, require: [join(work, 'bare', 'steps.js')], format: [`summary:${summary}`] };
  writeFileSync(join(work, 'bare.cjs'), `module.exports = { default: ${JSON.stringify(bare)} };\n`);
  type Side = 'serial' | 'parallel' | 'bareSerial' | 'bareParallel';
  const cpu: Record<Side, number[]> = { serial: [], parallel: [], bareSerial: [], bareParallel: [] };
  const run = (side: Side) => async () => {
    const config = side.startsWith('bare') ? 'bare.cjs' : 'kit.cjs';
    // cucumber reads --config relative to the folder it runs in.
    const args = ['cucumber-js', '--config', relative(root, join(work, config)), ...(side === 'parallel' || side === 'bareParallel' ? ['--parallel', '2'] : [])];
    const { ms } = await runProcess(process.execPath, ['-e', starter(cpuFile, cucumberBin(root)), ...args], { cwd: root });
    cpu[side].push(Number(readFileSync(cpuFile, 'utf8')));
    if (!new RegExp(`^${scenarios} scenarios \\(${scenarios} passed\\)`, 'm').test(readFileSync(summary, 'utf8'))) throw new Error(`${side}: not every scenario passed`);
    return ms;
  };
  const runs = Math.max(3, Math.min(RUNS, 5));
  const wall = await interleaved(runs, { serial: run('serial'), parallel: run('parallel'), bareSerial: run('bareSerial'), bareParallel: run('bareParallel') });
  const serial: Stats = stats(wall.serial);
  const both: Stats = stats(wall.parallel);
  return [
    { figure: `--parallel 2 on ${scenarios} scenarios, wall clock`, unit: 'ms', stats: both, baseline: { name: 'serial', stats: serial }, budget: 'faster than serial', met: both.median < serial.median },
    { figure: `--parallel 2 on ${scenarios} scenarios, CPU time (workers included)`, unit: 'ms', stats: stats(cpu.parallel), baseline: { name: 'serial', stats: stats(cpu.serial) } },
    { figure: `bare cucumber-js --parallel 2, same scenarios, trivial steps, wall clock`, unit: 'ms', stats: stats(wall.bareParallel), baseline: { name: 'bare serial', stats: stats(wall.bareSerial) } },
    { figure: `bare cucumber-js --parallel 2, same scenarios, trivial steps, CPU time`, unit: 'ms', stats: stats(cpu.bareParallel), baseline: { name: 'bare serial', stats: stats(cpu.bareSerial) } },
  ];
}
