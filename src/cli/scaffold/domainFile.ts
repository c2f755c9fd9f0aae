import type { Names } from './names';

/** Markers `eventspec new aggregate` inserts new aggregates above; removing them is fine (it then prints the lines). */
export const IMPORT_MARKER = '// eventspec new aggregate: imports go above this line';
export const AGGREGATE_MARKER = '// eventspec new aggregate: aggregates go above this line';

/** `specifier` is the aggregate's module as seen from the domain file, e.g. `./aggregates/ticket`. */
export function importLine(n: Names, specifier = `./aggregates/${n.camel}`): string {
  return `import { ${n.pascal} } from '${specifier}';`;
}

export function domainSource(name: string, first: Names): string {
  return `import { defineDomain } from 'eventspec';
${importLine(first)}
${IMPORT_MARKER}

/** Every aggregate of ${name}: the features, the catalog and the command line read this registry. */
export const domain = defineDomain({
  name: ${JSON.stringify(name)},
  aggregates: [
    ${first.pascal},
    ${AGGREGATE_MARKER}
  ],
});
`;
}

/** The domain file with one more aggregate, or undefined when its markers are gone. */
export function registerAggregate(source: string, n: Names, specifier?: string): string | undefined {
  const imports = source.indexOf(IMPORT_MARKER);
  const aggregates = source.indexOf(AGGREGATE_MARKER);
  if (imports < 0 || aggregates < 0 || aggregates < imports) return undefined;
  const indent = /([ \t]*)$/.exec(source.slice(0, aggregates))![1]!;
  return (
    source.slice(0, imports) +
    `${importLine(n, specifier)}\n` +
    source.slice(imports, aggregates) +
    `${n.pascal},\n${indent}` +
    source.slice(aggregates)
  );
}
