import type { CommandContract, EventContract } from '../contracts/contract';
import type { Domain } from '../domain/defineDomain';
import type { AggregateDoc, ContractDoc, FlowDoc, ScenarioDoc } from './docsData';
import { exploreFlows } from './exploreFlows';
import { schemaDoc } from './schemaDoc';

export interface Catalog {
  readonly aggregates: AggregateDoc[];
  readonly events: ContractDoc[];
  readonly commands: ContractDoc[];
}

/**
 * The words among `names` that a scenario's steps and tables use, in the order they first appear:
 * which types, processes or read models it names. Only those are kept (20,000 scenarios have
 * millions of words, and sets of all of them were a tenth of the documenting).
 */
export function wordsOf(scenario: ScenarioDoc, names: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const match of text.matchAll(/[A-Za-z][A-Za-z0-9_]*/g)) if (names.has(match[0])) words.add(match[0]);
  };
  for (const step of scenario.steps) {
    add(step.text);
    for (const row of step.table ?? []) for (const cell of row) add(cell);
  }
  return words;
}

/**
 * The domain registry as catalogs (events, commands, aggregates), each entry linked to the
 * scenarios that recorded or named it. `phrasingTypes` maps scenario → types its steps reach
 * through domain phrasings (which need not name the type).
 */
export function domainCatalog(domain: Domain | undefined, scenarios: readonly ScenarioDoc[], phrasingTypes: ReadonlyMap<number, ReadonlySet<string>>): Catalog {
  if (!domain) return { aggregates: [], events: [], commands: [] };
  const names = new Set(domain.aggregates.flatMap((a) => [...a.events.map((e) => e.name), ...a.commands.map((c) => c.name), ...Object.keys(a.rejections)]));
  const words = scenarios.map((s) => {
    const w = wordsOf(s, names);
    for (const t of phrasingTypes.get(s.id) ?? []) w.add(t);
    return w;
  });
  const named = new Map<string, number[]>();
  for (const s of scenarios) {
    for (const word of words[s.id]!) {
      const ids = named.get(word);
      if (ids) ids.push(s.id);
      else named.set(word, [s.id]);
    }
  }
  const mentionedIn = (name: string) => [...(named.get(name) ?? [])];
  const recordedIn = new Map<string, number[]>();
  for (const s of scenarios) {
    for (const type of new Set(s.events.map((e) => e.type))) {
      const list = recordedIn.get(type);
      if (list) list.push(s.id);
      else recordedIn.set(type, [s.id]);
    }
  }

  const events: ContractDoc[] = [];
  const commands: ContractDoc[] = [];
  const aggregates: AggregateDoc[] = [];
  for (const aggregate of domain.aggregates) {
    // Events and commands are documented alike; only events have upcasters and recordings.
    const doc = (c: EventContract | CommandContract): ContractDoc => ({
      kind: c.kind,
      name: c.name,
      aggregate: aggregate.name,
      ...(c.description !== undefined ? { description: c.description } : {}),
      version: c.version,
      schema: schemaDoc(c.schema),
      ...(c.example !== undefined ? { example: c.example } : {}),
      upcasters: c.kind === 'event' ? c.upcasters.map((u) => ({ from: u.from, to: u.from + 1, schema: schemaDoc(u.schema) })) : [],
      recordedIn: c.kind === 'event' ? (recordedIn.get(c.name) ?? []) : [],
      mentionedIn: mentionedIn(c.name),
    });
    events.push(...aggregate.events.map(doc));
    commands.push(...aggregate.commands.map(doc));
    const flows = mergeFlows(
      aggregate.commands.map((c) => c.name),
      exploreFlows(aggregate),
      observedFlows(scenarios, words, new Set(aggregate.commands.map((c) => c.name)), new Set(Object.keys(aggregate.rejections))),
    );
    aggregates.push({
      name: aggregate.name,
      ...(aggregate.description !== undefined ? { description: aggregate.description } : {}),
      commands: aggregate.commands.map((c) => c.name),
      events: aggregate.events.map((e) => e.name),
      rejections: Object.entries(aggregate.rejections).map(([name, description]) => ({ name, description, seenIn: mentionedIn(name) })),
      invariants: aggregate.invariants.map((i) => i.name),
      ...(aggregate.snapshot ? { snapshotEvery: aggregate.snapshot.every } : {}),
      flows,
      diagram: diagramOf(aggregate.name, flows, aggregate.events.map((e) => e.name)),
    });
  }
  return { aggregates, events, commands };
}

