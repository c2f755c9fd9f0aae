import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { AggregateCheckOptions } from '../checks/checkAggregate';
import type { Domain } from '../domain/defineDomain';
import { EventspecError } from '../core/errors';
import type { CliIO } from './cliIO';
import { UsageError } from './exitCodes';
import { projectRoot, requireProjectModule, resolveProjectModule } from './projectModule';

/** Config files looked for in the project root, in this order. */
export const CONFIG_FILES = ['eventspec.config.ts', 'eventspec.config.js', 'eventspec.config.cjs'] as const;

export interface FoundDomain {
  domain: Domain;
  /** Where it came from, for messages: `--domain src/domain.ts`, `eventspec.config.ts`, `package.json "eventspec.domain"`. */
  source: string;
  root: string;
  /** `export const checks = { Order: { arbitraries, model } }` beside the domain: what `eventspec check` uses. */
  checks?: Readonly<Record<string, AggregateCheckOptions>>;
}

export const HOW_TO_NAME_A_DOMAIN =
  'pass --domain <module>, create eventspec.config.ts with `export { domain } from "./src/domain"`, ' +
  'or add "eventspec": { "domain": "./src/domain" } to package.json';

/**
 * Finds the user's domain, first match wins:
 * 1. `--domain <module>`: a module exporting `domain` (or a default export that is one);
 * 2. `eventspec.config.ts|js|cjs` in the project root, exporting `domain` the same way;
 * 3. the `eventspec.domain` field of package.json: a module path relative to the project root.
 */
export function loadDomain(io: CliIO, option?: string): FoundDomain {
  const root = projectRoot(io.cwd) ?? io.cwd;
  if (option !== undefined) return fromModule(resolve(io.cwd, option), `--domain ${option}`, root);
  for (const file of CONFIG_FILES) {
    const path = join(root, file);
    if (existsSync(path)) return fromModule(path, file, root);
  }
  const field = domainField(root);
  if (field !== undefined) return fromModule(resolve(root, field), `package.json "eventspec.domain" (${field})`, root);
  throw new UsageError(`no domain found in ${root}: ${HOW_TO_NAME_A_DOMAIN}`);
}

function domainField(root: string): string | undefined {
  const path = join(root, 'package.json');
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const field = (json as { eventspec?: { domain?: unknown } } | null)?.eventspec?.domain;
  if (field === undefined) return undefined;
  if (typeof field !== 'string') throw new UsageError(`${path}: "eventspec.domain" must be a module path such as "./src/domain"`);
  return field;
}

function fromModule(path: string, source: string, root: string): FoundDomain {
  const file = resolveProjectModule(path);
  if (file === undefined) {
    throw new UsageError(`${source}: cannot find the module ${relative(root, path) || path}; ${HOW_TO_NAME_A_DOMAIN}`);
  }
  let loaded: unknown;
  try {
    loaded = requireProjectModule(file, root);
  } catch (error) {
    throw new EventspecError(`${source}: loading failed — ${(error as Error).message}`, { cause: error });
  }
  const domain = pickDomain(loaded);
  if (!domain) {
    const keys = loaded !== null && typeof loaded === 'object' ? Object.keys(loaded) : [];
    const found = keys.length > 0 ? `it exports ${keys.map((k) => `\`${k}\``).join(', ')}` : 'it exports nothing';
    const name = relative(root, file);
    throw new UsageError(`${source === name ? name : `${source}: ${name}`} must export \`domain\` (made with defineDomain); ${found}`);
  }
  const checks = pickChecks(loaded, source);
  return checks ? { domain, source, root, checks } : { domain, source, root };
}

function pickChecks(loaded: unknown, source: string): Readonly<Record<string, AggregateCheckOptions>> | undefined {
  const checks = (loaded as { checks?: unknown } | null)?.checks ?? (loaded as { default?: { checks?: unknown } } | null)?.default?.checks;
  if (checks === undefined) return undefined;
  const entries = checks !== null && typeof checks === 'object' ? Object.entries(checks) : undefined;
  if (!entries || entries.some(([, options]) => options === null || typeof options !== 'object')) {
    throw new UsageError(`${source}: \`checks\` must map aggregate names to check options, e.g. { Order: { arbitraries: { PlaceOrder: fc.record({ ... }) } } }`);
  }
  return checks as Readonly<Record<string, AggregateCheckOptions>>;
}

function pickDomain(loaded: unknown): Domain | undefined {
  const candidates = [
    (loaded as { domain?: unknown } | null)?.domain,
    (loaded as { default?: { domain?: unknown } } | null)?.default?.domain,
    (loaded as { default?: unknown } | null)?.default,
    loaded,
  ];
  return candidates.find(isDomain);
}

export function isDomain(value: unknown): value is Domain {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<Domain>;
  return typeof v.name === 'string' && Array.isArray(v.aggregates) && typeof v.aggregate === 'function' && typeof v.event === 'function';
}
