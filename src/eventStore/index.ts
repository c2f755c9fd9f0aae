export type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from './eventStore';
export type { ExpectedVersion } from './expectedVersion';
export { describeExpected, satisfies } from './expectedVersion';
export { decideAppend } from './appendDecision';
export type { AppendDecision, AppendFacts } from './appendDecision';
export { validateAppend } from './validateAppend';
export { catchUpSubscription, appendNotifier } from './catchUpSubscription';
export type { SubscriptionSource } from './catchUpSubscription';
export { inMemoryEventStore } from './inMemoryEventStore';
export type { InMemoryEventStoreOptions } from './inMemoryEventStore';
