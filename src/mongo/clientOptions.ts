import { type MongoClientOptions, WriteConcern, type WriteConcernSettings } from 'mongodb';
import { MongoSetupError } from './mongoSetupError';

/** How long the start-up check waits for a primary, unless `serverSelectionTimeoutMS` is given. */
export const STARTUP_CHECK_MS = 5000;

/**
 * How long a majority write outside a transaction (roll-over, snapshot, set-up) waits for the
 * majority before failing, where it would otherwise wait forever. Commits get the driver's own.
 */
export const DEFAULT_WTIMEOUT_MS = 10_000;

/**
 * The options the store adds to a client it makes from a connection string. Nothing the
 * connection string sets is overridden (the driver lets the options object win), and the
 * server-selection timeout stays the driver's (30 s, longer than an election) unless the caller
 * sets one, because a short one turns an ordinary failover into failed appends.
 */
export function clientOptionsFor(uri: string, serverSelectionTimeoutMS: number | undefined): MongoClientOptions {
  const options: MongoClientOptions = {};
  if (!uriSets(uri, 'appName')) options.appName = 'eventspec';
  if (serverSelectionTimeoutMS !== undefined) options.serverSelectionTimeoutMS = serverSelectionTimeoutMS;
  return options;
}

/** Whether the connection string's options name this one (option names are case-insensitive). */
export function uriSets(uri: string, option: string): boolean {
  const query = uri.split('?')[1];
  if (!query) return false;
  const wanted = option.toLowerCase();
  return query.split('&').some((pair) => decodeURIComponent(pair.split('=')[0] ?? '').toLowerCase() === wanted);
}

/**
 * The store's write concern: majority and journaled unless the caller says otherwise, and always
 * with a time limit, so a write outside a transaction fails instead of hanging without a majority.
 */
export function storeWriteConcern(settings: WriteConcernSettings | undefined): WriteConcern {
  const chosen = settings ?? { w: 'majority', journal: true };
  if (chosen.w !== undefined && chosen.w !== 'majority') {
    // Every read is at majority: with weaker writes the store would not see its own appends (review A12).
    throw new MongoSetupError(
      `writeConcern w: ${JSON.stringify(chosen.w)} is weaker than "majority", which the MongoDB stores need: acknowledged events could vanish in a failover, ` +
        'and the stores, which read at majority, would not see their own writes (a command handler would conflict with itself, snapshot saves would loop). ' +
        'Use w: "majority", with wtimeoutMS to bound the wait.',
    );
  }
  const limited = chosen.wtimeoutMS !== undefined || chosen.wtimeout !== undefined ? chosen : { ...chosen, wtimeoutMS: DEFAULT_WTIMEOUT_MS };
  return WriteConcern.fromOptions({ writeConcern: limited })!;
}
