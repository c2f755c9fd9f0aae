import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineAggregate, defineCommand, defineDomain, defineEvent, z } from '../../src';
import { createScenario, memoryScenarioStores } from '../../src/testing';

const Tagged = defineEvent('Tagged', z.object({ tag: z.string() }));
const Tag = defineCommand('Tag', z.object({ tag: z.string() }));
// A Set in the state: MongoDB cannot store it, so neither store keeps a snapshot of it.
const Board = defineAggregate({ name: 'Board', events: [Tagged], commands: [Tag], initialState: { tags: new Set<string>() }, snapshot: { every: 2 } }).behavior({
  evolve: { Tagged: (s, { tag }) => ({ tags: new Set([...s.tags, tag]) }) },
  decide: { Tag: ({ tag }) => ({ type: 'Tagged', data: { tag } }) },
});
const domain = defineDomain({ name: 'boards', aggregates: [Board] });

describe('a scenario whose aggregate state cannot be snapshotted', () => {
  it('fails the command that crosses the snapshot interval, naming the stream, version and field', async () => {
    const scenario = createScenario({ domain, stores: await memoryScenarioStores.create({ clock: { now: () => new Date() }, scenario: 't' }) });
    assert.equal((await scenario.send(Board, 'b-1', { type: 'Tag', data: { tag: 'a' } })).status, 'accepted');
    await assert.rejects(scenario.send(Board, 'b-1', { type: 'Tag', data: { tag: 'b' } }), /snapshot of stream "Board-b-1" at version 2: state\.tags is a Set/);
  });
});
