import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createCommandHandler, inMemoryEventStore } from '../../src';
import type { AnyAggregate, Domain } from '../../src';
import { addAggregate, dependencySpec, initProject } from '../../src/cli';
import { shellWord } from '../../src/cli/commands/initCommand';
import { installedFromTarball } from '../../src/cli/packageInfo';
import { captureIO, repoRoot, run } from './cliHarness';

const temp = mkdtempSync(join(tmpdir(), 'eventspec-init-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** Makes `import ... from 'eventspec'` in a generated project load this checkout's sources. */
function linkEventspec(dir: string): void {
  const pkg = join(dir, 'node_modules', 'eventspec');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'eventspec', main: 'index.js', types: 'index.d.ts' }));
  writeFileSync(join(pkg, 'index.js'), `module.exports = require(${JSON.stringify(join(repoRoot, 'src', 'index.ts'))});\n`);
  writeFileSync(join(pkg, 'index.d.ts'), `export * from ${JSON.stringify(join(repoRoot, 'src', 'index'))};\n`);
}

function freshDomain(dir: string): Domain {
  for (const key of Object.keys(require.cache)) if (key.startsWith(join(dir, 'src'))) delete require.cache[key];
  return (require(join(dir, 'src', 'domain.ts')) as { domain: Domain }).domain;
}

/** What the generated feature claims, run through the real command handling path. */
async function checkStarterBehaviour(domain: Domain, name: string): Promise<void> {
  const aggregate: AnyAggregate = domain.aggregate(name);
  const example = (type: string) => aggregate.eventsByName.get(type)!.example;
  const given = async (id: string, types: string[]) => {
    const store = inMemoryEventStore();
    const events = types.map((type, i) => ({ id: `${id}-${i}`, type, schemaVersion: 1, data: example(type), metadata: { occurredAt: '2025-03-01T10:00:00Z' } }));
    if (events.length > 0) await store.append(`${name}-${id}`, events);
    return createCommandHandler({ domain, store });
  };
  const opened = await (await given('a', [])).handle({ aggregate: name, id: 'a', command: { type: `Open${name}`, data: { title: 'Write the first scenario' } } });
  assert.equal(opened.status, 'accepted');
  assert.deepEqual(opened.status === 'accepted' && opened.events.map((e) => [e.type, e.data]), [[`${name}Opened`, { title: 'Write the first scenario' }]]);

  const handler = await given('b', [`${name}Opened`]);
  const closed = await handler.handle({ aggregate: name, id: 'b', command: { type: `Close${name}` } });
  assert.deepEqual(closed.status === 'accepted' && closed.events.map((e) => e.type), [`${name}Closed`]);
  assert.deepEqual(((await handler.load(aggregate, 'b')).state as { status: string }).status, 'closed');

  const again = await (await given('c', [`${name}Opened`, `${name}Closed`])).handle({ aggregate: name, id: 'c', command: { type: `Close${name}` } });
  assert.deepEqual([again.status, again.status === 'rejected' && again.rejection], ['rejected', `${name}NotOpen`]);
}

