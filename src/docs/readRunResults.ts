import { existsSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { globSync, hasMagic } from 'glob';
import { DocsInputError, streamMessages } from './readMessageStream';
import { featuresSinceRun } from './featuresSinceRun';
import { runResults, type RunResults } from './runResults';
import { streamRunCollector, type StreamRun } from './streamRun';

export interface ReadRunResultsOptions {
  /** Paths are relative to this; default the current directory. */
  readonly cwd?: string;
  /**
   * The feature files' envelopes: files no stream ran still show, as not run. A function is given
   * the uris the streams carry once they are read, so those files need not be read again.
   */
  readonly features?: readonly Envelope[] | ((carried: ReadonlySet<string>) => readonly Envelope[]);
  /** No stream at all is not an error: every scenario shows as not run, and the site says why. */
  readonly allowMissing?: boolean;
  readonly progress?: (stage: string) => void;
}

/**
 * Reads one or more Cucumber message streams — a run, its CI shards, a re-run — and joins them
 * into one set of results (see runResults for how they merge). Each path is a file, a folder (its
 * `.ndjson` files) or a glob. Each stream is read as it streams, one envelope at a time.
 */
export async function readRunResults(paths: string | readonly string[], options: ReadRunResultsOptions = {}): Promise<RunResults> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const { files, missing } = messageFiles(typeof paths === 'string' ? [paths] : paths, cwd);
  const features = (carried: ReadonlySet<string>) => (typeof options.features === 'function' ? options.features(carried) : (options.features ?? []));
  if (files.length === 0 && options.allowMissing && missing.length > 0) {
    return runResults(features(new Set()), [], `${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist (run the features to produce ${missing.length === 1 ? 'it' : 'them'})`);
  }
  if (missing.length > 0 && files.length > 0) {
    throw new DocsInputError(
      `the Cucumber message stream ${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist, but ${files.map((f) => f.shownAs).join(', ')} ${files.length === 1 ? 'does' : 'do'}: ` +
        'the results of that shard would be missing from the documentation — run it again, or leave it out of --messages',
    );
  }
  if (files.length === 0) {
    throw new DocsInputError(
      `the Cucumber message stream ${missing.join(', ') || '(none given)'} ${missing.length > 1 ? 'do' : 'does'} not exist — run the features first (npm test or eventspec test writes it; so does cucumber-js with the "message:<file>" format), ` +
        'or build the documentation without results (eventspec docs without --require-results; buildDocs with allowMissingResults: true)',
    );
  }
  const runs: StreamRun[] = [];
  let messages = 0;
  for (const file of files) {
    options.progress?.(`reading the message stream ${file.shownAs}`);
    const collector = streamRunCollector(file.shownAs);
    const read = await streamMessages(file.path, file.shownAs, collector.add);
    runs.push(collector.done(read.truncatedAt));
    messages += read.count;
  }
  const carried = new Set(runs.flatMap((run) => [...run.documents.keys()]));
  const fileEnvelopes = features(carried);
  options.progress?.(`joining ${messages} messages${runs.length > 1 ? ` of ${runs.length} runs` : ''} to the features`);
  return runResults(fileEnvelopes, runs, undefined, featuresSinceRun(runs, cwd));
}

/** The stream files the paths name, each once, in the order given; and the paths that name nothing. */
export function messageFiles(paths: readonly string[], cwd: string): { files: { path: string; shownAs: string }[]; missing: string[] } {
  const files: { path: string; shownAs: string }[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (path: string, shownAs: string) => {
    const real = realpathSync(path);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path, shownAs });
  };
  const shown = (path: string) => relative(cwd, path).split(sep).join('/') || path;
  for (const given of paths) {
    const path = resolve(cwd, given);
    if (existsSync(path) && statSync(path).isDirectory()) {
      const found = globSync('**/*.ndjson', { cwd: path, absolute: true, nodir: true }).sort();
      if (found.length === 0) missing.push(`${given} (a folder with no .ndjson file)`);
      for (const f of found) add(f, shown(f));
    } else if (existsSync(path)) add(path, given);
    else if (hasMagic(given.split(sep).join('/'))) {
      const found = globSync(given.split(sep).join('/'), { cwd, absolute: true, nodir: true }).sort();
      if (found.length === 0) missing.push(`${given} (no file matches)`);
      for (const f of found) add(f, shown(f));
    } else missing.push(given);
  }
  return { files, missing };
}
