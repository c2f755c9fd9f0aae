import { EventspecError } from '../core/errors';

/** The MongoDB store cannot run here: unreachable server, no replica set, bad options. Never holds credentials. */
export class MongoSetupError extends EventspecError {
  override name = 'MongoSetupError';
}
