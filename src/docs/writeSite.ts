import { withoutAccents } from '../core/withoutAccents';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { DocsData, ScenarioDoc } from './docsData';
import { DocsInputError } from './readMessageStream';
import { packSiteData, unpackSiteData } from './sitePacking';

/**
 * Writes the static site: one HTML page with the data inlined (so it opens from file:// with no
 * server), the page script and style, and Mermaid for the diagrams (no network needed).
 */
export async function writeSite(data: DocsData, out: string): Promise<{ index: string; bytes: number }> {
  mkdirSync(out, { recursive: true });
  const dir = siteDir();
  const { inline, details, search } = splitPageData(data);
  const html = page(inline);
  const index = join(out, 'index.html');
  writeFileSync(index, html);
  // Files of an earlier, bigger build would be read by nobody; remove them so the folder says what the page uses.
  for (const dir of ['details', 'search']) {
    rmSync(join(out, dir), { recursive: true, force: true });
    mkdirSync(join(out, dir));
  }
  rmSync(join(out, 'search.js'), { force: true });
  // Compressed off the main thread while it serialises the next file.
  await Promise.all([
    ...details.map((chunk, n) => writeDataFile(join(out, 'details', `${n}.js`), 'details', n, JSON.stringify(chunk))),
    ...search.map((chunk, n) => writeDataFile(join(out, 'search', `${n}.js`), 'searchText', n, chunk.join(SEARCH_SEPARATOR))),
  ]);
  writeFileSync(join(out, 'app.js'), pageScript(dir));
  copyFileSync(join(dir, 'style.css'), join(out, 'style.css'));
  copyFileSync(mermaidFile(dir), join(out, 'mermaid.min.js'));
  return { index, bytes: Buffer.byteLength(html) };
}

const gzipped = promisify(gzip);

/**
 * A data file the page reads with a script tag (it may be opened from file://, where it cannot fetch):
 * `window.eventspecSite.<call>(n, "<text, gzip, base64>")`. At 20,000 scenarios the search text is
 * 11 MB and the details 31 MB as script literals; a browser spent half a second reading the search
 * text a first search waits for. Compressed, a tenth of that is read, and the page inflates it natively.
 */
async function writeDataFile(file: string, call: string, n: number, text: string): Promise<void> {
  const packed = await gzipped(Buffer.from(text), { level: 1 });
  await writeFile(file, `window.eventspecSite.${call}(${n}, "${packed.toString('base64')}");\n`);
}

/** The text of a data file written by writeDataFile. */
function readDataFile(file: string): string {
  const text = readFileSync(file, 'utf8');
  const packed = /^window\.eventspecSite\.\w+\(\d+, "([A-Za-z0-9+/=]*)"\);/.exec(text);
  if (!packed) throw new DocsInputError(`${file} is not a data file of this version of eventspec's documentation: build the documentation again`);
  try {
    return gunzipSync(Buffer.from(packed[1]!, 'base64')).toString('utf8');
  } catch (error) {
    throw new DocsInputError(`${file} is damaged (${(error as Error).message}): copy the whole site folder again, or build the documentation again`);
  }
}

/** Scenarios per details file: a scenario page reads one file, a feature page one or two. */
export const DETAILS_SIZE = 500;

/**
 * Scenarios per search-text file. The page reads them in the background once it shows its first
 * view; one 11 MB file (20,000 scenarios) held the page still for a second while it was parsed.
 */
export const SEARCH_SIZE = 2000;

/** Between two scenarios' texts in a search file; taken out of the texts themselves. */
export const SEARCH_SEPARATOR = '\u0001';

type Details = Pick<ScenarioDoc, 'steps' | 'events' | 'attachments'> & Partial<Pick<ScenarioDoc, 'sent' | 'description' | 'earlierErrors'>>;

/**
 * What the page inlines (every scenario's summary: enough for lists, filters and counts; packed,
 * see sitePacking), each scenario's details in files of DETAILS_SIZE, and the search text of what
 * the summary does not hold (description, steps, tables, doc strings, events), lower-cased once
 * here rather than in the reader's browser, so a search only looks. The page searches names, tags,
 * error, file and status in the summary it already has (state.js `matching`): a first search waits
 * for a quarter less text. A line said twice in a scenario is kept once, and empty ones not at
 * all (a search term has no whitespace, so it never spans two lines).
 */
function splitPageData(data: DocsData): { inline: object; details: Details[][]; search: string[][] } {
  const details: Details[][] = [];
  const search: string[][] = [];
  const summaries = data.scenarios.map((s, i) => {
    const { steps, events, attachments, sent, description, earlierErrors, ...summary } = s;
    if (i % DETAILS_SIZE === 0) details.push([]);
    details[details.length - 1]!.push({ steps, events, attachments, ...(sent ? { sent } : {}), description, ...(earlierErrors ? { earlierErrors } : {}) });
    const words = [description];
    for (const st of steps) {
      words.push(`${st.keyword} ${st.text}`);
      if (st.table) for (const row of st.table) words.push(row.join(' '));
      if (st.docString) words.push(st.docString.content);
    }
    for (const e of events) words.push(e.type, e.streamId);
    if (i % SEARCH_SIZE === 0) search.push([]);
    const lines = new Set(searchable(words.join('\n')).replaceAll(SEARCH_SEPARATOR, ' ').split('\n'));
    lines.delete('');
    search[search.length - 1]!.push([...lines].join('\n'));
    return summary;
  });
  return { inline: packSiteData({ ...data, scenarios: summaries, details: { size: DETAILS_SIZE, files: details.length }, search: { size: SEARCH_SIZE, files: search.length } }), details, search };
}

