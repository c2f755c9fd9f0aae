/**
 * The server side of test/bench/service.bench.ts, in its own process so the load generator does
 * not share its event loop: the eventspec service, and beside it a bare Fastify route that calls
 * the command handler directly (the same domain, store kind and command). Answers the parent's
 * questions over IPC: the addresses, its CPU time, its heap after a full GC.
 */
import Fastify from 'fastify';
import { createCommandHandler } from '../../src/commandHandling';
import { inMemoryEventStore } from '../../src/eventStore';
import { inMemorySnapshotStore } from '../../src/snapshots';
import { domain } from '../../src/domains';
import { createService } from '../../src/service';

const ACCOUNTS = 1000;

type Ask = { ask: 'usage' } | { ask: 'storeBytes'; commands: number } | { ask: 'stop' };

async function openAccounts(handle: (id: string) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < ACCOUNTS; i++) await handle(`acc-${i}`);
}

const gc = () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('the bench server needs --expose-gc');
  collect();
  collect();
};

async function start(): Promise<void> {
  // The service as measured against the bare route: command handling only, as the bare route does.
  const events = inMemoryEventStore();
  const service = createService({ domain, stores: { events, snapshots: inMemorySnapshotStore() }, runReadSide: false });
  const serviceUrl = await service.listen();
  await openAccounts((id) => service.handler.handle({ aggregate: 'Account', id, command: { type: 'OpenAccount', data: { owner: 'alice' } } }));
  // And as deployed: the domain's projections and processes following every append in the same process.
  const fullEvents = inMemoryEventStore();
  const full = createService({ domain, stores: { events: fullEvents, snapshots: inMemorySnapshotStore() } });
  const fullUrl = await full.listen();
  await openAccounts((id) => full.handler.handle({ aggregate: 'Account', id, command: { type: 'OpenAccount', data: { owner: 'alice' } } }));

  const bareEvents = inMemoryEventStore();
  const handler = createCommandHandler({ domain, store: bareEvents, snapshots: inMemorySnapshotStore() });
  await openAccounts((id) => handler.handle({ aggregate: 'Account', id, command: { type: 'OpenAccount', data: { owner: 'alice' } } }));
  const bare = Fastify();
  bare.post<{ Params: { id: string } }>('/bare/:id', async (request) => handler.handle({ aggregate: 'Account', id: request.params.id, command: { type: 'Deposit', data: request.body } }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  const bareUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  process.on('message', async (message: Ask) => {
    if (message.ask === 'usage') {
      gc();
      const stored = (await events.headPosition()) + (await fullEvents.headPosition()) + (await bareEvents.headPosition());
      process.send!({ cpu: process.cpuUsage(), heap: process.memoryUsage().heapUsed, stored });
    } else if (message.ask === 'storeBytes') {
      process.send!({ bytesPerEvent: await storeBytesPerEvent(message.commands) });
    } else {
      await service.close();
      await full.close();
      await bare.close();
      process.exit(0);
    }
  });
  process.send!({ serviceUrl, fullUrl, bareUrl });
}

/** The same commands through the handler alone on a fresh store: what the store keeps per event. */
async function storeBytesPerEvent(commands: number): Promise<number> {
  const store = inMemoryEventStore();
  const handler = createCommandHandler({ domain, store, snapshots: inMemorySnapshotStore() });
  await openAccounts((id) => handler.handle({ aggregate: 'Account', id, command: { type: 'OpenAccount', data: { owner: 'alice' } } }));
  gc();
  const before = process.memoryUsage().heapUsed;
  const head = await store.headPosition();
  for (let i = 0; i < commands; i++) await handler.handle({ aggregate: 'Account', id: `acc-${i % ACCOUNTS}`, command: { type: 'Deposit', data: { amount: 1 } } });
  gc();
  const bytes = (process.memoryUsage().heapUsed - before) / ((await store.headPosition()) - head);
  await store.close();
  return bytes;
}

start().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
