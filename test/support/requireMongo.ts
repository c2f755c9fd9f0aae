/**
 * `EVENTSPEC_REQUIRE_MONGODB=1` turns every MongoDB test that would skip into a failure, so a CI
 * that is meant to test against a server cannot lose it (or a capability of it) and stay green.
 * Kept apart from support/mongo.ts so the in-memory contract suites need not load the driver.
 */
export const REQUIRE_MONGODB = 'EVENTSPEC_REQUIRE_MONGODB';

export function mongoRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[REQUIRE_MONGODB];
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new Error(`${REQUIRE_MONGODB} is "${value}": set it to 1 to make skipped MongoDB tests fail, or leave it unset (or 0) to let them skip`);
}

/** What a MongoDB test does when it cannot run here: skip with the reason, or fail when MongoDB is required. */
export function skipMongo(t: { skip(reason: string): void }, reason: string, env: NodeJS.ProcessEnv = process.env): void {
  if (mongoRequired(env)) {
    throw new Error(`${REQUIRE_MONGODB}=1, so this MongoDB test fails instead of skipping: ${reason}`);
  }
  t.skip(reason);
}
