// Profiles: `default` runs every example feature on the in-memory store; `mongo` runs the same
// features on MongoDB (see docs/mongo-store.md); `http` sends every command and read through the
// HTTP service (see docs/service.md). Each writes JUnit and a Cucumber message stream.
const reports = (name) => ['progress', `junit:reports/${name}.junit.xml`, `message:reports/${name}.ndjson`];

const common = {
  requireModule: [require.resolve('./scripts/swc-register.js')],
  require: ['step-definitions/**/*.ts'],
  formatOptions: { snippetInterface: 'async-await', snippetSyntax: './src/gherkin/snippetSyntax.cjs' },
};

module.exports = {
  default: { ...common, format: reports('cucumber'), worldParameters: { store: 'memory' } },
  mongo: { ...common, format: reports('cucumber-mongo'), worldParameters: { store: 'mongo' }, tags: 'not @memory-only' },
  http: { ...common, require: [...common.require, 'support/http.ts'], format: reports('cucumber-http'), worldParameters: { store: 'memory', transport: 'http' } },
};
