/**
 * What every benchmark shares: timing, median/min/max, the machine line, and one table format.
 * A benchmark script prints its own rows with `report(rows)`; when run by `test/bench/run.ts`
 * (BENCH_OUT set) it also appends them, as JSON lines, to that file so the driver prints one table.
 */
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** How a figure is shown: time in ms, a rate per second, a size in bytes, or a share in percent. */
export type Unit = 'ms' | '/s' | 'B' | '%';

export interface Row {
  figure: string;
  unit: Unit;
  /** Absent when the figure could not be measured (see `note`). */
  stats?: Stats;
  /** The baseline measured in the same run; ratio = subject median / baseline median. */
  baseline?: { name: string; stats: Stats };
  /** The budget in words, e.g. "≤ 1.5× raw" or "≥ 100k/s". */
  budget?: string;
  met?: boolean;
  note?: string;
}

export function stats(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error('no measurements');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** No ratio against a baseline of 0 (autocannon's whole milliseconds can round a latency to 0). */
export const ratioOf = (row: Row): number | undefined => (row.stats && row.baseline && row.baseline.stats.median > 0 ? row.stats.median / row.baseline.stats.median : undefined);

export async function timeMs(body: () => unknown): Promise<number> {
  const start = performance.now();
  await body();
  return performance.now() - start;
}

/**
 * Runs each contender `runs` times, alternating who goes first, so a busy neighbour or a warm
 * cache favours neither. Each `measure` returns its own figure (ms, or a rate).
 */
export async function interleaved<K extends string>(runs: number, contenders: Record<K, () => Promise<number>>): Promise<Record<K, number[]>> {
  const names = Object.keys(contenders) as K[];
  const results = Object.fromEntries(names.map((n) => [n, [] as number[]])) as unknown as Record<K, number[]>;
  for (let run = 0; run < runs; run++) {
    const order = run % 2 ? [...names].reverse() : names;
    for (const name of order) results[name].push(await contenders[name]());
  }
  return results;
}

/** Runs a command to completion; resolves with its wall-clock time and output, rejects on a non-zero exit. */
export function runProcess(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ ms: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code === 0) resolve({ ms, stdout, stderr });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
    });
  });
}

export function machine(): string {
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2));
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown cpu'}), node ${process.version}, load average ${one} / ${five} / ${fifteen} (1/5/15 min)`;
}

export function format(value: number, unit: Unit): string {
  if (unit === 'ms') return value === 0 ? '0 ms' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(2)} ms` : `${(value * 1000).toFixed(value >= 0.1 ? 0 : 1)} µs`;
  if (unit === '%') return `${value.toFixed(1)}%`;
  if (unit === '/s') return value >= 1e6 ? `${(value / 1e6).toFixed(2)}M/s` : value >= 1e3 ? `${(value / 1e3).toFixed(1)}k/s` : `${value.toFixed(0)}/s`;
  return value >= 1e6 ? `${(value / 1e6).toFixed(1)} MB` : `${value.toFixed(0)} B`;
}

/** One table: figure, median, min, max, runs, baseline, ratio, budget, met. Notes follow below it. */
export function table(rows: readonly Row[]): string {
  const header = ['figure', 'median', 'min', 'max', 'n', 'baseline (median)', 'ratio', 'budget', 'met'];
  const lines = rows.map((row) => {
    const s = row.stats;
    const ratio = ratioOf(row);
    return [
      row.figure,
      s ? format(s.median, row.unit) : '—',
      s ? format(s.min, row.unit) : '—',
      s ? format(s.max, row.unit) : '—',
      s ? String(s.runs) : '—',
      row.baseline ? `${row.baseline.name} ${format(row.baseline.stats.median, row.unit)}` : '',
      ratio === undefined ? '' : `${ratio.toFixed(2)}×`,
      row.budget ?? '',
      row.met === undefined ? (row.budget ? 'n/a' : '') : row.met ? 'yes' : 'NO',
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const numeric = new Set([1, 2, 3, 4, 6]);
  const render = (cells: string[]) => cells.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ').trimEnd();
  const out = [render(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(render)];
  const notes = rows.filter((r) => r.note).map((r) => `* ${r.figure}: ${r.note}`);
  return [...out, ...(notes.length ? ['', ...notes] : [])].join('\n');
}

/** Prints the rows as a table and, under the driver, hands them to it. */
export function report(rows: readonly Row[]): void {
  console.log(table(rows));
  const out = process.env.BENCH_OUT;
  if (out) appendFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

/** Runs a benchmark's main, reporting a failure as an exit code rather than an unhandled rejection. */
export function main(body: () => Promise<void>): void {
  body().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

export const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
