import type { CommandResult } from './commandResult';

/** Remembers the answer to each command id, so a repeated command is answered, not run again. */
export interface CommandLog {
  get(commandId: string): Promise<CommandResult | undefined>;
  record(result: CommandResult): Promise<void>;
}

export function inMemoryCommandLog(): CommandLog {
  const results = new Map<string, CommandResult>();
  return {
    async get(commandId) {
      return results.get(commandId);
    },
    async record(result) {
      results.set(result.commandId, result);
    },
  };
}
