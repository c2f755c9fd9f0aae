import type { Domain } from '../domain/defineDomain';
import type { AnyProcess } from '../processes/defineProcess';
import { isProcess } from '../processes/defineProcess';
import type { ProcessDoc, ScenarioDoc } from './docsData';
import { wordsOf } from './domainCatalog';

/**
 * Each process and policy of the domain: what it reacts to (declared), what it was seen to send
 * (from the run), which scenarios cover it, and which of its reactions no scenario exercised.
 */
export function processCatalog(domain: Domain | undefined, scenarios: readonly ScenarioDoc[]): ProcessDoc[] {
  const processes = (domain?.processes ?? []).filter(isProcess);
  if (processes.length === 0) return [];
  const names = new Set(processes.map((p) => p.name));
  const words = scenarios.map((s) => wordsOf(s, names));
  return processes.map((process) => {
    const sends = new Map<string, ProcessDoc['sends'][number] & { outcomes: string[]; scenarios: number[] }>();
    const coveredBy = new Set<number>();
    for (const scenario of scenarios) {
      for (const sent of scenario.sent ?? []) {
        if (sent.process !== process.name) continue;
        coveredBy.add(scenario.id);
        const key = `${sent.trigger.kind} ${sent.trigger.name} ${sent.aggregate} ${sent.command}`;
        const entry = sends.get(key) ?? { trigger: sent.trigger, aggregate: sent.aggregate, command: sent.command, outcomes: [], scenarios: [] };
        if (!entry.outcomes.includes(sent.outcome)) entry.outcomes.push(sent.outcome);
        if (!entry.scenarios.includes(scenario.id)) entry.scenarios.push(scenario.id);
        sends.set(key, entry);
      }
      if (words[scenario.id]!.has(process.name)) coveredBy.add(scenario.id);
    }
    const covering = scenarios.filter((s) => coveredBy.has(s.id));
    const seen = [...sends.values()];
    const reactsTo = process.from.map((e) => e.name);
    const compensates = Object.keys(process.whenRejected);
    const uncovered = [
      // A reaction may send nothing (a payment that completes the order): an event of its type in a covering scenario counts.
      ...reactsTo.filter((e) => !covering.some((s) => s.events.some((r) => r.type === e))).map((e) => `the reaction to ${e}`),
      ...process.deadlines.filter((d) => !seen.some((s) => s.trigger.kind === 'deadline' && s.trigger.name === d)).map((d) => `the deadline ${d}`),
      ...compensates.filter((c) => !seen.some((s) => s.trigger.kind === 'refusal' && s.trigger.name === c)).map((c) => `the compensation when ${c} is refused`),
    ];
    return {
      name: process.name,
      ...(process.description !== undefined ? { description: process.description } : {}),
      kind: process.stateless ? 'policy' : 'process',
      reactsTo,
      startedBy: [...process.startedBy],
      deadlines: [...process.deadlines],
      compensates,
      sends: seen,
      coveredBy: [...coveredBy].sort((a, b) => a - b),
      uncovered,
      diagram: processDiagram(process, domain!, seen),
    };
  });
}

/** events (grouped by aggregate) → the process → the commands it sends (grouped by aggregate). */
function processDiagram(process: AnyProcess, domain: Domain, sends: ProcessDoc['sends']): string {
  const lines = ['flowchart LR', `  P{{"${process.name}"}}`];
  const byAggregate = new Map<string, string[]>();
  const node = (aggregate: string, line: string) => byAggregate.set(aggregate, [...(byAggregate.get(aggregate) ?? []), line]);
  process.from.forEach((event, i) => {
    let owner = '';
    try {
      owner = domain.event(event.name).aggregate.name;
    } catch {
      owner = 'other services';
    }
    node(owner, `    e${i}(["${event.name}"])`);
    lines.push(`  e${i} --> P`);
  });
  const commands = [...new Set(sends.map((s) => `${s.aggregate} ${s.command}`))];
  commands.forEach((key, i) => {
    const [aggregate, command] = key.split(' ') as [string, string];
    node(aggregate, `    c${i}["${command}"]`);
    const triggers = [...new Set(sends.filter((s) => s.aggregate === aggregate && s.command === command).map((s) => (s.trigger.kind === 'event' ? s.trigger.name : s.trigger.kind === 'deadline' ? `${s.trigger.name} due` : `${s.trigger.name} refused`)))];
    lines.push(`  P -->|"${triggers.join(', ')}"| c${i}`);
  });
  [...byAggregate].forEach(([aggregate, nodes], i) => {
    lines.push(`  subgraph a${i}["${aggregate}"]`, ...nodes, '  end');
  });
  return lines.join('\n');
}
