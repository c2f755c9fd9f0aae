import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DocsData } from './docsData';
import { DocsInputError } from './readMessageStream';

/**
 * Writes the static site: one HTML page with the data inlined (so it opens from file:// with no
 * server), the page script and style, and Mermaid for the diagrams (no network needed).
 */
export function writeSite(data: DocsData, out: string): { index: string; bytes: number } {
  mkdirSync(out, { recursive: true });
  const assets = assetsDir();
  const html = page(data);
  const index = join(out, 'index.html');
  writeFileSync(index, html);
  copyFileSync(join(assets, 'app.js'), join(out, 'app.js'));
  copyFileSync(join(assets, 'style.css'), join(out, 'style.css'));
  copyFileSync(mermaidFile(assets), join(out, 'mermaid.min.js'));
  return { index, bytes: Buffer.byteLength(html) };
}

/**
 * JSON that is safe inside a <script> element: `<` can never close it, and the two line
 * separators JavaScript once rejected are escaped too. JSON.parse reads the escapes back.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(data: DocsData): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="eventspec docs">
<title>${escapeHtml(data.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="style.css">
</head>
<body>
<noscript>This living documentation needs JavaScript to show its ${data.scenarios.length} scenarios.</noscript>
<div id="app"></div>
<script id="eventspec-data" type="application/json">${scriptSafeJson(data)}</script>
<script src="app.js"></script>
</body>
</html>
`;
}

/**
 * Beside this file: src/docs/assets in a checkout, dist/docs/assets in the package (copied there by
 * scripts/copy-build-assets.js, which also bundles Mermaid's one-file build).
 */
function assetsDir(): string {
  const dir = join(__dirname, 'assets');
  if (!existsSync(join(dir, 'app.js')) || !existsSync(join(dir, 'style.css'))) {
    throw new DocsInputError(`the documentation page assets are missing from ${dir}; reinstall eventspec (a build from source needs npm run build)`);
  }
  return dir;
}

function mermaidFile(assets: string): string {
  const bundled = join(assets, 'mermaid.min.js');
  if (existsSync(bundled)) return bundled;
  // A source checkout has no bundled copy: mermaid is its development dependency.
  let dir: string;
  try {
    dir = dirname(require.resolve('mermaid'));
  } catch {
    throw new DocsInputError(`mermaid.min.js is missing from ${assets}; reinstall eventspec (in a checkout of eventspec, run npm ci)`);
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
  return JSON.parse(match[1]!) as DocsData;
}
