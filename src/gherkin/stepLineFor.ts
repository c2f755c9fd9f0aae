import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'glob';
import { isInstalledStep } from './installedDomain';

export interface StepLine {
  readonly text: string;
  /** `features/order.feature:12`, when the line was found. */
  readonly where?: string;
}

let stepLines: { text: string; where: string }[] | undefined;

/** Files this run was given on the command line first, then `features/`, then any other. */
function rank(file: string): number {
  const named = process.argv.slice(2).map((arg) => arg.replace(/(:\d+)+$/, '').replace(/^\.\//, '').replace(/\/$/, ''));
  if (named.some((path) => path !== '' && (file === path || file.startsWith(`${path}/`)))) return 0;
  return file.startsWith('features/') ? 1 : 2;
}

/** Every step line of the project's feature files, read once (only when a step is undefined). */
function projectStepLines() {
  stepLines ??= globSync('**/*.feature', { cwd: process.cwd(), ignore: ['node_modules/**'], posix: true })
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .flatMap((file) =>
      readFileSync(join(process.cwd(), file), 'utf8')
        .split(/\r?\n/)
        .flatMap((line, i) => {
          const step = /^[ \t]*(?:Given|When|Then|And|But|\*)[ \t]+(.+?)[ \t]*$/.exec(line);
          return step ? [{ text: step[1]!, where: `${file}:${i + 1}` }] : [];
        }),
    );
  return stepLines;
}

const VALUE: Record<string, string> = { string: `"[^"]*"|'[^']*'`, int: '-?\\d+', float: '-?\\d*\\.?\\d+', word: '\\S+' };

/**
 * The user's own line behind a snippet's expression. Cucumber gives a snippet syntax only the
 * generated expression (`Order {string} is sent PlaceOrdr`), not the step's text, so the values are
 * found again in the feature files; `"…"` stands in when none matches.
 */
export function stepLineFor(expression: string): StepLine {
  const parts = [...expression.matchAll(/\\(.)|\{([^}]*)\}|[^\\{]+/g)].map(([token, escaped, type]) =>
    escaped !== undefined ? { text: escaped } : type !== undefined ? { type } : { text: token },
  );
  const source = parts.map((p) => ('text' in p ? p.text!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : `(?:${VALUE[p.type!] ?? '.+?'})`)).join('');
  const pattern = new RegExp(`^${source}$`);
  // Only a line no installed step matches can be the undefined one (`{string}` matches any value);
  // an Outline's `<placeholder>` line is never a step's text itself.
  const found = projectStepLines().find((line) => pattern.test(line.text) && !/<[^>\s]+>/.test(line.text) && !isInstalledStep(line.text));
  return found ?? { text: parts.map((p) => ('text' in p ? p.text : p.type === 'string' ? '"…"' : p.type === 'int' ? '1' : `{${p.type}}`)).join('') };
}
