import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Running } from './serviceHarness';
import { startService } from './serviceHarness';

const place = (customer = 'alice') => ({ body: { customer } });

describe('the service: commands over HTTP', () => {
  let s: Running;
  before(async () => {
    s = await startService();
  });
  after(async () => s.close());

  it('answers an accepted command with its events, the new version and the version as ETag', async () => {
    const answer = await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', place());
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.json.status, 'accepted');
    assert.equal(answer.json.version, 1);
    assert.equal(answer.headers.get('etag'), '"1"');
    const events = answer.json.events as { type: string; data: Record<string, unknown>; version: number }[];
    assert.deepEqual(events.map((e) => [e.type, e.version, e.data.customer, e.data.currency]), [['OrderPlaced', 1, 'alice', 'EUR']]);
    assert.equal(await s.events.streamVersion('Order-o-1'), 1);
  });

  it('answers a rejection as problem+json naming the rejection, and stores nothing', async () => {
    await s.call('POST', '/aggregates/Order/o-2/commands/PlaceOrder', place());
    const answer = await s.call('POST', '/aggregates/Order/o-2/commands/PlaceOrder', place('bob'));
    assert.equal(answer.status, 422);
    assert.equal(answer.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(answer.json.rejection, 'OrderAlreadyPlaced');
    assert.equal(answer.json.title, 'OrderAlreadyPlaced');
    assert.equal(answer.json.type, 'urn:eventspec:problem:rejection');
    assert.match(String(answer.json.detail), /already been placed/);
    assert.equal(await s.events.streamVersion('Order-o-2'), 1);
  });

  it('answers a retry with the same Idempotency-Key from the first outcome: one set of events', async () => {
    const headers = { 'idempotency-key': 'key-o-3' };
    const first = await s.call('POST', '/aggregates/Order/o-3/commands/PlaceOrder', { ...place(), headers });
    const second = await s.call('POST', '/aggregates/Order/o-3/commands/PlaceOrder', { ...place(), headers });
    assert.equal(first.status, 200);
    assert.equal(second.status, 200, second.text);
    assert.equal(first.json.replayed, false);
    assert.equal(second.json.replayed, true);
    assert.equal(second.json.commandId, 'key-o-3');
    assert.deepEqual(second.json.events, first.json.events);
    assert.equal((await s.events.readStream('Order-o-3')).length, 1);
  });

  it('refuses the same Idempotency-Key with other data, storing nothing more', async () => {
    const headers = { 'idempotency-key': 'key-o-4' };
    await s.call('POST', '/aggregates/Order/o-4/commands/PlaceOrder', { ...place(), headers });
    const other = await s.call('POST', '/aggregates/Order/o-4/commands/PlaceOrder', { ...place('carol'), headers });
    assert.equal(other.status, 422);
    assert.equal(other.json.type, 'urn:eventspec:problem:command-id-reused');
    assert.match(String(other.json.detail), /already used .* with other data; a new command needs a new id$/);
    // The first request's data is another client's: not told back, nor its stream.
    assert.doesNotMatch(other.text, /alice|carol/);
    const elsewhere = await s.call('POST', '/aggregates/Order/o-secret/commands/PlaceOrder', { ...place(), headers });
    assert.equal(elsewhere.status, 422);
    assert.equal(elsewhere.json.detail, 'command id key-o-4 was already used for another command or stream; a new command needs a new id');
    assert.equal(await s.events.streamVersion('Order-o-4'), 1);
  });

  it('refuses a stale If-Match with 412 (a failed precondition) and the version the stream is at, also as ETag', async () => {
    await s.call('POST', '/aggregates/Order/o-5/commands/PlaceOrder', place());
    await s.call('POST', '/aggregates/Order/o-5/commands/AddItem', { body: { sku: 'BOOK-1', price: 10 } });
    const stale = await s.call('POST', '/aggregates/Order/o-5/commands/AddItem', { body: { sku: 'PEN', price: 2 }, headers: { 'if-match': '"1"' } });
    assert.equal(stale.status, 412);
    assert.equal(stale.headers.get('etag'), '"2"');
    assert.equal(stale.json.actualVersion, 2);
    assert.match(String(stale.json.detail), /If-Match: "2"/);
    const current = await s.call('POST', '/aggregates/Order/o-5/commands/AddItem', { body: { sku: 'PEN', price: 2 }, headers: { 'if-match': '"2"' } });
    assert.equal(current.status, 200, current.text);
    assert.equal(current.json.version, 3);
  });

  it('refuses an If-Match that is not a version, saying what to send', async () => {
    const answer = await s.call('POST', '/aggregates/Order/o-6/commands/PlaceOrder', { ...place(), headers: { 'if-match': '*' } });
    assert.equal(answer.status, 400);
    assert.match(String(answer.json.detail), /If-Match "\*" is not a stream version/);
    // A weak tag never matches If-Match: said, rather than taken as the version.
    const weak = await s.call('POST', '/aggregates/Order/o-6/commands/PlaceOrder', { ...place(), headers: { 'if-match': 'W/"0"' } });
    assert.equal(weak.status, 400);
    assert.equal(weak.json.detail, 'If-Match "W/\\"0\\"" is a weak tag, which never matches; send the ETag as the service answered it, e.g. If-Match: "3"');
    assert.equal(await s.events.streamVersion('Order-o-6'), 0);
  });

  it('answers 405 with Allow for a route taken with another method, and a very long id as any other', async () => {
    const get = await s.call('GET', '/aggregates/Order/o-1/commands/PlaceOrder');
    assert.equal(get.status, 405, get.text);
    assert.equal(get.headers.get('allow'), 'POST');
    const put = await s.call('PUT', '/aggregates/Order/o-1');
    assert.equal(put.status, 405);
    assert.equal(put.headers.get('allow'), 'GET, HEAD');
    assert.equal((await s.call('GET', '/nowhere')).status, 404);
    const id = 'x'.repeat(300);
    const long = await s.call('POST', `/aggregates/Order/${id}/commands/PlaceOrder`, place());
    assert.equal(long.status, 200, long.text);
    assert.equal(long.json.streamId, `Order-${id}`);
    const tooLong = await s.call('GET', `/aggregates/Order/${'y'.repeat(3000)}`);
    assert.equal(tooLong.status, 414);
    assert.equal(tooLong.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(tooLong.json.type, 'urn:eventspec:problem:uri-too-long');
    assert.doesNotMatch(tooLong.text, /yyyy/);
  });

  it('refuses a bad body with 400 naming the field, and stores nothing', async () => {
    const answer = await s.call('POST', '/aggregates/Order/o-7/commands/PlaceOrder', { body: { customer: 'alice', amount: 'lots' } });
    assert.equal(answer.status, 400);
    assert.equal(answer.json.field, 'amount');
    assert.match(String(answer.json.detail), /PlaceOrder/);
    assert.match(String(answer.json.detail), /amount/);
    assert.equal(await s.events.streamVersion('Order-o-7'), 0);
  });

  it('refuses JSON that does not parse, without a JavaScript error in the answer', async () => {
    const answer = await s.call('POST', '/aggregates/Order/o-8/commands/PlaceOrder', { raw: '{"customer": ' });
    assert.equal(answer.status, 400);
    assert.match(String(answer.json.detail), /not valid JSON/);
    assert.doesNotMatch(answer.text, /SyntaxError|at JSON\.parse/);
    // The fix shows the command's own fields.
    const deposit = await s.call('POST', '/aggregates/Account/a-8/commands/Deposit', { raw: '{"amount": ' });
    assert.equal(deposit.json.detail, 'the body is not valid JSON; send Deposit\'s fields as a JSON object, e.g. {"amount":100}');
  });

  for (const [what, raw] of [
    ['__proto__', '{"customer":"alice","__proto__":{"polluted":true}}'],
    ['constructor.prototype', '{"customer":"alice","nested":{"constructor":{"prototype":{"polluted":true}}}}'],
  ] as const) {
    it(`refuses a body with ${what}, naming the key, and stores nothing`, async () => {
      const answer = await s.call('POST', '/aggregates/Order/o-9/commands/PlaceOrder', { raw });
      assert.equal(answer.status, 400, answer.text);
      assert.match(String(answer.json.detail), new RegExp(`\`${what.replace('.', '\\.')}\``));
      assert.equal(await s.events.streamVersion('Order-o-9'), 0);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  }

  it('refuses a field the command does not have (zod would drop it), naming the closest, and stores nothing', async () => {
    const answer = await s.call('POST', '/aggregates/Order/o-20/commands/PlaceOrder', { body: { customer: 'alice', curency: 'USD' } });
    assert.equal(answer.status, 400, answer.text);
    assert.equal(answer.json.type, 'urn:eventspec:problem:invalid-data');
    assert.equal(answer.json.field, 'curency');
    assert.equal(answer.json.detail, "PlaceOrder has no field `curency` — did you mean `currency`?; send only the command's fields");
    assert.equal(await s.events.streamVersion('Order-o-20'), 0);
  });

  it('puts X-Event-Metadata onto the events, and refuses one that is not a JSON object, saying how to write it', async () => {
    const ok = await s.call('POST', '/aggregates/Order/o-21/commands/PlaceOrder', { ...place(), headers: { 'x-event-metadata': '{"user":"ann"}' } });
    assert.equal(ok.status, 200, ok.text);
    assert.equal((ok.json.events as { metadata: Record<string, unknown> }[])[0]!.metadata.user, 'ann');
    const broken = await s.call('POST', '/aggregates/Order/o-22/commands/PlaceOrder', { ...place(), headers: { 'x-event-metadata': '{user: ann}' } });
    assert.equal(broken.status, 400);
    assert.equal(broken.json.detail, 'the header X-Event-Metadata is not valid JSON (at character 2); send the metadata for the events as a JSON object, e.g. {"user":"alice"}');
    const list = await s.call('POST', '/aggregates/Order/o-22/commands/PlaceOrder', { ...place(), headers: { 'x-event-metadata': '["ann"]' } });
    assert.equal(list.status, 400);
    assert.match(String(list.json.detail), /^X-Event-Metadata must be a JSON object/);
    assert.equal(await s.events.streamVersion('Order-o-22'), 0);
  });

  it('names an unknown aggregate or command with 404 and the closest name', async () => {
    const aggregate = await s.call('POST', '/aggregates/Ordr/o-1/commands/PlaceOrder', place());
    assert.equal(aggregate.status, 404);
    assert.match(String(aggregate.json.detail), /did you mean `Order`/);
    const command = await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrdr', place());
    assert.equal(command.status, 404);
    assert.match(String(command.json.detail), /did you mean `PlaceOrder`/);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const answer = await s.call('POST', '/aggregates/Order/o-10/commands/PlaceOrder', { raw: 'customer=alice', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(answer.status, 415);
    assert.equal(answer.json.type, 'urn:eventspec:problem:media-type');
    const text = await s.call('POST', '/aggregates/Order/o-10/commands/PlaceOrder', { raw: 'hello', headers: { 'content-type': 'text/plain' } });
    assert.deepEqual([text.status, text.json.type], [415, 'urn:eventspec:problem:media-type']);
  });

  it('sends a command without a body as one with no fields (its defaults)', async () => {
    await s.call('POST', '/aggregates/Order/o-11/commands/PlaceOrder', place());
    const answer = await s.call('POST', '/aggregates/Order/o-11/commands/CancelOrder');
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual((answer.json.events as { type: string }[]).map((e) => e.type), ['OrderCancelled']);
  });

  it('carries X-Correlation-Id and X-Causation-Id onto the recorded events', async () => {
    const answer = await s.call('POST', '/aggregates/Order/o-12/commands/PlaceOrder', { ...place(), headers: { 'x-correlation-id': 'corr-1', 'x-causation-id': 'cause-1' } });
    const [event] = answer.json.events as { metadata: Record<string, unknown> }[];
    assert.equal(event!.metadata.correlationId, 'corr-1');
    assert.equal(event!.metadata.causationId, 'cause-1');
  });
});

describe('the service: body limit', () => {
  it('refuses a body over the limit with 413 and stores nothing', async () => {
    const s = await startService({ bodyLimit: 1024 });
    try {
      const answer = await s.call('POST', '/aggregates/Order/big/commands/PlaceOrder', { body: { customer: 'x'.repeat(2000) } });
      assert.equal(answer.status, 413);
      assert.equal(answer.json.type, 'urn:eventspec:problem:body-too-large');
      assert.equal(await s.events.streamVersion('Order-big'), 0);
    } finally {
      await s.close();
    }
  });
});
