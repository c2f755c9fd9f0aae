import { tableText as table } from '../../testing/tableText';
import type { Names } from './names';

/**
 * A starter aggregate: opened with a title, closed once. Small enough to read at a glance, and
 * it shows each part a real one has: contracts, state schema, rejections, evolve and decide.
 */
export function aggregateSource(n: Names): string {
  const { pascal: N } = n;
  return `import { defineAggregate, defineCommand, defineEvent, z } from 'eventspec';

// Commands: what someone asks of ${n.article} ${n.words}.
export const Open${N} = defineCommand('Open${N}', z.object({ title: z.string().min(1) }), {
  description: 'Start ${n.article} ${n.words} with a title.',
  example: { title: 'My first ${n.words}' },
});
export const Close${N} = defineCommand('Close${N}', z.object({ reason: z.string().optional() }), {
  description: 'Finish ${n.article} ${n.words}.',
});

// Events: what happened to it. Stored forever, so change them with a new version and an upcaster.
export const ${N}Opened = defineEvent('${N}Opened', z.object({ title: z.string().min(1) }), {
  description: '${capitalize(n.article)} ${n.words} was started.',
  example: { title: 'My first ${n.words}' },
});
export const ${N}Closed = defineEvent('${N}Closed', z.object({ reason: z.string() }), {
  description: '${capitalize(n.article)} ${n.words} was finished.',
  example: { reason: 'done' },
});

const ${N}State = z.object({
  status: z.enum(['new', 'open', 'closed']),
  title: z.string(),
});

export const ${N} = defineAggregate({
  name: '${N}',
  description: '${capitalize(n.article)} ${n.words}, from opening it to closing it.',
  events: [${N}Opened, ${N}Closed],
  commands: [Open${N}, Close${N}],
  state: ${N}State,
  initialState: { status: 'new', title: '' },
  rejections: {
    ${N}AlreadyOpened: '${capitalize(n.article)} ${n.words} can be opened only once.',
    ${N}NotOpen: 'Only an open ${n.words} can be closed.',
  },
}).behavior({
  evolve: {
    ${N}Opened: (state, { title }) => ({ ...state, status: 'open', title }),
    ${N}Closed: (state) => ({ ...state, status: 'closed' }),
  },
  decide: {
    Open${N}: ({ title }, state, { reject }) => {
      if (state.status !== 'new') reject('${N}AlreadyOpened', 'this ${n.words} was opened before');
      return { type: '${N}Opened', data: { title } };
    },
    Close${N}: ({ reason }, state, { reject }) => {
      if (state.status !== 'open') reject('${N}NotOpen', 'open the ${n.words} first, and close it once');
      return { type: '${N}Closed', data: { reason: reason ?? 'done' } };
    },
  },
});
`;
}

/** The starter aggregate's names, as aggregateSource writes them: what the editor file lists. */
export function starterAggregateNames(n: Names) {
  const { pascal: N } = n;
  return {
    name: N,
    commands: [{ name: `Open${N}` }, { name: `Close${N}` }],
    events: [{ name: `${N}Opened` }, { name: `${N}Closed` }],
    rejections: { [`${N}AlreadyOpened`]: '', [`${N}NotOpen`]: '' },
  };
}

/** Scenarios for the starter aggregate, in the kit's vocabulary; they pass as generated. */
export function aggregateFeature(n: Names): string {
  const { pascal: N, sampleId: id } = n;
  const title = 'Write the first scenario';
  const pad = '      ';
  return `Feature: ${capitalize(n.words)}
  ${capitalize(n.article)} ${n.words} is opened with a title and closed when it is done.

  Scenario: ${capitalize(n.article)} ${n.words} can be opened
    When ${N} "${id}" is sent Open${N}:
${table([['title', title]], pad)}
    Then ${N} "${id}" records:
${table([['event', 'title'], [`${N}Opened`, title]], pad)}
    And ${N} "${id}" has state:
${table([['status', 'open'], ['title', title]], pad)}

  Scenario: An open ${n.words} can be closed
    Given ${N} "${id}" has recorded ${N}Opened
    When ${N} "${id}" is sent Close${N}
    Then ${N} "${id}" records ${N}Closed
    And ${N} "${id}" has state:
${table([['status', 'closed']], pad)}

  Scenario: A closed ${n.words} cannot be closed again
    Given ${N} "${id}" has recorded ${N}Opened, ${N}Closed
    When ${N} "${id}" is sent Close${N}
    Then the command is rejected with "${N}NotOpen"
    And ${N} "${id}" records nothing
`;
}

function capitalize(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
