import type { Domain } from '../domain/defineDomain';
import type { Projection } from '../projections/defineProjection';
import type { ProjectionDoc, ScenarioDoc } from './docsData';
import { wordsOf } from './domainCatalog';
import { schemaDoc } from './schemaDoc';

/**
 * The read side of the domain: each projection, the events it handles, the read models it owns
 * with their schemas, and the scenarios whose steps check each read model (by naming it).
 */
export function readModelCatalog(domain: Domain | undefined, scenarios: readonly ScenarioDoc[]): ProjectionDoc[] {
  const projections = (domain?.projections ?? []).filter((p): p is Projection => p.kind === 'projection');
  if (projections.length === 0) return [];
  const names = new Set(projections.flatMap((p) => Object.keys(p.readModels)));
  const words = scenarios.map((s) => wordsOf(s, names));
  return projections.map((p) => ({
    name: p.name,
    ...(p.description !== undefined ? { description: p.description } : {}),
    events: p.from.map((e) => e.name),
    readModels: Object.entries(p.readModels).map(([name, schema]) => ({
      name,
      schema: schemaDoc(schema),
      checkedIn: scenarios.filter((s) => words[s.id]!.has(name)).map((s) => s.id),
    })),
  }));
}