/**
 * The page script's modules, in load order: building blocks, data and filters, then one per view,
 * and the router last. They are classic scripts (a page opened from file:// cannot load ES
 * modules), each adding to one namespace; the site gets them joined into app.js.
 */
export const SITE_SCRIPTS = [
  'core.js',
  'ansi.js',
  'state.js',
  'header.js',
  'views/scenarios.js',
  'views/features.js',
  'views/scenario.js',
  'views/catalog.js',
  'views/aggregates.js',
  'views/readModels.js',
  'views/processes.js',
  'views/glossary.js',
  'views/history.js',
  'main.js',
] as const;

function pageScript(dir: string): string {
  const modules = SITE_SCRIPTS.map((file) => `// ${file}\n${readFileSync(join(dir, file), 'utf8')}`);
  return [tagExpressionParser(), ...modules].join('\n');
}

/** Cucumber's own tag-expression parser (one self-contained CommonJS file), wrapped for the page. */
function tagExpressionParser(): string {
  let file: string;
  try {
    file = require.resolve('@cucumber/tag-expressions');
  } catch {
    throw new DocsInputError('the @cucumber/tag-expressions package is not installed; reinstall eventspec (it filters the site by tag expressions)');
  }
  return `// @cucumber/tag-expressions (MIT), for the tag filter
(function (site) {
  var module = { exports: {} };
  var exports = module.exports;
  ${readFileSync(file, 'utf8')}
  site.parseTagExpression = module.exports.default;
})(window.eventspecSite = window.eventspecSite || {});`;
}

/**
 * JSON that is safe inside a <script> element: `<` can never close it, and the two line
 * separators JavaScript once rejected are escaped too. JSON.parse reads the escapes back.
 */
export function scriptSafeJson(value: unknown): string {
  // One pass: the page data runs to tens of megabytes.
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(data: DocsData | object): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="eventspec docs">
<title>${escapeHtml((data as DocsData).title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="style.css">
</head>
<body>
<noscript>This living documentation needs JavaScript to show its ${(data as DocsData).scenarios.length} scenarios.</noscript>
<div id="app"></div>
<script id="eventspec-data" type="application/json">${scriptSafeJson(data)}</script>
<script src="app.js"></script>
</body>
</html>
`;
}

/**
 * Beside this file: src/docs/site in a checkout, dist/docs/site in the package (copied there by
 * scripts/copy-build-assets.js, which also bundles Mermaid's one-file build).
 */
function siteDir(): string {
  const dir = join(__dirname, 'site');
  const missing = ['style.css', ...SITE_SCRIPTS].filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) {
    throw new DocsInputError(`the documentation page's files are missing from ${dir} (${missing.join(', ')}); reinstall eventspec (a build from source needs npm run build)`);
  }
  return dir;
}

function mermaidFile(site: string): string {
  const bundled = join(site, 'mermaid.min.js');
  if (existsSync(bundled)) return bundled;
  // A source checkout has no bundled copy: mermaid is its development dependency.
  let dir: string;
  try {
    dir = dirname(require.resolve('mermaid'));
  } catch {
    throw new DocsInputError(`mermaid.min.js is missing from ${site}; reinstall eventspec (in a checkout of eventspec, run npm ci)`);
  }
  const file = join(dir, 'mermaid.min.js');
  if (!existsSync(file)) throw new DocsInputError(`mermaid.min.js is not in ${dir}; the installed mermaid version is not one eventspec supports (11.x)`);
  return file;
}

/** Reads the data back out of a built page (for tests and tools). */
export function readSiteData(index: string): DocsData {
  const html = readFileSync(index, 'utf8');
  const match = /<script id="eventspec-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new DocsInputError(`${index} is not an eventspec documentation page`);
  const inline = unpackSiteData(JSON.parse(match[1]!)) as unknown as DocsData & { details?: { size: number; files: number }; search?: unknown };
  const { details, search, ...data } = inline;
  if (!details) return data;
  for (let n = 0; n < details.files; n++) {
    const file = join(index, '..', 'details', `${n}.js`);
    if (!existsSync(file)) throw new DocsInputError(`${file} is missing beside ${index}: copy the whole site folder, or build the documentation again`);
    const list = JSON.parse(readDataFile(file)) as Details[];
    list.forEach((d, i) => Object.assign(data.scenarios[n * details.size + i]!, d));
  }
  return data;
}

/** Text as the page's search compares it: lower case, accents dropped (site.fold does the same to the query). */
function searchable(text: string): string {
  return withoutAccents(text).toLowerCase();
}
