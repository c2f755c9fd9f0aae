// Cucumber loads snippet syntaxes with import(), which cannot read TypeScript: this shim can.
if (!process[Symbol.for('ts-node.register.instance')]) require('ts-node').register({ transpileOnly: true });
module.exports = require('./snippetSyntax.ts').default;
