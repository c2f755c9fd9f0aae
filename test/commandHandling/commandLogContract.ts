import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CommandLog, CommandResult } from '../../src';
import { skipMongo } from '../support/requireMongo';

export interface CommandLogFactory {
  /** A log that sees no other test's commands. */
  create(): Promise<CommandLog>;
  unavailable?: () => Promise<string | undefined>;
}

let counter = 0;
const freshId = (prefix = 'cmd') => `${prefix}-${process.pid}-${++counter}`;

const accepted = (commandId: string): Extract<CommandResult, { status: 'accepted' }> => ({
  commandId,
  aggregate: 'Account',
  streamId: 'Account-a-1',
  command: 'Deposit',
  replayed: false,
  fingerprint: '{"amount":10}',
  status: 'accepted',
  version: 2,
  events: [
    {
      id: `${commandId}:1`,
      type: 'MoneyDeposited',
      schemaVersion: 1,
      data: { amount: 10, odd: { $set: 1, 'a.b': [1, null] } },
      metadata: { occurredAt: '2025-03-01T10:00:00.000Z', recordedAt: '2025-03-01T10:00:00.000Z', commandId },
      streamId: 'Account-a-1',
      version: 2,
      position: 7,
    },
  ],
});

/** The meaning of `CommandLog`: every log runs exactly this suite. */
export function commandLogContract(name: string, factory: CommandLogFactory): void {
  describe(`command log contract: ${name}`, () => {
    let log: CommandLog;
    let skipReason: string | undefined;
    before(async () => {
      skipReason = await factory.unavailable?.();
      if (skipReason) {
        console.log(`\n*** SKIPPED command log contract on ${name}: ${skipReason} ***\n`);
        return;
      }
      log = await factory.create();
    });
    after(async () => log?.close?.());
    const test = (title: string, body: () => Promise<void>) =>
      it(title, async (t) => {
        if (skipReason) return skipMongo(t, skipReason);
        await body();
      });

    test('an unknown command id has no answer', async () => {
      assert.equal(await log.get(freshId()), undefined);
    });

    test('gives back an accepted answer exactly, events and odd keys included', async () => {
      const result = accepted(freshId());
      await log.record(result);
      assert.deepEqual(await log.get(result.commandId), result);
    });

    test('gives back a rejection exactly', async () => {
      const commandId = freshId();
      const result: CommandResult = {
        commandId, aggregate: 'Account', streamId: 'Account-a-1', command: 'Withdraw', replayed: false,
        status: 'rejected', rejection: 'InsufficientFunds', message: 'balance is 0',
      };
      await log.record(result);
      assert.deepEqual(await log.get(commandId), result);
    });

    test('keeps the first answer recorded for an id', async () => {
      const first = accepted(freshId());
      await log.record(first);
      await log.record({ ...first, version: 99 });
      const kept = await log.get(first.commandId);
      assert.equal(kept?.status === 'accepted' && kept.version, 2);
    });

    for (const hostile of ['$where', '{"$gt": ""}', 'a.b', '__proto__']) {
      test(`command id ${JSON.stringify(hostile)} is data`, async () => {
        const commandId = `${hostile}-${freshId()}`;
        await log.record(accepted(commandId));
        assert.equal((await log.get(commandId))?.commandId, commandId);
        assert.equal(await log.get(hostile), undefined);
      });
    }
  });
}
