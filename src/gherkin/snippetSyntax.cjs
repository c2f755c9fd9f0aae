// In this checkout cucumber loads snippet syntaxes with import(), which cannot read TypeScript:
// this shim stands in for the package's `eventspec/snippets` (dist/gherkin/snippets.js).
if (!process[Symbol.for('ts-node.register.instance')]) require('ts-node').register({ transpileOnly: true });
module.exports = require('./snippets.ts');