interface Observed {
  events: Set<string>;
  rejections: Set<string>;
}

/**
 * Flows seen in the run: the events a scenario recorded under a command's id belong to that
 * command when the scenario sends one command, or as many commands as there are command ids.
 */
function observedFlows(scenarios: readonly ScenarioDoc[], words: readonly Set<string>[], commandNames: Set<string>, rejectionNames: Set<string>): Map<string, Observed> {
  const out = new Map<string, Observed>();
  const at = (command: string) => {
    let o = out.get(command);
    if (!o) out.set(command, (o = { events: new Set(), rejections: new Set() }));
    return o;
  };
  for (const s of scenarios) {
    if (s.status !== 'passed') continue;
    const sent: string[] = [];
    for (const step of s.steps) {
      for (const match of step.text.matchAll(/[A-Za-z][A-Za-z0-9_]*/g)) if (commandNames.has(match[0])) sent.push(match[0]);
    }
    const phrased = [...words[s.id]!].filter((w) => commandNames.has(w) && !sent.includes(w));
    sent.push(...phrased);
    if (sent.length === 0) continue;
    const byCommand = new Map<string, string[]>();
    for (const e of s.events) {
      const commandId = (e.metadata as { commandId?: unknown } | undefined)?.commandId;
      if (typeof commandId !== 'string') continue;
      const list = byCommand.get(commandId);
      if (list) list.push(e.type);
      else byCommand.set(commandId, [e.type]);
    }
    const groups = [...byCommand.values()];
    if (sent.length === 1) {
      for (const type of groups.flat()) at(sent[0]!).events.add(type);
      for (const step of s.steps) {
        const rejected = /rejected with "([^"]+)"/.exec(step.text)?.[1];
        if (rejected !== undefined && rejectionNames.has(rejected)) at(sent[0]!).rejections.add(rejected);
      }
    } else if (groups.length === sent.length) {
      groups.forEach((types, i) => types.forEach((t) => at(sent[i]!).events.add(t)));
    }
  }
  return out;
}

function mergeFlows(commands: readonly string[], explored: ReadonlyMap<string, { events: Set<string>; rejections: Set<string> }>, observed: ReadonlyMap<string, Observed>): FlowDoc[] {
  return commands.map((command) => {
    const a = explored.get(command);
    const b = observed.get(command);
    const fromA = (a?.events.size ?? 0) + (a?.rejections.size ?? 0) > 0;
    const fromB = (b?.events.size ?? 0) + (b?.rejections.size ?? 0) > 0;
    return {
      command,
      events: [...new Set([...(a?.events ?? []), ...(b?.events ?? [])])],
      rejections: [...new Set([...(a?.rejections ?? []), ...(b?.rejections ?? [])])],
      source: fromA && fromB ? 'both' : fromB ? 'observed' : 'explored',
    };
  });
}

/** Mermaid source; ids and labels keep only safe characters, so no user text reaches the diagram parser raw. */
export function diagramOf(aggregate: string, flows: readonly FlowDoc[], events: readonly string[]): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_ .-]/g, '_');
  const id = (prefix: string, s: string) => `${prefix}_${s.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const lines = ['flowchart LR', `  subgraph ${id('A', aggregate)}["${safe(aggregate)}"]`];
  const drawn = new Set<string>();
  for (const flow of flows) {
    const c = id('C', flow.command);
    lines.push(`    ${c}["${safe(flow.command)}"]:::command`);
    for (const e of flow.events) {
      lines.push(`    ${c} --> ${id('E', e)}(["${safe(e)}"]):::event`);
      drawn.add(e);
    }
    for (const r of flow.rejections) lines.push(`    ${c} -. rejects .-> ${id('R', r)}{{"${safe(r)}"}}:::rejection`);
  }
  for (const e of events) if (!drawn.has(e)) lines.push(`    ${id('E', e)}(["${safe(e)}"]):::event`);
  lines.push('  end');
  lines.push('  classDef command fill:#dbeafe,stroke:#1d4ed8,color:#0f172a');
  lines.push('  classDef event fill:#ffedd5,stroke:#c2410c,color:#0f172a');
  lines.push('  classDef rejection fill:#fee2e2,stroke:#b91c1c,color:#0f172a');
  return lines.join('\n');
}
