import { EventspecError } from '../core/errors';
import type { CommandResult } from './commandResult';

/**
 * Remembers the answer to each caller-given command id, so a repeated command is answered, not run
 * again (the handler does not log ids it generated). The first answer recorded for an id is kept. An accepted command is also found through its events,
 * whose ids derive from the command id, so a log that forgets (or a process that died before
 * recording) never lets a retry store a command twice.
 */
export interface CommandLog {
  get(commandId: string): Promise<CommandResult | undefined>;
  record(result: CommandResult): Promise<void>;
  close?(): Promise<void>;
}

export interface InMemoryCommandLogOptions {
  /**
   * Most answers kept (default 10 000); the oldest are forgotten first. A forgotten accepted command
   * is still answered from its events; a forgotten rejected one runs again.
   */
  maxEntries?: number;
}

/** The process's own log, bounded so a long-running service does not grow without limit. */
export function inMemoryCommandLog(options: InMemoryCommandLogOptions = {}): CommandLog {
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new EventspecError(`maxEntries of the command log must be a whole number ≥ 1, got ${String(maxEntries)}`);
  // A Map iterates in insertion order: its first key is the oldest answer.
  const results = new Map<string, CommandResult>();
  return {
    async get(commandId) {
      return results.get(commandId);
    },
    async record(result) {
      if (results.has(result.commandId)) return;
      results.set(result.commandId, result);
      if (results.size > maxEntries) results.delete(results.keys().next().value!);
    },
  };
}
