import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `features/regressions/order.feature` for Order; `order-line.feature` for OrderLine. */
export function regressionFilePath(dir: string, aggregate: string): string {
  return join(dir, `${aggregate.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.feature`);
}

/**
 * Appends a scenario to the aggregate's regression feature, creating the file and its Feature
 * header when needed. A scenario already in the file is not added twice, even when found again
 * from another seed (its comments, which name the seed, differ). Returns the file's path.
 */
export async function writeRegression(dir: string, aggregate: string, scenario: string): Promise<string> {
  const file = regressionFilePath(dir, aggregate);
  let existing: string | undefined;
  try {
    existing = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (existing !== undefined && withoutComments(existing).includes(withoutComments(scenario))) return file;
  const header = `Feature: ${aggregate} regressions\n  Cases found by \`eventspec check ${aggregate}\`, kept so they stay fixed.\n`;
  const text = existing === undefined ? `${header}\n${scenario}` : `${existing.replace(/\n*$/, '\n')}\n${scenario}`;
  await mkdir(dir, { recursive: true });
  await writeFile(file, text, 'utf8');
  return file;
}

function withoutComments(gherkin: string): string {
  return gherkin
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n');
}
