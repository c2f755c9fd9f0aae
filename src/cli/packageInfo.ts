import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
