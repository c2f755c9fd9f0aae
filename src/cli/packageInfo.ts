import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface PackageInfo {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** eventspec's own package.json: two folders up from both src/cli and dist/cli. */
export function packageInfo(): PackageInfo {
  const json = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as Partial<PackageInfo>;
  return {
    name: json.name ?? 'eventspec',
    version: json.version ?? '0.0.0',
    dependencies: json.dependencies ?? {},
    devDependencies: json.devDependencies ?? {},
  };
}

/**
 * The packed tarball this eventspec was installed from (`npx --package ./eventspec-x.tgz …`, or
 * `npm install ../eventspec-x.tgz`), as npm's lockfile beside it records; undefined when it came
 * from a registry or a checkout. A project made by it then depends on the same tarball, so its
 * `npm install` finds eventspec even when that version is not published.
 */
export function installedFromTarball(root: string = join(__dirname, '..', '..')): string | undefined {
  try {
    const modules = dirname(root);
    const lock = JSON.parse(readFileSync(join(modules, '.package-lock.json'), 'utf8')) as { packages?: Record<string, { resolved?: string }> };
    const resolved = lock.packages?.[`node_modules/${basename(root)}`]?.resolved;
    if (resolved === undefined || !resolved.startsWith('file:') || !resolved.endsWith('.tgz')) return undefined;
    const file = resolve(dirname(modules), resolved.slice('file:'.length));
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}
