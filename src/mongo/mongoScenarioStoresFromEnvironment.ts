import type { ScenarioStoreFactory } from '../testing/scenarioStores';
import { mongoScenarioStores } from './mongoScenarioStores';
import { findTestMongo } from './testMongo';

/**
 * Scenario stores on the MongoDB the environment offers (MONGODB_URI, else a local mongod through
 * mongodb-memory-server), found on first use; `unavailable` says why when there is none.
 */
export function mongoScenarioStoresFromEnvironment(env: NodeJS.ProcessEnv = process.env): ScenarioStoreFactory {
  type Ready = { factory: ScenarioStoreFactory; stop(): Promise<void> } | { skip: string };
  let ready: Promise<Ready> | undefined;
  const open = () =>
    (ready ??= findTestMongo(env).then((found): Ready => ('skip' in found ? found : { factory: mongoScenarioStores({ uri: found.uri }), stop: found.stop })));
  return {
    name: 'mongo',
    async unavailable() {
      const found = await open();
      return 'skip' in found ? found.skip : undefined;
    },
    async create(options) {
      const found = await open();
      if ('skip' in found) throw new Error(`no MongoDB for scenarios: ${found.skip}`);
      return found.factory.create(options);
    },
    async close() {
      if (!ready) return;
      const found = await ready;
      if ('skip' in found) return;
      await found.factory.close();
      await found.stop();
    },
  };
}
