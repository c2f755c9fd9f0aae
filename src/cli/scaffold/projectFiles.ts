import { aggregateFeature, aggregateSource } from './aggregateFiles';
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
  versions: { typescript: string; tsNode: string; typesNode: string };
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
          typecheck: 'tsc --noEmit',
          catalog: 'eventspec catalog --out catalog.schema.json',
        },
        dependencies: { eventspec: s.eventspec },
        devDependencies: { '@types/node': s.versions.typesNode, 'ts-node': s.versions.tsNode, typescript: s.versions.typescript },
        // mongodb-memory-server (used by the mongo profile) must not try to download mongod on install.
        config: { mongodbMemoryServer: { disablePostinstall: '1' } },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'commonjs',
          moduleResolution: 'node',
          lib: ['ES2023'],
          types: ['node'],
          strict: true,
          esModuleInterop: true,
          skipLibCheck: true,
          noEmit: true,
        },
        // Features run through ts-node without type checking; \`tsc --noEmit\` checks types in \`npm test\`.
        'ts-node': { transpileOnly: true },
        include: ['src', 'step-definitions', 'eventspec.config.ts'],
      },
      null,
      2,
    )}\n`,
    'cucumber.js': `// Cucumber settings, read by \`eventspec test\`: the default profile runs on the in-memory store,
// \`eventspec test --store mongo\` uses the mongo profile (set MONGODB_URI).
const common = {
  requireModule: ['ts-node/register'],
  require: ['step-definitions/**/*.ts'],
  paths: ['features/**/*.feature'],
  format: ['progress'],
};

module.exports = {
  default: { ...common, worldParameters: { store: 'memory' } },
  mongo: { ...common, worldParameters: { store: 'mongo' } },
};
`,
    'eventspec.config.ts': `// What the eventspec command line reads (\`eventspec catalog\`, \`eventspec inspect\`).
export { domain } from './src/domain';
`,
    'src/domain.ts': domainSource(s.name, a),
    [`src/aggregates/${a.camel}.ts`]: aggregateSource(a),
    [`features/${a.kebab}.feature`]: aggregateFeature(a),
    'step-definitions/steps.ts': `// The kit's Given/When/Then vocabulary, bound to this project's domain.
import { installSteps } from 'eventspec';
import { domain } from '../src/domain';

installSteps(domain);
`,
    '.gitignore': 'node_modules/\nreports/\n',
  };
}
