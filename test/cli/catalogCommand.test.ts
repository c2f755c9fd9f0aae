import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fixtures, run, shopDomain } from './cliHarness';

const temp = mkdtempSync(join(tmpdir(), 'eventspec-catalog-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** A project folder with a package.json and the given files. */
function project(name: string, files: Record<string, string>, packageJson: object = { name }): string {
  const dir = join(temp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const reexport = `export { domain } from ${JSON.stringify(shopDomain.replace(/\.ts$/, ''))};\n`;

describe('eventspec catalog', () => {
  it('prints the catalog of the --domain module as JSON', async () => {
    const { code, stdout, stderr } = await run(['catalog', '--domain', shopDomain]);
    assert.equal(code, 0, stderr);
    const catalog = JSON.parse(stdout);
    assert.equal(catalog.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.deepEqual(Object.keys(catalog.$defs).sort(), ['Command', 'Event', 'OrderPlaced.v1', 'OrderPlaced.v2', 'OrderShipped.v1', 'PlaceOrder.v1', 'ShipOrder.v1']);
    assert.equal(catalog['x-eventspec'].domain, 'shop');
  });

  it('leaves out the x-eventspec index with --no-index', async () => {
    const { code, stdout } = await run(['catalog', '--domain', shopDomain, '--no-index']);
    assert.equal(code, 0);
    const catalog = JSON.parse(stdout);
    assert.equal('x-eventspec' in catalog, false);
    assert.ok(catalog.$defs['OrderPlaced.v1']);
  });

  it('writes the catalog to --out and says so', async () => {
    const out = join(temp, 'out', 'nested', 'catalog.schema.json');
    const { code, stdout } = await run(['catalog', '--domain', shopDomain, '--out', out]);
    assert.equal(code, 0);
    assert.match(stdout, /catalog of shop written to .*catalog\.schema\.json \(2 events, 2 commands\)/);
    assert.equal(JSON.parse(readFileSync(out, 'utf8'))['x-eventspec'].events.length, 2);
  });

  it('finds the domain through eventspec.config.ts in the project root, from a subfolder', async () => {
    const dir = project('with-config', { 'eventspec.config.ts': reexport, 'src/readme.txt': '' });
    const { code, stdout, stderr } = await run(['catalog'], join(dir, 'src'));
    assert.equal(code, 0, stderr);
    assert.equal(JSON.parse(stdout)['x-eventspec'].domain, 'shop');
  });

  it('finds the domain through the "eventspec.domain" field of package.json', async () => {
    const dir = project('with-field', { 'src/domain/index.ts': reexport }, { name: 'with-field', eventspec: { domain: './src/domain' } });
    const { code, stdout, stderr } = await run(['catalog'], dir);
    assert.equal(code, 0, stderr);
    assert.equal(JSON.parse(stdout)['x-eventspec'].domain, 'shop');
  });

  it('says how to name a domain when none is found (exit 2)', async () => {
    const dir = project('without-domain', {});
    const { code, stdout, stderr } = await run(['catalog'], dir);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /no domain found in .*without-domain: pass --domain <module>, create eventspec\.config\.ts/);
  });

  it('names the module when it exports no domain (exit 2)', async () => {
    const dir = project('wrong-export', { 'eventspec.config.ts': 'export const domian = 1;\n' });
    const { code, stderr } = await run(['catalog'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /eventspec\.config\.ts must export `domain` \(made with defineDomain\); it exports `domian`/);
  });

  it('names a --domain module that does not exist (exit 2)', async () => {
    const { code, stderr } = await run(['catalog', '--domain', join(fixtures, 'nowhere.ts')]);
    assert.equal(code, 2);
    assert.match(stderr, /--domain .*nowhere\.ts: cannot find the module/);
  });

  it('reports a domain module that throws as a failure (exit 1), naming it', async () => {
    const dir = project('throws', { 'eventspec.config.ts': 'throw new Error("boom in config");\n' });
    const { code, stderr } = await run(['catalog'], dir);
    assert.equal(code, 1);
    assert.match(stderr, /eventspec\.config\.ts: loading failed — boom in config/);
  });
});
