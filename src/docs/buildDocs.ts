import { resolve } from 'node:path';
import type { Domain } from '../domain/defineDomain';
import type { StepPhrase } from '../gherkin/stepPhrase';
import { bidiSafe } from './bidiSafe';
import type { DocsData, ScenarioStatus } from './docsData';
import { domainCatalog } from './domainCatalog';
import { documentFeatures } from './featureDocument';
import { readModelCatalog } from './readModelCatalog';
import { processCatalog } from './processCatalog';
import { historyDoc, recordAndReadHistory } from './runHistory';
import { readFeatureFiles } from './readFeatureFiles';
import { DocsInputError } from './readMessageStream';
import { readRunResults } from './readRunResults';
import { runResults } from './runResults';
import { stepGlossary } from './stepGlossary';
import { uncovered } from './uncovered';
import { writeSite } from './writeSite';

export interface BuildDocsOptions {
  /** Feature files: paths, directories or globs, relative to `cwd`. */
  features?: string | readonly string[];
  /**
   * The last run's Cucumber message stream (NDJSON); several (one per CI shard, or a run and its
   * re-run) are merged. Each is a file, a folder of `.ndjson` files or a glob.
   */
  messages?: string | readonly string[];
  domain?: Domain;
  /** The step vocabulary, for descriptions and examples in the glossary. */
  vocabulary?: readonly StepPhrase[];
  /** Where the site goes; default `site`. */
  out?: string;
  title?: string;
  cwd?: string;
  /** Build a site without results when the message stream does not exist (it says so on the page). */
  allowMissingResults?: boolean;
  /** A folder that keeps a record of each run, so the site shows the last runs of every scenario. */
  history?: string;
  /** Told each stage of the work as it starts, so a long build is seen to progress. */
  progress?: (stage: string) => void;
}

export interface BuiltDocs {
  readonly out: string;
  readonly index: string;
  readonly bytes: number;
  readonly data: DocsData;
  /** Scenarios per status, for a one-line summary. */
  readonly counts: Partial<Record<ScenarioStatus, number>>;
}

/** Builds the living documentation site from feature files, the last run and the domain registry. */
export async function buildDocs(options: BuildDocsOptions = {}): Promise<BuiltDocs> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const out = resolve(cwd, options.out ?? 'site');
  const data = await docsData(options, cwd);
  options.progress?.(`writing the site to ${out}`);
  const { index, bytes } = await writeSite(data, out);
  const counts: Partial<Record<ScenarioStatus, number>> = {};
  for (const s of data.scenarios) counts[s.status] = (counts[s.status] ?? 0) + 1;
  return { out, index, bytes, data, counts };
}

/** The page's data without writing anything. */
export async function docsData(options: BuildDocsOptions, cwd = resolve(options.cwd ?? process.cwd())): Promise<DocsData> {
  if (options.features === undefined && options.messages === undefined && options.domain === undefined) {
    throw new DocsInputError('nothing to document: give feature files, a Cucumber message stream or a domain');
  }
  const progress = options.progress ?? (() => {});
  const patterns = options.features;
  // Read after the streams, and only the files they do not carry: what ran is what is documented.
  const features = (carried: ReadonlySet<string>) => {
    if (patterns === undefined) return [];
    progress(carried.size > 0 ? 'reading the feature files the run did not carry' : 'reading the feature files');
    return readFeatureFiles(patterns, cwd, (uri) => carried.has(uri));
  };
  const results =
    options.messages === undefined
      ? runResults(features(new Set()), [], 'no Cucumber message stream was given')
      : await readRunResults(options.messages, { cwd, features, ...(options.allowMissingResults ? { allowMissing: true } : {}), progress });
  progress(`documenting ${results.scenarios.length} scenarios: glossary, catalogs, flows`);
  const glossary = stepGlossary(results.stepDefinitions, options.vocabulary ?? [], options.domain, results.scenarios, results.parameterTypes);
  const catalog = domainCatalog(options.domain, results.scenarios, glossary.phrasingTypes);
  const partial = {
    run: results.run,
    features: documentFeatures(results.features, results.documents, results.astNodeIds),
    scenarios: results.scenarios,
    aggregates: catalog.aggregates,
    events: catalog.events,
    commands: catalog.commands,
    projections: readModelCatalog(options.domain, results.scenarios),
    processes: processCatalog(options.domain, results.scenarios),
    glossary: glossary.phrases,
  };
  // Every name the page shows comes from here, so bidi controls are neutralised once, for all of them.
  const data = bidiSafe({
    title: options.title ?? `${options.domain?.name ?? 'eventspec'} — living documentation`,
    generatedAt: new Date().toISOString(),
    ...partial,
    uncovered: uncovered(partial),
  });
  if (options.history === undefined) return data;
  progress(`recording this run in ${options.history}`);
  const records = recordAndReadHistory(resolve(cwd, options.history), data);
  return { ...data, history: historyDoc(records, data.scenarios.map((s) => s.key)) };
}
