/**
 * Kit overhead: the same generated scenarios (kitOverhead.features.ts) at 200, 2,000 and 20,000
 * scenarios, run by cucumber-js through
 *   - kit: the real step-definitions/eventspec.steps.ts (installSteps, in-memory stores),
 *   - raw: hand-written minimal steps on eventspec's handler and stores (kitOverhead.rawSteps.ts),
 *   - emmett: hand-written steps on none of eventspec's runtime, the same decide/evolve through
 *     Emmett's DeciderSpecification (kitOverhead.emmettSteps.ts).
 * Each side is its own cucumber-js process with the same formatter and the same TypeScript loader,
 * interleaved; the process notes its own CPU time as it exits. Budget (DESIGN.md, issue 16): kit ≤
 * 1.3× raw per scenario at 20,000 scenarios, in CPU time (wall clock swings with the neighbours).
 *
 *   node -r ./scripts/swc-register.js test/bench/kitOverhead.bench.ts [--sizes 200,2000,20000] [--runs 5]
 *   … --write-to DIR [--scenarios 2000]   only writes the features and the configs, to profile a side by hand
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Row } from './bench';
import { interleaved, main, option, report, runProcess, stats } from './bench';
import { writeFeatures } from './kitOverhead.features';

const root = join(__dirname, '..', '..');
const SIDES = ['kit', 'raw', 'emmett'] as const;
type Side = (typeof SIDES)[number];
const STEPS: Record<Side, string> = {
  kit: join(root, 'step-definitions', 'eventspec.steps.ts'),
  raw: join(__dirname, 'kitOverhead.rawSteps.ts'),
  emmett: join(__dirname, 'kitOverhead.emmettSteps.ts'),
};
const loader = join(root, 'scripts', 'swc-register.js');

function sizesOption(): number[] {
  const at = process.argv.indexOf('--sizes');
  const given = at >= 0 ? process.argv[at + 1]! : '200,2000,20000';
  return given.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
}

/** Features for `scenarios` in `dir`, and one cucumber config per side (the project's profile, with its reports, stays out). */
function prepare(dir: string, scenarios: number): void {
  writeFeatures(dir, scenarios);
  for (const side of SIDES) {
    const config = { paths: [join(dir, 'features')], requireModule: [loader], require: [STEPS[side]], format: [`summary:${join(dir, `${side}.txt`)}`] };
    writeFileSync(join(dir, `${side}.cjs`), `module.exports = { default: ${JSON.stringify(config)} };\n`);
  }
}

main(async () => {
  const keep = process.argv.indexOf('--write-to');
  if (keep >= 0) {
    const dir = process.argv[keep + 1]!;
    mkdirSync(dir, { recursive: true });
    prepare(dir, option('scenarios', 2000));
    const bin = relative(process.cwd(), join(root, 'node_modules/@cucumber/cucumber/bin/cucumber-js'));
    console.log(`features and configs written to ${dir}; run e.g. node --cpu-prof ${bin} --config ${relative(root, join(dir, 'kit.cjs'))} (from ${root})`);
    return;
  }
  // Each size reported as it ends: 20,000 scenarios take many minutes on a busy machine.
  for (const scenarios of sizesOption()) report(await measure(scenarios));
});

async function measure(scenarios: number): Promise<Row[]> {
  // 20,000 scenarios take a minute a run on a busy machine: fewer runs there, still interleaved.
  const runs = option('runs', scenarios >= 20000 ? 3 : 5);
  const dir = mkdtempSync(join(tmpdir(), 'eventspec-kit-bench-'));
  try {
    prepare(dir, scenarios);
    const cucumber = join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber-js');
    // cucumber-js started from -e, so the process can note its own CPU time (all threads) as it exits.
    const cpuFile = join(dir, 'cpu.txt');
    const starter = `process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(${JSON.stringify(cpuFile)}, String((u.user + u.system) / 1000)); }); require(${JSON.stringify(cucumber)});`;
    const cpu: Record<Side, number[]> = { kit: [], raw: [], emmett: [] };
    const steps: Record<Side, number[]> = { kit: [], raw: [], emmett: [] };
    const run = (side: Side) => async () => {
      const { ms } = await runProcess(process.execPath, ['-e', starter, 'cucumber-js', '--config', relative(root, join(dir, `${side}.cjs`))], { cwd: root });
      cpu[side].push(Number(readFileSync(cpuFile, 'utf8')));
      const summary = readFileSync(join(dir, `${side}.txt`), 'utf8');
      if (!new RegExp(`^${scenarios} scenarios? \\(${scenarios} passed\\)`, 'm').test(summary)) throw new Error(`${side}: not every scenario passed:\n${summary}`);
      // cucumber's own clock for the steps, hooks included: the same figure without process start-up.
      const clock = /executing steps: (\d+)m(\d+(?:\.\d+)?)s/.exec(summary);
      if (!clock) throw new Error(`${side}: no step time in the summary:\n${summary}`);
      steps[side].push((Number(clock[1]) * 60 + Number(clock[2])) * 1000);
      return ms;
    };
    for (const side of SIDES) await run(side)(); // warm the file system and the compile cache
    for (const side of SIDES) cpu[side].length = steps[side].length = 0;
    const wall = await interleaved(runs, { kit: run('kit'), raw: run('raw'), emmett: run('emmett') });
    const perScenario = (values: readonly number[]) => stats(values.map((v) => v / scenarios));
    const three = (figure: string, values: Record<Side, number[]>, budget?: boolean): Row[] => {
      const kit = perScenario(values.kit);
      const raw = perScenario(values.raw);
      return [
        {
          figure: `kit overhead: ${scenarios} scenarios, ${figure} per scenario`,
          unit: 'ms',
          stats: kit,
          baseline: { name: 'raw steps', stats: raw },
          ...(budget ? { budget: '≤ 1.3× raw at 20,000', met: kit.median / raw.median <= 1.3 } : {}),
        },
        { figure: `  same, against Emmett's DeciderSpecification`, unit: 'ms', stats: kit, baseline: { name: 'Emmett steps', stats: perScenario(values.emmett) } },
      ];
    };
    return [
      ...three('CPU time', cpu, scenarios >= 20000),
      ...three('wall clock', wall),
      ...three("executing steps (cucumber's clock)", steps),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
