import { relative } from 'node:path';
import type { AnyAggregate } from '../aggregate/defineAggregate';
import type { EventContract } from '../contracts/contract';
import { fieldPaths } from '../contracts/schemaFields';
import type { SourceSite } from '../core/sourceSite';
import { closest } from '../core/suggest';
import type { DomainPart } from './defineDomain';
import type { Phrasing } from './phrasing';

/** A part that reads events (a projection) and where it is declared. */
interface ReadingPart extends DomainPart {
  readonly from?: readonly EventContract[];
  readonly declaredAt?: SourceSite;
}

export const at = (site: SourceSite | undefined) => (site ? ` (${relative(process.cwd(), site.file).split('\\').join('/')}:${site.line})` : '');

/**
 * The mistakes in how a domain's parts fit together, each told with where it is and how to fix
 * it: found when the domain is defined, not in every scenario that happens to touch them.
 */
export function wiringProblems(name: string, aggregates: readonly AnyAggregate[], phrasings: readonly Phrasing[], parts: readonly ReadingPart[]): string[] {
  const problems: string[] = [];
  const byName = new Map(aggregates.map((a) => [a.name, a]));
  const register = `add it to defineDomain({ name: '${name}', aggregates: [...] })`;

  for (const phrasing of phrasings) {
    const where = `${phrasing.keyword} phrasing "${phrasing.text}"${at(phrasing.declaredAt)}`;
    const aggregate = byName.get(phrasing.aggregate);
    if (!aggregate) {
      problems.push(`${where} is about the aggregate ${phrasing.aggregate}, which the ${name} domain does not register: ${register}`);
      continue;
    }
    const contract = phrasing.keyword === 'When' ? aggregate.commandsByName.get(phrasing.type) : aggregate.eventsByName.get(phrasing.type);
    if (!contract) continue;
    const fields = fieldPaths(contract.schema);
    for (const placeholder of phrasing.placeholders) {
      if (placeholder === 'id' || fields.includes(placeholder)) continue;
      // Any other placeholder becomes metadata (`{actor}`); one close to a field is a typo.
      const field = closest(placeholder, fields);
      if (field !== undefined) {
        problems.push(
          `${where}: {${placeholder}} is not a field of ${contract.name}, so it would be stored as metadata — did you mean {${field}}? (a placeholder named like no field, such as {actor}, is metadata)`,
        );
      }
    }
  }

  const events = new Map(aggregates.flatMap((a) => a.events.map((e) => [e.name, a] as const)));
  for (const part of parts) {
    for (const contract of part.from ?? []) {
      if (events.has(contract.name)) continue;
      const owner = aggregates.find((a) => contract.name.startsWith(a.name));
      const fix = owner ? `add ${contract.name} to the events of ${owner.name}` : `add ${contract.name} to the events of one of its aggregates (${aggregates.map((a) => a.name).join(', ')})`;
      problems.push(`${part.kind} ${part.name}${at(part.declaredAt)} reads the event ${contract.name}, which no aggregate of the ${name} domain records: ${fix}, or remove it from the ${part.kind}'s from`);
    }
  }

  for (const aggregate of aggregates) {
    for (const event of aggregate.events) {
      const lifted = new Set(event.upcasters.map((u) => u.from));
      const missing = Array.from({ length: event.version - 1 }, (_, i) => i + 1).filter((v) => !lifted.has(v));
      if (missing.length === 0) continue;
      problems.push(
        `event ${event.name} of ${aggregate.name} is at version ${event.version}, but nothing lifts version ${missing.join(', ')} to the next: events stored at that version could not be read. ` +
          `Give defineEvent('${event.name}', …) upcasters: [upcaster(${missing[0]}, <the v${missing[0]} schema>, (data) => <v${missing[0]! + 1} data>)], one per older version`,
      );
    }
  }
  return problems;
}
