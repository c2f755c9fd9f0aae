import type { Domain } from '../domain/defineDomain';

/**
 * The domain installSteps installed in this process. Cucumber makes the snippet syntax itself
 * (`new Syntax(snippetInterface)`), so this is how suggestions for undefined steps learn its names.
 */
let installed: Domain | undefined;

export function rememberInstalledDomain(domain: Domain): void {
  installed = domain;
}

export function installedDomain(): Domain | undefined {
  return installed;
}
