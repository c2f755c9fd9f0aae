/**
 * eventspec: BDD-driven domain modeling with event sourcing.
 * Contracts and aggregates at the bottom; stores and command handling above; testing on top.
 */
export { z } from 'zod';
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
