import { after, before, it, type TestContext } from 'node:test';
import { MongoClient, type MongoClientOptions } from 'mongodb';
import { findTestMongo, type TestMongo } from '../../src/mongo';
import { skipMongo } from './requireMongo';

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

export interface ServerSuite {
  /** Why the suite's tests skip here, once known (after the suite's `before`). */
  skip: string | undefined;
  /** The server's connection string, and a client of the suite's own for looking at what stores wrote. Set before the tests. */
  uri: string;
  raw: MongoClient;
  readonly database: string;
  /** Closed when the suite ends, last first. */
  track<T extends { close(): Promise<void> }>(closer: T): T;
  /** A collection prefix no other test of the suite has used: `r1_`, `r2_`, … */
  prefix(letter: string): string;
  /** A test that skips with the suite's printed reason when there is no MongoDB. */
  test(title: string, body: (t: TestContext) => Promise<void>, timeout?: number): void;
}

/**
 * What every server-test suite sets up, called inside its `describe`: the loud skip line, the URI,
 * a raw client, its own database, and the stores to close at the end.
 */
export function serverSuite(what: string, purpose: string, clientOptions: MongoClientOptions = {}): ServerSuite {
  const closers: { close(): Promise<void> }[] = [];
  let prefixes = 0;
  const suite: ServerSuite = {
    skip: undefined,
    uri: '',
    raw: undefined as unknown as MongoClient,
    database: testDatabase(purpose),
    track(closer) {
      closers.push(closer);
      return closer;
    },
    prefix: (letter) => `${letter}${++prefixes}_`,
    test(title, body, timeout) {
      it(title, timeout === undefined ? {} : { timeout }, async (t) => {
        if (suite.skip) return skipMongo(t, suite.skip);
        await body(t);
      });
    },
  };
  before(async () => {
    suite.skip = await announcedSkipReason(what);
    if (suite.skip) return;
    suite.uri = await mongoUri();
    suite.raw = new MongoClient(suite.uri, clientOptions);
  });
  after(async () => {
    for (const closer of closers.reverse()) await closer.close();
    await suite.raw?.close();
  });
  return suite;
}
