import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { carriesToken } from '../../src/service/bearerAuth';
import { logCollector, startService } from './serviceHarness';

const TOKEN = 's3cret-token-value';

describe('the service: bearer token', () => {
  it('refuses a command without the token, or with another, with 401 and stores nothing; accepts it with the token', async () => {
    const s = await startService({ token: TOKEN });
    try {
      const none = await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' } });
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="eventspec"');
      assert.equal(none.json.type, 'urn:eventspec:problem:unauthenticated');
      const wrong = await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' }, headers: { authorization: 'Bearer s3cret' } });
      assert.equal(wrong.status, 401);
      assert.equal(await s.events.streamVersion('Order-o-1'), 0);
      const right = await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' }, headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(right.status, 200, right.text);
      // Reads stay open unless asked.
      assert.equal((await s.call('GET', '/aggregates/Order/o-1')).status, 200);
    } finally {
      await s.close();
    }
  });

  it('asks reads for the token when configured, but never health and readiness', async () => {
    const s = await startService({ token: TOKEN, authenticateReads: true });
    try {
      assert.equal((await s.call('GET', '/aggregates/Order/o-1')).status, 401);
      assert.equal((await s.call('GET', '/metrics')).status, 401);
      // Past the token check: o-1 was never created, so 404 (not 401).
      assert.equal((await s.call('GET', '/aggregates/Order/o-1', { headers: { authorization: `Bearer ${TOKEN}` } })).status, 404);
      assert.equal((await s.call('GET', '/health')).status, 200);
      assert.equal((await s.call('GET', '/ready')).status, 200);
    } finally {
      await s.close();
    }
  });

  it('never writes the token to the log, whatever the log level', async () => {
    const { stream, text: logged } = logCollector();
    const s = await startService({ token: TOKEN, logger: { level: 'trace', stream, serializers: { req: (req: { headers: unknown }) => ({ headers: req.headers }) } } });
    try {
      await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' }, headers: { authorization: `Bearer ${TOKEN}` } });
      await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' }, headers: { authorization: `Bearer ${TOKEN}x` } });
    } finally {
      await s.close();
    }
    assert.match(logged(), /authorization/, 'the headers were logged (the serializer above asks for them)');
    assert.doesNotMatch(logged(), /s3cret/);
  });

  it('compares tokens whole: a prefix, another scheme or trailing text is not the token', () => {
    assert.equal(carriesToken(`Bearer ${TOKEN}`, TOKEN), true);
    assert.equal(carriesToken(`bearer ${TOKEN}`, TOKEN), true);
    assert.equal(carriesToken(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN), false);
    assert.equal(carriesToken(`Basic ${TOKEN}`, TOKEN), false);
    assert.equal(carriesToken(`Bearer ${TOKEN} extra`, TOKEN), false);
    assert.equal(carriesToken(undefined, TOKEN), false);
  });
});
