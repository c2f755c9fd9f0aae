import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createCommandHandler, defineAggregate, defineCommand, defineDomain, defineEvent, defineProjection, inMemoryEventStore, phrase, specFor, z } from '../../src';
import type { DomainConfig } from '../../src';

const here = 'test/domain/checkWiring.test.ts';
const lines = readFileSync(__filename, 'utf8').split('\n');
/** The line of this file that holds `marker`: where a declaration below is written. */
const lineOf = (marker: string) => lines.findIndex((l) => l.includes(marker) && !l.includes('lineOf(')) + 1;

const MemberJoined = defineEvent('MemberJoined', z.object({ member: z.string(), club: z.string() }));
const Join = defineCommand('Join', z.object({ member: z.string() }));
const Member = defineAggregate({ name: 'Member', events: [MemberJoined], commands: [Join], initialState: {}, rejections: { AlreadyMember: 'Someone can join a club once.' } }).behavior({
  evolve: { MemberJoined: (s) => s },
  decide: { Join: ({ member }) => ({ type: 'MemberJoined', data: { member, club: 'chess' } }) },
});
const QueueJoined = defineEvent('QueueJoined', z.object({ member: z.string() }));
const Enqueue = defineCommand('Enqueue', z.object({ member: z.string() }));
const Queue = defineAggregate({
  name: 'Queue',
  events: [QueueJoined],
  commands: [Enqueue],
  initialState: { members: [] as string[] },
  rejections: { AlreadyQueued: 'Someone waits in a queue once.' },
}).behavior({
  evolve: { QueueJoined: (s, { member }) => ({ members: [...s.members, member] }) },
  decide: {
    Enqueue: ({ member }, state, { reject }) => {
      if (state.members.includes(member)) reject('AlreadyQueued');
      return { type: 'QueueJoined', data: { member } };
    },
  },
});

/** The one message defineDomain refuses the config with. */
function refusal(config: DomainConfig): string {
  try {
    defineDomain(config);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('defineDomain accepted the domain');
}

describe('defineDomain checks how the parts fit together', () => {
  it('accepts a domain whose parts fit', () => {
    assert.equal(defineDomain({ name: 'club', aggregates: [Member, Queue], phrasings: [phrase.when(Member, 'Join', '{actor} signs up {member} as {id}')] }).name, 'club');
  });

  it('names a phrasing about an aggregate the domain does not register, where it is written, and the fix', () => {
    const joins = phrase.when(Member, 'Join', '{member} joins as {id}'); // unregistered-aggregate
    assert.equal(
      refusal({ name: 'club', aggregates: [Queue], phrasings: [joins] }),
      'the club domain does not fit together:\n' +
        `  - When phrasing "{member} joins as {id}" (${here}:${lineOf('// unregistered-aggregate')}) is about the aggregate Member, which the club domain does not register: add it to defineDomain({ name: 'club', aggregates: [...] })`,
    );
  });

  it('names a phrasing placeholder that is close to a field but is none, instead of storing it as metadata', () => {
    const typo = phrase.given(Member, 'MemberJoined', '{membr} joined the {club} club as {id}'); // placeholder-typo
    assert.equal(
      refusal({ name: 'club', aggregates: [Member], phrasings: [typo] }),
      'the club domain does not fit together:\n' +
        `  - Given phrasing "{membr} joined the {club} club as {id}" (${here}:${lineOf('// placeholder-typo')}): {membr} is not a field of MemberJoined, so it would be stored as metadata — did you mean {member}? (a placeholder named like no field, such as {actor}, is metadata)`,
    );
  });

  it('names a projection over an event no aggregate records, and the aggregate that could', () => {
    const MemberLeft = defineEvent('MemberLeft', z.object({ member: z.string() }));
    const roster = defineProjection({ // projection-over-unknown
      name: 'Roster',
      readModels: { RosterEntry: z.object({ member: z.string() }) },
      from: [MemberJoined, MemberLeft],
      handlers: { MemberJoined: async () => {}, MemberLeft: async () => {} },
    });
    assert.equal(
      refusal({ name: 'club', aggregates: [Member, Queue], projections: [roster] }),
      'the club domain does not fit together:\n' +
        `  - projection Roster (${here}:${lineOf('// projection-over-unknown')}) reads the event MemberLeft, which no aggregate of the club domain records: add MemberLeft to the events of Member, or remove it from the projection's from`,
    );
  });

  it('names an event at a later version with no upcaster for an older one', () => {
    const Renamed = defineEvent('MemberRenamed', z.object({ name: z.string() }), { version: 2 });
    const Rename = defineCommand('Rename', z.object({ name: z.string() }));
    const Person = defineAggregate({ name: 'Person', events: [Renamed], commands: [Rename], initialState: {} }).behavior({
      evolve: { MemberRenamed: (s) => s },
      decide: { Rename: ({ name }) => ({ type: 'MemberRenamed', data: { name } }) },
    });
    assert.equal(
      refusal({ name: 'club', aggregates: [Person] }),
      'the club domain does not fit together:\n' +
        "  - event MemberRenamed of Person is at version 2, but nothing lifts version 1 to the next: events stored at that version could not be read. Give defineEvent('MemberRenamed', …) upcasters: [upcaster(1, <the v1 schema>, (data) => <v2 data>)], one per older version",
    );
  });
});

describe('rejections are the declared ones', () => {
  it('refuses a rejection name the aggregate does not declare, with the closest one and the fix', async () => {
    const Loose = defineAggregate({ name: 'Queue', events: [QueueJoined], commands: [Enqueue], initialState: {}, rejections: { AlreadyQueued: 'Someone waits in a queue once.' } }).behavior({
      evolve: { QueueJoined: (s) => s },
      // A name tsc would refuse, as a scenario run (which does not type-check) would meet it.
      decide: { Enqueue: (_c, _s, { reject }) => reject('AlreadyQueud' as 'AlreadyQueued') },
    });
    const handler = createCommandHandler({ domain: defineDomain({ name: 'club', aggregates: [Loose] }), store: inMemoryEventStore() });
    await assert.rejects(handler.handle({ aggregate: 'Queue', id: 'q-1', command: { type: 'Enqueue', data: { member: 'ann' } } }), {
      name: 'UndeclaredRejectionError',
      message:
        'Queue\'s decide for Enqueue rejects with "AlreadyQueud", which Queue does not declare — did you mean `AlreadyQueued`?; ' +
        "declare it in defineAggregate({ name: 'Queue', rejections: { AlreadyQueud: '<what it means, for the business>' } })",
    });
  });

  it('tells a rejection by its declared description when decide gives no message', async () => {
    const spec = specFor(Queue);
    const result = await spec.given([{ type: 'QueueJoined', data: { member: 'ann' } }]).when({ type: 'Enqueue', data: { member: 'ann' } }).result();
    assert.deepEqual(result.status === 'rejected' && [result.rejection, result.message], ['AlreadyQueued', 'Someone waits in a queue once.']);
  });

  it('types thenRejected by the declared rejections', async () => {
    const outcome = specFor(Queue).given([{ type: 'QueueJoined', data: { member: 'ann' } }]).when({ type: 'Enqueue', data: { member: 'ann' } });
    await outcome.thenRejected('AlreadyQueued');
    // @ts-expect-error — not a rejection Queue declares; `tsc --noEmit` fails if this line type-checks
    await assert.rejects(() => outcome.thenRejected('AlreadyQueue'));
  });
});
