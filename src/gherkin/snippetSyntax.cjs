// In this checkout cucumber loads snippet syntaxes with import(), which cannot read TypeScript:
// this shim stands in for the package's `eventspec/snippets` (dist/gherkin/snippets.js).
require('../register.js');
module.exports = require('./snippets.ts');
