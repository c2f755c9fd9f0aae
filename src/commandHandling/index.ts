export { createCommandHandler, CommandIdReusedError, ConcurrencyError } from './commandHandler';
export type { CommandHandler, CommandHandlerOptions, CommandRequest, SendOptions } from './commandHandler';
export type { CommandResult, Accepted, Rejected } from './commandResult';
export { inMemoryCommandLog } from './commandLog';
export type { CommandLog, InMemoryCommandLogOptions } from './commandLog';
export { commandEventId } from './commandEventIds';
export { loadAggregate } from './loadAggregate';
export type { LoadOptions, Loaded, LoadContext } from './loadAggregate';
