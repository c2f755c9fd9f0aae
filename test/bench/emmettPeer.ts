/**
 * Emmett 0.42 (`@event-driven-io/emmett`, a devDependency used only here) as the benchmarks'
 * same-run peer: its in-memory event store and CommandHandler over the very same decide/evolve
 * functions as eventspec's Account. Emmett parses nothing by a schema and keeps no state cache;
 * each command reads its stream back (aggregateStream) before deciding.
 */
import { CommandHandler, getInMemoryEventStore } from '@event-driven-io/emmett';
import type { InMemoryEventStore } from '@event-driven-io/emmett';
import { Account } from '../../src/domains/banking';

type AccountState = ReturnType<typeof Account.initialState>;
interface AccountEvent {
  type: string;
  data: Record<string, unknown>;
}

const decide = Account.decide as unknown as Record<string, (c: unknown, s: AccountState, ctx: unknown) => AccountEvent>;
const evolveBy = Account.evolve as unknown as Record<string, (s: AccountState, d: unknown, e: unknown) => AccountState>;

export const evolve = (state: AccountState, event: AccountEvent): AccountState => evolveBy[event.type]!(state, event.data, event);
export const initialState = (): AccountState => Account.initialState();

const reject = (name: string): never => {
  throw new Error(name);
};

export const emmettStore = (): InMemoryEventStore => getInMemoryEventStore();

/** Sends one command to `Account-<id>` through Emmett's CommandHandler; resolves with the events it stored. */
export function emmettHandler(): (store: InMemoryEventStore, id: string, command: { type: string; data: unknown }) => Promise<number> {
  const handle = CommandHandler<AccountState, AccountEvent>({ evolve, initialState });
  return async (store, id, command) => {
    const streamId = `Account-${id}`;
    const result = await handle(store, streamId, (state) => decide[command.type]!(command.data, state, { id, streamId, now: new Date(), reject }));
    return result.newEvents.length;
  };
}

/** Emmett's replay of a stream: its aggregateStream with the same evolve. */
export async function emmettLoad(store: InMemoryEventStore, streamId: string): Promise<number> {
  const { currentStreamVersion } = await store.aggregateStream<AccountState, AccountEvent>(streamId, { evolve, initialState });
  return Number(currentStreamVersion);
}
