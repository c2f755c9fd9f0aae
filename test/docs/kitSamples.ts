import { cpSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildDocs } from '../../src/docs';

/**
 * The samples of @cucumber/compatibility-kit: streams from other Cucumber implementations, with
 * every status, hooks, retries, attachments, rules, outlines, Markdown features, run-level errors.
 * Kit 30.0.0's samples validate against the messages.schema.json of @cucumber/messages 32.3.1, the
 * version cucumber-js 12.9 writes.
 */
export const KIT = join(dirname(require.resolve('@cucumber/compatibility-kit/package.json')), 'features');
export const samples = readdirSync(KIT).filter((name) => readdirSync(join(KIT, name)).some((f) => f.endsWith('.ndjson')));

export function ndjsonOf(name: string): string {
  return join(KIT, name, readdirSync(join(KIT, name)).find((f) => f.endsWith('.ndjson'))!);
}

/**
 * Builds one sample's site. Its uris are `samples/<name>/...`, so the features are copied under
 * that name to line up with the stream, as they would in the project that ran them.
 */
export function buildSample(name: string, root: string) {
  cpSync(join(KIT, name), join(root, 'samples', name), { recursive: true });
  const ndjson = readdirSync(join(KIT, name)).find((f) => f.endsWith('.ndjson'))!;
  return buildDocs({ features: 'samples', messages: join('samples', name, ndjson), cwd: root, out: join(root, 'site') });
}
