/**
 * eventspec: BDD-driven domain modeling with event sourcing.
 * Contracts and aggregates at the bottom; stores and command handling above; testing on top.
 */
export { z } from 'zod';
export { default as fc } from 'fast-check';
export * from './core';
export * from './contracts';
export * from './versioning';
export * from './aggregate';
export * from './domain';
export * from './eventStore';
export * from './snapshots';
export * from './commandHandling';
export * from './projections';
export * from './testing';
export { eventually, EventuallyTimeout } from './testing/eventually';
export * from './checks';
export { editorSteps } from './gherkin/editorSteps';

import type { Domain } from './domain';
import type { InstallOptions } from './gherkin';
export type { InstallOptions } from './gherkin';

/**
 * Installs the Gherkin vocabulary and the domain's phrasings into cucumber (call it from a
 * step-definitions file). Loaded on demand, so production code never loads cucumber.
 */
export function installSteps(domain: Domain, options?: InstallOptions): void {
  (require('./gherkin') as typeof import('./gherkin')).installSteps(domain, options);
}
