import type { DocsData, UncoveredDoc } from './docsData';

/** What no scenario covers: the gaps a product owner should write scenarios for. */
export function uncovered(data: Omit<DocsData, 'uncovered' | 'title' | 'generatedAt'>): UncoveredDoc {
  const notes: string[] = [];
  if (data.run.state === 'missing') notes.push('there are no run results, so events count as covered only when a step names them');
  else if (!data.run.hasRecordedEvents && data.events.length > 0) {
    notes.push('the run attached no recorded events (is the eventspec After hook registered?), so events count as covered when a step names them');
  }
  const useRecorded = data.run.hasRecordedEvents;
  return {
    events: data.events.filter((e) => (useRecorded ? e.recordedIn.length === 0 : e.mentionedIn.length === 0)).map((e) => e.name),
    commands: data.commands.filter((c) => c.mentionedIn.length === 0).map((c) => c.name),
    rejections: data.aggregates.flatMap((a) => a.rejections.filter((r) => r.seenIn.length === 0).map((r) => `${a.name}: ${r.name}`)),
    phrases: data.glossary.filter((p) => p.usedIn !== undefined && p.usedIn.length === 0).map((p) => p.text),
    notes,
  };
}
