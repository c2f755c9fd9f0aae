import { after } from 'node:test';
import { MongoClient } from 'mongodb';
import { findTestMongo, type TestMongo } from '../../src/mongo';

/**
 * The MongoDB the tests of one file run against: `MONGODB_URI`, else a single-node
 * mongodb-memory-server replica set when its mongod is already here, else a skip reason
 * (printed once, loudly). Started at most once per test file, stopped and cleaned after it.
 */
let found: Promise<TestMongo> | undefined;
let announced = false;
const databases = new Set<string>();

export function testMongo(): Promise<TestMongo> {
  found ??= findTestMongo();
  return found;
}

// Registered when a test file imports this module (top level, so it runs after all of the file's
// suites), not from inside a hook, where it would belong to that one suite.
after(async () => {
  if (!found) return;
  const mongo = await found;
  if ('skip' in mongo) return;
  if (databases.size > 0) {
    const client = new MongoClient(mongo.uri, { serverSelectionTimeoutMS: 5000 });
    try {
      for (const name of databases) await client.db(name).dropDatabase();
    } finally {
      await client.close();
    }
  }
  await mongo.stop();
});

/** Why MongoDB tests can't run here (undefined when they can); the contract suites print it themselves. */
export async function mongoSkipReason(): Promise<string | undefined> {
  const mongo = await testMongo();
  return 'skip' in mongo ? mongo.skip : undefined;
}

/** The same, said once per file in one loud line, for suites that don't print their own. */
export async function announcedSkipReason(what: string): Promise<string | undefined> {
  const reason = await mongoSkipReason();
  if (reason && !announced) {
    announced = true;
    console.log(`\n*** SKIPPED ${what}: ${reason} ***\n`);
  }
  return reason;
}

export async function mongoUri(): Promise<string> {
  const mongo = await testMongo();
  if ('skip' in mongo) throw new Error(`no MongoDB for this test: ${mongo.skip}`);
  return mongo.uri;
}

/** A database of this test run, dropped when the file's tests end. */
export function testDatabase(purpose: string): string {
  const name = `es_${purpose}_${process.pid}_${Date.now().toString(36)}`.slice(0, 60);
  databases.add(name);
  return name;
}
