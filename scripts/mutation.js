#!/usr/bin/env node
// npm run test:mutation [-- --mutate <src file> [--mutate …]]
// Mutation testing with StrykerJS 9 (its `command` runner: node:test has no Stryker runner). Each
// source file is mutated in a run of its own, against only the test files scripts/mutation-map.js
// names for it, one mutant at a time; then a score table. Exits 1 when a file scores under 90%.
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const map = require('./mutation-map');
const equivalents = require('./mutation-equivalents');

const THRESHOLD = 90;
const root = join(__dirname, '..');

function wanted(argv) {
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--mutate' && argv[i + 1]) files.push(...argv[++i].split(','));
    else if (argv[i].startsWith('--mutate=')) files.push(...argv[i].slice('--mutate='.length).split(','));
    else fail(`unknown argument "${argv[i]}": use --mutate <src file>, e.g. --mutate src/commandHandling/stateCache.ts`);
  }
  const chosen = files.length === 0 ? Object.keys(map) : files.map((f) => relative(root, join(root, f)));
  for (const file of chosen) {
    if (!map[file]) fail(`${file} has no test files in scripts/mutation-map.js: add it there with the tests that exercise it`);
    for (const test of map[file]) if (!existsSync(join(root, test))) fail(`scripts/mutation-map.js names ${test} for ${file}, but there is no such file`);
  }
  return chosen;
}

function fail(message) {
  console.error(`test:mutation: ${message}`);
  process.exit(2);
}

async function mutate(file) {
  const { Stryker } = require('@stryker-mutator/core');
  const name = file.replace(/^src\//, '').replace(/\.ts$/, '').replace(/\//g, '-');
  const base = JSON.parse(readFileSync(join(root, 'stryker.config.json'), 'utf8'));
  delete base._comment;
  delete base.$schema;
  const stryker = new Stryker({
    ...base,
    mutate: [file],
    commandRunner: { command: `node scripts/mutation-chain.js ${map[file].join(' ')}` },
    concurrency: Number(process.env.STRYKER_CONCURRENCY ?? base.concurrency),
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
  });
  return stryker.runMutationTest();
}

/** The mutated source text of a mutant (Stryker's results count lines and columns from 1). */
function originalOf(source, location) {
  const lines = source.split('\n');
  const { start, end } = location;
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join('\n');
}

/** A survivor listed in mutation-equivalents.js (same mutator, source text and replacement): its reason. */
// An entry names the mutated text exactly, or its start (`prefix: true`, for blocks); `inLine` narrows
// it to the source line that holds the given text (for literals as common as `true`).
function equivalentReason(file, source, survivor) {
  const original = originalOf(source, survivor.location).replace(/\s+/g, ' ');
  const line = source.split('\n')[survivor.location.start.line - 1];
  const listed = (equivalents[file] ?? []).find(
    (e) =>
      e.mutator === survivor.mutatorName &&
      (e.prefix ? original.startsWith(e.original) : e.original === original) &&
      (e.replacement === undefined || e.replacement === survivor.replacement) &&
      (e.inLine === undefined || line.includes(e.inLine)),
  );
  return listed?.why;
}

function score(file, { results, source }) {
  const counted = results.filter((r) => !['CompileError', 'RuntimeError', 'Ignored'].includes(r.status));
  const detected = counted.filter((r) => r.status === 'Killed' || r.status === 'Timeout').length;
  const survivors = counted
    .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
    .map((r) => ({ ...r, original: originalOf(source, r.location), why: equivalentReason(file, source, r) }));
  const equivalent = survivors.filter((s) => s.why !== undefined).length;
  const percent = (n, of) => (of === 0 ? 100 : (100 * n) / of);
  return { mutants: counted.length, detected, survivors, equivalent, raw: percent(detected, counted.length), percent: percent(detected, counted.length - equivalent) };
}

const reportOf = (file) => join(root, 'reports', 'mutation', `${file.replace(/^src\//, '').replace(/\.ts$/, '').replace(/\//g, '-')}.json`);

/**
 * The results of the file's last run and the source they were taken from, from its JSON report: the
 * report's own copy of the source, so locations still match after the file has changed since.
 */
function lastReport(file) {
  const report = JSON.parse(readFileSync(reportOf(file), 'utf8'));
  const [entry] = Object.values(report.files);
  return { results: entry.mutants, source: entry.source };
}

/** The equivalents list as docs/testing.md shows it, so the document is printed from the one list. */
function equivalentsMarkdown() {
  const lines = [];
  for (const [file, entries] of Object.entries(equivalents)) {
    lines.push(`- ${file}:`);
    for (const e of entries) {
      const original = e.prefix ? `${e.original}…` : e.original;
      const code = (text) => `\`${text.replace(/\|/g, '\\|')}\``;
      lines.push(`  - ${e.mutator} ${code(original)}${e.replacement !== undefined ? ` → ${code(e.replacement)}` : ''}: ${e.why}`);
    }
  }
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  // --list-equivalents: print scripts/mutation-equivalents.js as docs/testing.md lists it.
  if (args.includes('--list-equivalents')) {
    console.log(equivalentsMarkdown());
    return;
  }
  // --from-reports: score and list again from the last runs' JSON reports, without mutating anything.
  const fromReports = args.includes('--from-reports');
  const files = wanted(args.filter((a) => a !== '--from-reports'));
  const rows = [];
  const missing = [];
  for (const file of files) {
    if (fromReports && !existsSync(reportOf(file))) {
      missing.push(file);
      continue;
    }
    console.log(`\n== ${file} (tests: ${map[file].join(', ')})`);
    if (!fromReports) await mutate(file);
    rows.push({ file, ...score(file, lastReport(file)) });
  }
  const listing = [];
  for (const row of rows) {
    for (const s of row.survivors) {
      const { line, column } = s.location.start;
      const what = `${row.file}:${line}:${column} ${s.mutatorName} \`${s.original.replace(/\s+/g, ' ').slice(0, 60)}\` → \`${String(s.replacement).replace(/\s+/g, ' ').slice(0, 60)}\``;
      listing.push(`- ${what}: ${s.why ?? '**not explained: a gap, write a test or list it in scripts/mutation-equivalents.js**'}`);
    }
  }
  console.log(`\nsurvivors:\n${listing.join('\n') || '(none)'}`);
  const table = ['| file | mutants | detected | survived | of them equivalent | score | score without the equivalent |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    table.push(`| ${r.file} | ${r.mutants} | ${r.detected} | ${r.survivors.length} | ${r.equivalent} | ${r.raw.toFixed(1)}% | ${r.percent.toFixed(1)}% |`);
  }
  // A mapped file without a report is shown as not run, so the table always lists every covered file.
  for (const file of missing) table.push(`| ${file} | not run: npm run test:mutation -- --mutate ${file} | | | | | |`);
  console.log(`\n${table.join('\n')}`);
  mkdirSync(join(root, 'reports', 'mutation'), { recursive: true });
  writeFileSync(join(root, 'reports', 'mutation', 'scores.md'), `${table.join('\n')}\n\n${listing.join('\n')}\n`);
  // A file passes at THRESHOLD% once its listed equivalents are set aside; an unexplained survivor is a gap.
  const low = rows.filter((r) => r.percent < THRESHOLD);
  if (low.length > 0) {
    console.log(`\nunder ${THRESHOLD}%: ${low.map((r) => r.file).join(', ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`test:mutation: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
