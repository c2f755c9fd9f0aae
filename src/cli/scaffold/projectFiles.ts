import { EDITOR_STEPS_FILE, editorStepsSource } from '../../gherkin/editorStepsFile';
import { aggregateFeature, aggregateSource, starterAggregateNames } from './aggregateFiles';
import { domainSource } from './domainFile';
import type { Names } from './names';

export interface ProjectSettings {
  /** npm package name, also the domain's name. */
  name: string;
  /** The first aggregate. */
  aggregate: Names;
  /** What package.json depends on for eventspec: a version range, `file:` path or tarball. */
  eventspec: string;
  /** Versions of the tools the project compiles with, kept in step with eventspec's own. */
  versions: { typescript: string; tsNode: string; typesNode: string; swcCore: string };
}

/** Every file of a new domain project, by path. `npm install && npm test` passes on them as they are. */
export function projectFiles(s: ProjectSettings): Record<string, string> {
  const a = s.aggregate;
  return {
    'package.json': `${JSON.stringify(
      {
        name: s.name,
        version: '0.1.0',
        private: true,
        description: `The ${s.name} domain, specified with eventspec`,
        scripts: {
          test: 'tsc --noEmit && eventspec test',
          'test:mongo': 'eventspec test --store mongo',
          docs: 'eventspec docs',
          check: 'eventspec check',
          typecheck: 'tsc --noEmit',
          catalog: 'eventspec catalog --out catalog.schema.json',
        },
        dependencies: { eventspec: s.eventspec },
        // @swc/core strips the types when cucumber loads the steps and the domain (eventspec/register):
        // ts-node would load the TypeScript compiler first, which costs more than the whole run.
        devDependencies: { '@swc/core': s.versions.swcCore, '@types/node': s.versions.typesNode, 'ts-node': s.versions.tsNode, typescript: s.versions.typescript },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          // node16 reads the package's "exports", so eventspec/service and eventspec/mongo resolve
          // (the older "node" resolution does not); files stay CommonJS without "type": "module".
          module: 'node16',
          moduleResolution: 'node16',
          lib: ['ES2023'],
          types: ['node'],
          strict: true,
          esModuleInterop: true,
          skipLibCheck: true,
          noEmit: true,
        },
        // Features load without type checking (eventspec/register); \`tsc --noEmit\` checks types in \`npm test\`.
        'ts-node': { transpileOnly: true },
        include: ['src', 'step-definitions', 'eventspec.config.ts'],
      },
      null,
      2,
    )}\n`,
    'cucumber.js': `// Cucumber settings, read by \`eventspec test\` (and by \`npx cucumber-js\`). The default profile runs
// every feature in features/ on the in-memory store; \`eventspec test --store mongo\` uses the mongo
// profile (npm install mongodb mongodb-memory-server, and set MONGODB_URI). Both write the message
// stream \`eventspec docs\` reads and a JUnit report for CI.
const reports = (name) => ['progress', \`junit:reports/\${name}.junit.xml\`, \`message:reports/\${name}.ndjson\`];

const common = {
  // TypeScript without the TypeScript compiler: @swc/core strips the types (ts-node if it is missing).
  requireModule: ['eventspec/register'],
  require: ['step-definitions/**/*.ts'],
  // An undefined step is answered with the closest eventspec step, then a snippet.
  formatOptions: { snippetInterface: 'async-await', snippetSyntax: 'eventspec/snippets' },
};

module.exports = {
  default: { ...common, format: reports('cucumber'), worldParameters: { store: 'memory' } },
  mongo: { ...common, format: reports('cucumber-mongo'), worldParameters: { store: 'mongo' } },
};
`,
    'eventspec.config.ts': `// What the eventspec command line reads (\`eventspec catalog\`, \`eventspec inspect\`).
export { domain } from './src/domain';
`,
    'src/domain.ts': domainSource(s.name, a),
    [`src/aggregates/${a.camel}.ts`]: aggregateSource(a),
    [`features/${a.kebab}.feature`]: aggregateFeature(a),
    'step-definitions/steps.ts': `// The kit's Given/When/Then vocabulary, bound to this project's domain, on the store the
// cucumber profile names (memory, or mongo).
import { installSteps } from 'eventspec';
import { domain } from '../src/domain';

installSteps(domain);
`,
    // What the Cucumber editor extension reads: without it every step is "undefined" in the editor.
    [EDITOR_STEPS_FILE]: editorStepsSource({ name: s.name, aggregates: [starterAggregateNames(a)], projections: [], phrasings: [] }, { root: '.' }),
    '.vscode/settings.json': `${JSON.stringify({ 'cucumber.features': ['features/**/*.feature'], 'cucumber.glue': ['step-definitions/**/*.ts'] }, null, 2)}\n`,
    'README.md': projectReadme(s),
    '.gitignore': '/node_modules/\n/reports/\n/site/\n/catalog.schema.json\n',
  };
}

function projectReadme(s: ProjectSettings): string {
  const a = s.aggregate;
  return `# ${s.name}

The ${s.name} domain, specified with [eventspec](https://www.npmjs.com/package/eventspec): the
scenarios in \`features/\` run against the aggregates in \`src/\`.

\`\`\`sh
npm install
npm test              # type check, then every scenario on the in-memory store
npx eventspec docs    # the living documentation of the last run: open site/index.html
npx eventspec check   # property checks: generated command sequences against every aggregate
\`\`\`

| Where | What |
|---|---|
| \`src/aggregates/${a.camel}.ts\` | the ${a.pascal} aggregate: its commands, events, state, rules |
| \`src/domain.ts\` | the domain: every aggregate, read by the steps, the docs and the command line |
| \`features/\` | the scenarios, in Given/When/Then |
| \`step-definitions/steps.ts\` | installs eventspec's steps for this domain |
| \`step-definitions/eventspec.editor.ts\` | the steps written out for the Cucumber editor extension; \`npx eventspec steps\` rewrites it |
| \`cucumber.js\` | cucumber's profiles: \`default\` (in memory) and \`mongo\` |

More: \`npx eventspec new aggregate <Name>\` adds an aggregate with its feature;
\`npx eventspec test features/${a.kebab}.feature\` runs one feature; \`npm run catalog\` writes the
JSON Schema of every event and command. To run the same scenarios on MongoDB:
\`npm install mongodb\` (a dependency: \`eventspec serve --mongo\` needs it in production too), then
\`MONGODB_URI=… npm run test:mongo\`; \`npm install --save-dev mongodb-memory-server\` runs them on a local
mongod instead. Without a server the run skips every scenario and exits 2.

\`@swc/core\` (a dev dependency) reads the TypeScript when the scenarios load; its install script
fetches the native build for this machine. If npm asks whether to allow it, allow it: without it
the scenarios still run, through ts-node, about a second slower to start.
`;
}
