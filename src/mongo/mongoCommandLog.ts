import { Binary, BSON, type Collection } from 'mongodb';
import type { CommandLog } from '../commandHandling/commandLog';
import type { CommandResult } from '../commandHandling/commandResult';
import { EventspecError } from '../core/errors';
import { BSON_OPTIONS } from './bodyEncoding';
import { mongoConnection, type MongoTarget } from './mongoConnection';
import { mongoErrorKind } from './mongoErrorKind';
import { messageOf } from './messageOf';
import { collectionNames } from './storeOptions';

export interface MongoCommandLogOptions extends MongoTarget {
  /** Same prefix as the event store's: the collection is `<prefix>commands`. */
  collectionPrefix?: string;
}

interface CommandDocument {
  _id: string;
  streamId: string;
  status: string;
  /** When the answer was recorded: a TTL index on it bounds the log (see mongo-store.md, "The command log"). */
  recordedAt: Date;
  /** The whole answer as BSON bytes: event data may hold keys the server treats as syntax. */
  result: Binary;
}

/**
 * The command log in MongoDB, one document per command id: answers survive restarts and are shared
 * by every process on the database. The first answer recorded wins (a unique `_id`). An accepted
 * command's events carry ids derived from its command id and are written in the append's own
 * transaction, so the handler finds a stored command through them even when the process died
 * between the append and this record.
 */
export function mongoCommandLog(options: MongoCommandLogOptions): CommandLog & { close(): Promise<void> } {
  const names = collectionNames(options.collectionPrefix ?? 'eventspec_');
  const connection = mongoConnection(options, async () => undefined);
  const commands: Collection<CommandDocument> = connection.db.collection(names.commands);

  return {
    async get(commandId) {
      checkCommandId(commandId);
      await connection.ready();
      const doc = await commands.findOne({ _id: { $eq: commandId } });
      if (!doc) return undefined;
      try {
        if (!(doc.result instanceof Binary)) throw new Error('result is not binary data');
        const result = BSON.deserialize(doc.result.value()).v as CommandResult;
        if (result?.commandId !== commandId) throw new Error(`it holds the answer to command ${String(result?.commandId)}`);
        return result;
      } catch (error) {
        throw new EventspecError(
          `the command log ${names.commands} holds an unreadable document for command ${commandId} (${messageOf(error)}); ` +
            'delete it to let the command be looked up in its stream again',
        );
      }
    },

    async record(result) {
      checkCommandId(result.commandId);
      await connection.ready();
      const doc: CommandDocument = {
        _id: result.commandId,
        streamId: result.streamId,
        status: result.status,
        recordedAt: new Date(),
        result: new Binary(BSON.serialize({ v: result }, BSON_OPTIONS), Binary.SUBTYPE_USER_DEFINED),
      };
      try {
        await commands.insertOne(doc);
      } catch (error) {
        // Recorded already, by this process or another: the first answer stays.
        if (mongoErrorKind(error) !== 'duplicate-key') throw error;
      }
    },

    async close() {
      await connection.close();
    },
  };
}

function checkCommandId(commandId: unknown): asserts commandId is string {
  if (typeof commandId !== 'string' || commandId.length === 0) throw new EventspecError(`a command id must be a non-empty string, got ${JSON.stringify(commandId)}`);
}
