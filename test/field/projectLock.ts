/**
 * A package-lock.json for a new project, cut out of this repository's lock: the packages the
 * project's own dependencies reach, at the versions CI installed with `npm ci`. With it, npm
 * installs the project from the npm cache alone (`--offline`), so the field test needs no network
 * and tries the very versions the rest of the suite tried.
 */

interface LockedPackage {
  version?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optional?: boolean;
  [field: string]: unknown;
}

export interface Lockfile {
  name?: string;
  version?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockedPackage>;
}

export interface ProjectManifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/**
 * The lock for `project`. Dependencies in `local` (eventspec itself, from a tarball) are left to
 * npm, but what they need is included: `localNeeds` lists their dependencies.
 */
export function projectLock(
  repoLock: Lockfile,
  project: ProjectManifest,
  local: readonly string[],
  localNeeds: readonly string[],
  registry = 'https://registry.npmjs.org/',
): Lockfile {
  const packages: Record<string, LockedPackage> = {};
  const wanted = [...Object.keys({ ...project.dependencies, ...project.devDependencies }).filter((n) => !local.includes(n)), ...localNeeds];
  const queue: { name: string; from: string; optional: boolean }[] = wanted.map((name) => ({ name, from: '', optional: false }));
  while (queue.length > 0) {
    const { name, from, optional } = queue.shift()!;
    const path = locate(repoLock, name, from);
    if (path === undefined) {
      if (optional) continue;
      throw new Error(`${name} (needed by ${from || 'the project'}) is not in this repository's package-lock.json`);
    }
    if (packages[path]) continue;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = repoLock.packages[path]!;
    // This repository's lock omits tarball addresses; with them npm takes each tarball from the
    // cache by its integrity, with no need for the package's registry metadata.
    packages[path] = entry.resolved === undefined && entry.version !== undefined ? { ...entry, resolved: tarballUrl(registry, typeof entry.name === 'string' ? entry.name : name, entry.version) } : entry;
    const optionalPeers = new Set(Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([n]) => n));
    for (const dep of Object.keys(entry.dependencies ?? {})) queue.push({ name: dep, from: path, optional: false });
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) queue.push({ name: dep, from: path, optional: true });
    for (const dep of Object.keys(entry.peerDependencies ?? {})) if (!optionalPeers.has(dep)) queue.push({ name: dep, from: path, optional: false });
  }
  const root: LockedPackage = { name: project.name, version: project.version };
  if (project.dependencies) root.dependencies = project.dependencies;
  if (project.devDependencies) root.devDependencies = project.devDependencies;
  const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b)));
  return { name: project.name, version: project.version, lockfileVersion: 3, requires: true, packages: { '': root, ...sorted } };
}

/** Where node would find `name` from the package at `from`: its own node_modules, then each parent's. */
function locate(lock: Lockfile, name: string, from: string): string | undefined {
  const segments = from === '' ? [] : from.split('/node_modules/').map((s, i) => (i === 0 ? s.replace(/^node_modules\//, '') : s));
  for (let depth = segments.length; depth >= 0; depth--) {
    const base = segments.slice(0, depth).map((s) => `node_modules/${s}`).join('/');
    const path = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (lock.packages[path]) return path;
  }
  return undefined;
}

/** Where the registry keeps a version's tarball: `<registry>/@scope/name/-/name-1.2.3.tgz`. */
function tarballUrl(registry: string, name: string, version: string): string {
  const base = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  return `${registry.replace(/\/?$/, '/')}${name}/-/${base}-${version}.tgz`;
}
