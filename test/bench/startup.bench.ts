/**
 * Start-up: `npx cucumber-js` on the example features with the project's own configuration
 * (default profile: in-memory store, progress + JUnit + message stream), as a dry run and as a
 * full run, against a bare `node -e 0` in the same run. Alternating, each its own process.
 * No budget in DESIGN.md; the dry run shows what loading the kit costs before any scenario runs.
 *
 *   node -r ts-node/register test/bench/startup.bench.ts [--runs 5]
 */
import { join } from 'node:path';
import { interleaved, main, option, report, runProcess, stats } from './bench';

const RUNS = Math.max(5, option('runs', 5));
const root = join(__dirname, '..', '..');

main(async () => {
  const env = { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' };
  // Exactly what a developer types; the default profile rewrites reports/ (git-ignored) as it always does.
  const npx = (extra: string[]) => async () => (await runProcess('npx', ['--no-install', 'cucumber-js', ...extra], { cwd: root, env })).ms;
  await npx(['--dry-run'])(); // warm the disk cache
  const times = await interleaved(RUNS, {
    node: async () => (await runProcess(process.execPath, ['-e', '0'])).ms,
    dryRun: npx(['--dry-run']),
    full: npx([]),
  });
  const baseline = { name: 'node -e 0', stats: stats(times.node) };
  report([
    { figure: 'start-up: npx cucumber-js --dry-run (examples)', unit: 'ms', stats: stats(times.dryRun), baseline },
    { figure: 'start-up: npx cucumber-js, full run (examples)', unit: 'ms', stats: stats(times.full), baseline },
  ]);
});
