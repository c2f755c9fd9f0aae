import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateMessages } from '@cucumber/gherkin';
import { SourceMediaType, type GherkinDocument } from '@cucumber/messages';
import type { StreamRun } from './streamRun';

/**
 * Feature files the site shows as the runs carried them but that moved on since: edited after the
 * run started, or gone. The streams stay what the site shows (they are what ran); a reader is told.
 * A file touched since the run (a checkout, a pull) counts as edited only when its text differs
 * from the text the run read.
 * When none of the files the runs carried is on disk the site is built away from the sources (CI
 * artifacts, say), and nothing is said.
 */
export function featuresSinceRun(runs: readonly StreamRun[], cwd: string): string[] {
  const started = new Map<string, number>();
  for (const run of runs) {
    const at = run.query.findTestRunStarted()?.timestamp;
    const ms = at === undefined ? undefined : Number(at.seconds) * 1000 + at.nanos / 1e6;
    for (const uri of run.documents.keys()) {
      if (ms !== undefined && Number.isFinite(ms)) started.set(uri, Math.min(started.get(uri) ?? Infinity, ms));
      else if (!started.has(uri)) started.set(uri, Infinity);
    }
  }
  const documents = new Map<string, GherkinDocument>();
  const sources = new Map<string, string>();
  for (const run of runs) {
    for (const [uri, document] of run.documents) if (!documents.has(uri)) documents.set(uri, document);
    for (const [uri, text] of run.sources) if (!sources.has(uri)) sources.set(uri, text);
  }
  // The text the run read, where its stream has it; else what the document says (slower: a parse).
  const differs = (uri: string) => {
    const file = resolve(cwd, uri);
    const ran = sources.get(uri);
    if (ran !== undefined) return readFileSync(file, 'utf8') !== ran;
    return textOf(documents.get(uri)) !== textOf(parsed(file, uri));
  };
  const changed: string[] = [];
  const gone: string[] = [];
  for (const [uri, runStart] of [...started].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let modified: number;
    try {
      modified = statSync(resolve(cwd, uri)).mtimeMs;
    } catch {
      gone.push(uri);
      continue;
    }
    if (modified > runStart && differs(uri)) changed.push(uri);
  }
  if (gone.length === started.size) return [];
  const list = (uris: string[]) => (uris.length > 3 ? `${uris.slice(0, 3).join(', ')} and ${uris.length - 3} more` : uris.join(', '));
  const notes: string[] = [];
  if (changed.length > 0) {
    notes.push(`${list(changed)} ${changed.length === 1 ? 'was' : 'were'} edited after the last run started; the site shows ${changed.length === 1 ? 'it' : 'them'} as ${changed.length === 1 ? 'it' : 'they'} ran — run the features again to document the new text`);
  }
  if (gone.length > 0) {
    notes.push(`${list(gone)} ${gone.length === 1 ? 'is' : 'are'} no longer on disk; the site shows ${gone.length === 1 ? 'it' : 'them'} as the last run ran ${gone.length === 1 ? 'it' : 'them'} — run the features again to drop ${gone.length === 1 ? 'it' : 'them'}`);
  }
  return notes;
}

/** The feature file as it is now, or undefined when it is no longer valid Gherkin (which is a change too). */
function parsed(file: string, uri: string): GherkinDocument | undefined {
  try {
    const mediaType = uri.endsWith('.md') ? SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_MARKDOWN : SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN;
    let n = 0;
    const envelopes = generateMessages(readFileSync(file, 'utf8'), uri, mediaType, { includeSource: false, includeGherkinDocument: true, includePickles: false, newId: () => String(++n) });
    return envelopes.find((e) => e.gherkinDocument)?.gherkinDocument;
  } catch {
    return undefined;
  }
}

/** What a reader sees of a document: every text in it, in order; not its ids or line numbers. */
function textOf(document: GherkinDocument | undefined): string | undefined {
  if (document === undefined) return undefined;
  const texts: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (key !== 'id' && key !== 'uri') texts.push(value);
    } else if (Array.isArray(value)) {
      if (key !== 'astNodeIds') for (const item of value) walk(item, key);
    } else if (value !== null && typeof value === 'object') {
      for (const k of Object.keys(value).sort()) walk((value as Record<string, unknown>)[k], k);
    }
  };
  walk(document.feature ?? null, 'feature');
  return JSON.stringify(texts);
}
