/**
 * `npm run bench [-- name…]`: runs every benchmark in test/bench/ (or those whose name contains
 * one of the arguments), each in its own node process, and prints their figures as one table.
 * Not part of `npm test`: figures are for reading, never for passing or failing a build.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row } from './bench';
import { machine, runProcess, table } from './bench';

/** In the order the table shows them; `node` holds extra node flags. */
const BENCHMARKS: { name: string; file: string; node?: string[] }[] = [
  { name: 'kit overhead', file: 'kitOverhead.bench.ts' },
  { name: 'command handling', file: 'commands.bench.ts' },
  { name: 'aggregate loading', file: 'load.bench.ts' },
  { name: 'readAll and memory', file: 'readAll.bench.ts', node: ['--expose-gc'] },
  { name: 'memory through the handler', file: 'memory.bench.ts', node: ['--expose-gc'] },
  { name: 'start-up', file: 'startup.bench.ts' },
  { name: 'living documentation', file: 'docs.bench.ts' },
  { name: 'HTTP service', file: 'service.bench.ts' },
  { name: 'MongoDB chunks', file: 'mongoChunks.bench.ts' },
  { name: 'MongoDB contention', file: 'mongoContention.bench.ts' },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const chosen = BENCHMARKS.filter((b) => only.length === 0 || only.some((o) => b.name.includes(o) || b.file.includes(o)));
  if (chosen.length === 0) throw new Error(`no benchmark matches ${only.join(' ')}; there are: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  const startedOn = machine();
  console.log(`eventspec benchmarks on ${startedOn}`);
  console.log('(2 busy cores make figures swing: every figure is a median with its min and max, next to a baseline from the same run)\n');
  const dir = mkdtempSync(join(tmpdir(), 'eventspec-bench-'));
  const rows: Row[] = [];
  try {
    for (const bench of chosen) {
      const out = join(dir, `${bench.file}.jsonl`);
      process.stdout.write(`  ${bench.name.padEnd(22)}… `);
      const env = { ...process.env, BENCH_OUT: out, TS_NODE_TRANSPILE_ONLY: 'true' };
      try {
        const { ms } = await runProcess(process.execPath, [...(bench.node ?? []), '-r', 'ts-node/register', join(__dirname, bench.file)], { env, cwd: join(__dirname, '..', '..') });
        console.log(`${(ms / 1000).toFixed(0)} s`);
        rows.push(...readFileSync(out, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row));
      } catch (error) {
        console.log('FAILED');
        console.error((error as Error).message);
        rows.push({ figure: bench.name, unit: 'ms', note: `FAILED: ${(error as Error).message.split('\n')[0]}` });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${table(rows)}\n`);
  console.log(`started on: ${startedOn}`);
  console.log(`ended on:   ${machine()}`);
  const missed = rows.filter((r) => r.met === false);
  console.log(missed.length === 0 ? 'every measured budget is met' : `budgets missed: ${missed.map((r) => r.figure).join('; ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