describe('eventspec init', () => {
  const dir = join(temp, 'Shop Floor');
  before(() => {
    initProject(dir, { aggregate: 'Ticket' }, captureIO(temp).io);
    linkEventspec(dir);
  });

  it('writes a project: package.json, tsconfig, cucumber.js, config, domain, aggregate, feature, steps', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    assert.equal(pkg.name, 'shop-floor');
    assert.equal(pkg.scripts.test, 'tsc --noEmit && eventspec test');
    assert.match(pkg.dependencies.eventspec, /^\^\d+\.\d+\.\d+$/);
    assert.match(readFileSync(join(dir, 'step-definitions', 'steps.ts'), 'utf8'), /import \{ installSteps \} from 'eventspec';\nimport \{ domain \} from '\.\.\/src\/domain';\n\ninstallSteps\(domain\);/);
    const cucumber = require(join(dir, 'cucumber.js')) as Record<string, { paths: string[]; worldParameters: { store: string } }>;
    assert.deepEqual(Object.keys(cucumber), ['default', 'mongo']);
    assert.equal(cucumber.mongo!.worldParameters.store, 'mongo');
    assert.match(readFileSync(join(dir, 'features', 'ticket.feature'), 'utf8'), /Then the command is rejected with "TicketNotOpen"/);
  });

  it('generates an aggregate that behaves as its feature says', async () => {
    await checkStarterBehaviour(freshDomain(dir), 'Ticket');
  });

  it('generates code that type-checks under strict settings', () => {
    // The steps file needs the kit's installSteps, checked end to end below; here: the domain code.
    writeFileSync(
      join(dir, 'tsconfig.check.json'),
      JSON.stringify({ extends: './tsconfig.json', compilerOptions: { typeRoots: [join(repoRoot, 'node_modules', '@types')] }, include: ['src', 'eventspec.config.ts'] }),
    );
    const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.check.json')], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });

  it('lets the catalog find the domain through eventspec.config.ts', async () => {
    const { code, stdout, stderr } = await run(['catalog'], dir);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout)['x-eventspec'].aggregates.map((a: { name: string }) => a.name), ['Ticket']);
  });

  it('refuses a folder that is not empty, and a name that is not PascalCase (exit 2)', async () => {
    const busy = await run(['init', dir], temp);
    assert.equal(busy.code, 2);
    assert.match(busy.stderr, /is not empty/);
    const badName = await run(['init', join(temp, 'other'), '--aggregate', 'purchase order'], temp);
    assert.equal(badName.code, 2);
    assert.match(badName.stderr, /aggregate name "purchase order" must be PascalCase .* did you mean `PurchaseOrder`\?/);
    const accented = await run(['init', join(temp, 'other'), '--aggregate', 'Prêt'], temp);
    assert.match(accented.stderr, /did you mean `Pret`\?/);
  });

  it('prints the next step with a folder name the shell reads back as it is', async () => {
    const { code, stdout } = await run(['init', "My Shop's!"], temp);
    assert.equal(code, 0);
    assert.match(stdout, /next: cd 'My Shop'\\''s!' && npm install && npm test/);
    assert.equal(shellWord('shop-2/a_b.c'), 'shop-2/a_b.c');
  });

  it('refuses a file with a usage error, and takes a folder that only holds its git repository', async () => {
    const file = join(temp, 'a-file');
    writeFileSync(file, 'x');
    const onFile = await run(['init', file], temp);
    assert.equal(onFile.code, 2);
    assert.match(onFile.stderr, /a-file is a file; init writes a new project into a folder/);
    const repo = join(temp, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    initProject(repo, {}, captureIO(temp).io);
    assert.ok(existsSync(join(repo, 'package.json')));
    assert.ok(existsSync(join(repo, '.git')));
  });

  it('shows progress on stderr for a terminal only', () => {
    const terminal = captureIO(temp, { NO_COLOR: '1' }, true);
    initProject(join(temp, 'watched'), {}, terminal.io);
    assert.match(terminal.stderr(), /› writing package\.json\n.*› writing step-definitions\/steps\.ts/s);
    const piped = captureIO(temp);
    initProject(join(temp, 'piped'), {}, piped.io);
    assert.equal(piped.stderr(), '');
  });

  it('finds the packed tarball an installed eventspec came from, as npm\'s lockfile records it', () => {
    const npx = join(temp, 'npx-cache');
    const root = join(npx, 'node_modules', 'eventspec');
    mkdirSync(root, { recursive: true });
    const tgz = join(temp, 'eventspec-9.9.9.tgz');
    writeFileSync(tgz, '');
    const lock = (resolved: string) => writeFileSync(join(npx, 'node_modules', '.package-lock.json'), JSON.stringify({ packages: { 'node_modules/eventspec': { version: '9.9.9', resolved } } }));
    lock(`file:${relative(npx, tgz)}`);
    assert.equal(installedFromTarball(root), tgz);
    lock('https://registry.npmjs.org/eventspec/-/eventspec-9.9.9.tgz');
    assert.equal(installedFromTarball(root), undefined);
    lock('file:../nowhere/eventspec-9.9.9.tgz');
    assert.equal(installedFromTarball(root), undefined);
    assert.equal(installedFromTarball(repoRoot), undefined, 'a checkout');
  });

  it('makes a path to eventspec absolute, since npm reads it from the new project', () => {
    assert.equal(dependencySpec(undefined, '1.2.3', temp), '^1.2.3');
    assert.equal(dependencySpec('^2.0.0', '1.2.3', temp), '^2.0.0');
    assert.equal(dependencySpec('.', '1.2.3', repoRoot), `file:${repoRoot}`);
    assert.equal(dependencySpec(`file:${repoRoot}`, '1.2.3', temp), `file:${repoRoot}`);
    assert.throws(() => dependencySpec('./missing.tgz', '1.2.3', temp), /missing\.tgz does not exist/);
  });
});

describe('eventspec new aggregate', () => {
  const dir = join(temp, 'grows');
  before(() => {
    initProject(dir, {}, captureIO(temp).io);
    linkEventspec(dir);
  });

  it('adds the aggregate and its feature and registers it in src/domain.ts', async () => {
    const { code, stdout, stderr } = await run(['new', 'aggregate', 'PurchaseOrder'], join(dir, 'features'));
    assert.equal(code, 0, stderr);
    assert.match(stdout, /created src\/aggregates\/purchaseOrder\.ts, features\/purchase-order\.feature\nregistered PurchaseOrder in src\/domain\.ts\nwrote (\.\.\/)?step-definitions\/eventspec\.editor\.ts/);
    // The editor's steps know the new aggregate at once (no `eventspec steps` needed).
    assert.match(readFileSync(join(dir, 'step-definitions', 'eventspec.editor.ts'), 'utf8'), /PurchaseOrder/);
    const domain = freshDomain(dir);
    assert.deepEqual(domain.aggregates.map((a) => a.name), ['Ticket', 'PurchaseOrder']);
    await checkStarterBehaviour(domain, 'PurchaseOrder');
    assert.match(readFileSync(join(dir, 'features', 'purchase-order.feature'), 'utf8'), /When PurchaseOrder "po-1" is sent OpenPurchaseOrder:/);
  });

  it('refuses to overwrite, and suggests a PascalCase name (exit 2)', async () => {
    const again = await run(['new', 'aggregate', 'PurchaseOrder'], dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /src\/aggregates\/purchaseOrder\.ts already exists/);
    const lower = await run(['new', 'aggregate', 'invoice'], dir);
    assert.equal(lower.code, 2);
    assert.match(lower.stderr, /did you mean `Invoice`\?/);
  });

  it('prints the lines to add when the domain file has no markers', () => {
    const domainFile = join(dir, 'src', 'domain.ts');
    writeFileSync(domainFile, readFileSync(domainFile, 'utf8').replace(/^\s*\/\/ eventspec new aggregate:.*$/gm, ''));
    const result = addAggregate('Invoice', {}, captureIO(dir).io);
    assert.equal(result.registered, false);
    assert.deepEqual(result.instructions, ["import { Invoice } from './aggregates/invoice';", 'and add Invoice to the aggregates of defineDomain({ ... })']);
    assert.doesNotMatch(readFileSync(domainFile, 'utf8'), /Invoice/);
  });

  it('needs a project around it (exit 2)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'eventspec-no-project-'));
    try {
      const { code, stderr } = await run(['new', 'aggregate', 'Invoice'], outside);
      assert.equal(code, 2, stderr);
      assert.match(stderr, /no package\.json here or above/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
