#!/usr/bin/env node
// npm run test:mutation [-- --mutate <src file> [--mutate …]]
// Mutation testing with StrykerJS 9 (its `command` runner: node:test has no Stryker runner). Each
// source file is mutated in a run of its own, against only the test files scripts/mutation-map.js
// names for it, one mutant at a time; then a score table. Exits 1 when a file scores under 90%.
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const map = require('./mutation-map');

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

function score(results) {
  const counted = results.filter((r) => !['CompileError', 'RuntimeError', 'Ignored'].includes(r.status));
  const detected = counted.filter((r) => r.status === 'Killed' || r.status === 'Timeout').length;
  const survivors = counted.filter((r) => r.status === 'Survived' || r.status === 'NoCoverage');
  return { mutants: counted.length, detected, survivors, percent: counted.length === 0 ? 100 : (100 * detected) / counted.length };
}

async function main() {
  const files = wanted(process.argv.slice(2));
  const rows = [];
  for (const file of files) {
    console.log(`\n== ${file} (tests: ${map[file].join(', ')})`);
    rows.push({ file, ...score(await mutate(file)) });
  }
  console.log('\nsurvivors:');
  for (const row of rows) {
    for (const s of row.survivors) {
      const { line, column } = s.location.start;
      console.log(`  ${row.file}:${line}:${column + 1} ${s.mutatorName}${s.replacement === undefined ? '' : ` → ${JSON.stringify(s.replacement).slice(0, 80)}`}`);
    }
  }
  const table = ['| file | mutants | detected | survived | score |', '| --- | --- | --- | --- | --- |'];
  for (const r of rows) table.push(`| ${r.file} | ${r.mutants} | ${r.detected} | ${r.survivors.length} | ${r.percent.toFixed(1)}% |`);
  console.log(`\n${table.join('\n')}`);
  mkdirSync(join(root, 'reports', 'mutation'), { recursive: true });
  writeFileSync(join(root, 'reports', 'mutation', 'scores.md'), `${table.join('\n')}\n`);
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
