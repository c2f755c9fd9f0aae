import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { memoryScenarioStores } from '../../src/testing';
import { createScenario } from '../../src/testing/scenario';
import { controllableClock, sequentialIds } from '../../src';
import { domain } from '../../src/domains';
import { Order } from '../../src/domains/ordering/order';
import type { ScenarioServer } from '../../src/service';
import { scenarioServer } from '../../src/service';

describe('the http transport of scenarios', () => {
  let server: ScenarioServer;
  before(async () => {
    server = scenarioServer(domain);
    await server.start();
  });
  after(async () => server.close());

  const scenario = async () => {
    const clock = controllableClock();
    const stores = await memoryScenarioStores.create({ clock, scenario: 'http' });
    return createScenario({ domain, stores, clock, ids: sequentialIds(), transport: server.transport });
  };

  it('sends commands and reads state over HTTP, each scenario on its own stores', async () => {
    const one = await scenario();
    const two = await scenario();
    const accepted = await one.send(Order, 'o-1', { type: 'PlaceOrder', data: { customer: 'alice' } }, { metadata: { user: 'zoë' } });
    assert.equal(accepted.status, 'accepted');
    assert.equal(accepted.status === 'accepted' && accepted.events[0]!.metadata.user, 'zoë');
    const rejected = await one.send(Order, 'o-1', { type: 'PlaceOrder', data: { customer: 'bob' } });
    assert.deepEqual(rejected.status === 'rejected' && [rejected.rejection, rejected.streamId], ['OrderAlreadyPlaced', 'Order-o-1']);
    assert.equal(((await one.load(Order, 'o-1')).state as { customer: string }).customer, 'alice');
    assert.equal((await two.load(Order, 'o-1')).version, 0);
    await one.stores.dispose();
    await two.stores.dispose();
  });

  it('tells a refused command in the service\'s words', async () => {
    const one = await scenario();
    await assert.rejects(one.send(Order, 'o-1', { type: 'PlaceOrder', data: { customer: 5 } }), (error: Error) => {
      assert.equal(error.name, 'ServiceProblem');
      assert.match(error.message, /PlaceOrder .* is invalid — customer/);
      return true;
    });
    await one.stores.dispose();
  });

  it('reads read models over HTTP: with the server gone, the reads fail', async () => {
    const own = scenarioServer(domain);
    await own.start();
    const clock = controllableClock();
    const s = createScenario({ domain, stores: await memoryScenarioStores.create({ clock, scenario: 'gone' }), clock, transport: own.transport });
    await s.send(Order, 'o-1', { type: 'PlaceOrder', data: { customer: 'alice' } });
    await s.readSide!.runner.caughtUp();
    assert.equal(((await s.readSide!.readModels.get('OrderSummary', 'alice')) as { orders: number }).orders, 1);
    assert.equal(await s.readSide!.readModels.get('OrderSummary', 'zoe'), undefined);
    assert.deepEqual((await s.readSide!.readModels.find('CustomerOrder', { status: 'open' })).map((d) => d.id), ['o-1']);
    await own.close();
    await assert.rejects(s.readSide!.readModels.get('OrderSummary', 'alice'), /cannot reach the service at http:\/\/127\.0\.0\.1:\d+ \([A-Z_]+\)/);
    await assert.rejects(s.send(Order, 'o-2', { type: 'PlaceOrder', data: { customer: 'alice' } }), /cannot reach the service/);
    await s.stores.dispose();
  });

  it('forgets a scenario once its stores are released', async () => {
    const one = await scenario();
    await one.stores.dispose();
    await assert.rejects(one.load(Order, 'o-1'), /no scenario "s\d+" is being served/);
  });
});
