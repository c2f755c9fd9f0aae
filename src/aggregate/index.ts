export { defineAggregate, streamIdOf } from './defineAggregate';
export type {
  Aggregate,
  AnyAggregate,
  AggregateBehavior,
  AggregateBuilder,
  AggregateDeclaration,
  CommandHandlers,
  CommandOf,
  DecideContext,
  EventHandlers,
  EventOf,
  Invariant,
  SnapshotPolicy,
  RejectionOf,
  StateOf,
} from './defineAggregate';
export { Rejection, isRejection, UndeclaredRejectionError } from './rejection';
export { replay, evolveOne, currentData } from './replay';
export { DomainCodeError } from './domainCode';
