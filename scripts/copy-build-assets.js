#!/usr/bin/env node
// tsc compiles only TypeScript; what the installed package reads at run time besides that is
// copied here, into the same places under dist/ that the compiled code looks in.
const { cpSync, existsSync, mkdirSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');
const mermaid = dirname(require.resolve('mermaid/package.json', { paths: [root] }));

/** [source, destination under dist/]: the living documentation's page script modules, style and diagrams. */
const ASSETS = [
  [join(root, 'src', 'docs', 'site'), 'docs/site'],
  // Shipped as one file so a project installs no mermaid (84 MB) and the site draws offline.
  [join(mermaid, 'dist', 'mermaid.min.js'), 'docs/site/mermaid.min.js'],
  [join(mermaid, 'LICENSE'), 'docs/site/mermaid.LICENSE'],
  // `eventspec/register`, the TypeScript loader of a project's cucumber.js: plain JavaScript, not compiled.
  [join(root, 'src', 'register.js'), 'register.js'],
];

for (const [source, target] of ASSETS) {
  if (!existsSync(source)) {
    console.error(`build: ${source} is missing; run npm ci`);
    process.exit(1);
  }
  const destination = join(root, 'dist', target);
  mkdirSync(dirname(destination), { recursive: true });
  cpSync(source, destination, { recursive: true });
}
console.log(`build: copied ${ASSETS.length} assets into dist/`);
