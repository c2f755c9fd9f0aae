import type { Domain } from '../domain/defineDomain';

/**
 * The domain installSteps installed in this process. Cucumber makes the snippet syntax itself
 * (`new Syntax(snippetInterface)`), so this is how suggestions for undefined steps learn its names.
 */
let installed: Domain | undefined;
let patterns: readonly RegExp[] = [];

export function rememberInstalledDomain(domain: Domain, stepPatterns: readonly RegExp[]): void {
  installed = domain;
  patterns = stepPatterns;
}

export function installedDomain(): Domain | undefined {
  return installed;
}

/** Whether one of the installed steps matches this text (an undefined step's line does not). */
export function isInstalledStep(text: string): boolean {
  return patterns.some((pattern) => pattern.test(text));
}
