/**
 * eventspec: BDD-driven domain modeling with event sourcing.
 * Contracts and aggregates at the bottom; stores and command handling above; testing on top.
 */
export { z } from 'zod';
export { default as fc } from 'fast-check';
// The public API, named one by one (test/index.test.ts pins the list): what the README and docs/
// show, and the errors a user may catch. Helpers the kit uses inside stay in their modules.
export { EventspecError, ContractError, WrongExpectedVersionError, IdempotencyError, UnknownNameError, InvariantViolation, StoredEventError, AppendOutcomeUnknownError } from './core';
export { controllableClock, systemClock, sequentialIds, randomIds } from './core';
export type * from './core';
export { defineEvent, defineCommand, upcaster, parseContract, exampleOf } from './contracts';
export type * from './contracts';
export { upcast } from './versioning';
export type * from './versioning';
export { defineAggregate, streamIdOf, Rejection, isRejection, UndeclaredRejectionError, replay } from './aggregate';
export type * from './aggregate';
export { defineDomain, combineDomains, phrase, DomainWiringError } from './domain';
export type * from './domain';
export { inMemoryEventStore, catchUpSubscription } from './eventStore';
export type * from './eventStore';
export { inMemorySnapshotStore } from './snapshots';
export type * from './snapshots';
export { createCommandHandler, CommandIdReusedError, ConcurrencyError, inMemoryCommandLog } from './commandHandling';
export type * from './commandHandling';
export { defineProjection, inMemoryReadModelStore, projectionRunner, inlineProjections, ProjectionFailed, CheckpointConflict, ReadModelMismatch } from './projections';
export type * from './projections';
export { defineProcess, definePolicy, processRunner, inlineProcesses } from './processes';
export type * from './processes';
export { specFor } from './testing';
export type * from './testing';
export { eventually, EventuallyTimeout } from './testing/eventually';
export { checkAggregate, checkDomain, CheckSetupError } from './checks';
export type * from './checks';
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
