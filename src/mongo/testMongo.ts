import { existsSync } from 'node:fs';
import { messageOf } from './messageOf';

/** A MongoDB to run tests or scenarios against, or why there is none. */
export type TestMongo = { uri: string; source: string; stop(): Promise<void> } | { skip: string };

export const HOW_TO_ENABLE =
  'set MONGODB_URI to a replica set (e.g. mongodb://localhost:27017/?replicaSet=rs0) or MONGOMS_SYSTEM_BINARY to a mongod ≥ 6 binary';

/**
 * The mongod binary mongodb-memory-server would use, if it is already on this machine
 * (`MONGOMS_SYSTEM_BINARY` or its download cache); never downloads one.
 */
export async function localMongod(env: NodeJS.ProcessEnv = process.env): Promise<{ binary: string } | { skip: string }> {
  const systemBinary = env.MONGOMS_SYSTEM_BINARY?.trim();
  if (systemBinary && !existsSync(systemBinary)) {
    return { skip: `MONGOMS_SYSTEM_BINARY is ${systemBinary}, but there is no file there; ${HOW_TO_ENABLE}` };
  }
  if (systemBinary) return { binary: systemBinary };
  // Loaded only here: production code never pays for mongodb-memory-server (an optional peer dependency).
  let DryMongoBinary: typeof import('mongodb-memory-server').DryMongoBinary;
  try {
    ({ DryMongoBinary } = await import('mongodb-memory-server'));
  } catch {
    return { skip: `no MongoDB here: MONGODB_URI is not set and mongodb-memory-server is not installed (npm install --save-dev mongodb-memory-server to use a local mongod); ${HOW_TO_ENABLE}` };
  }
  try {
    const binary = await DryMongoBinary.locateBinary(DryMongoBinary.getEnsuredOptions());
    if (binary) return { binary };
  } catch (error) {
    return { skip: `mongodb-memory-server found no usable mongod (${messageOf(error)}); ${HOW_TO_ENABLE}` };
  }
  return { skip: `no MongoDB here: MONGODB_URI is not set and mongodb-memory-server has no mongod cached (it would download one, which is not attempted); ${HOW_TO_ENABLE}` };
}

/**
 * `MONGODB_URI` when set; else a single-node `MongoMemoryReplSet` on a mongod already on this
 * machine; else a skip reason that says how to enable MongoDB tests.
 */
export async function findTestMongo(env: NodeJS.ProcessEnv = process.env): Promise<TestMongo> {
  const uri = env.MONGODB_URI?.trim();
  if (uri) return { uri, source: 'MONGODB_URI', stop: async () => undefined };
  const local = await localMongod(env);
  if ('skip' in local) return local;
  // Belt and braces: with a binary in hand nothing is downloaded, and this makes sure of it.
  process.env.MONGOMS_RUNTIME_DOWNLOAD = 'false';
  const { MongoMemoryReplSet } = await import('mongodb-memory-server');
  try {
    const replSet = await MongoMemoryReplSet.create(testReplSetOptions(local.binary));
    return { uri: replSet.getUri(), source: `mongodb-memory-server (${local.binary})`, stop: async () => void (await replSet.stop()) };
  } catch (error) {
    return { skip: `mongodb-memory-server could not start ${local.binary} (${messageOf(error)}); ${HOW_TO_ENABLE}` };
  }
}

/**
 * The test replica set: one wiredTiger node, started with test commands enabled, so the
 * fail-point tests (`configureFailPoint`) run instead of skipping (review A13).
 */
export function testReplSetOptions(binary: string) {
  return {
    replSet: { count: 1, storageEngine: 'wiredTiger' as const, args: ['--setParameter', 'enableTestCommands=1'] },
    binary: { systemBinary: binary },
  };
}
