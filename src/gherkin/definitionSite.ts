import type { SourceSite } from '../core/sourceSite';

/**
 * Runs `define` (a cucumber `defineStep`) so that cucumber records `site` as the step's location.
 * Cucumber takes a step's location from the stack of the defining call and has no option for it;
 * every eventspec step is defined in one loop, so without this all would point at that loop line
 * instead of the vocabulary entry or the domain phrasing that declares them.
 */
export function atDefinitionSite<T>(site: SourceSite | undefined, define: () => T): T {
  if (!site) return define();
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = () => `Error\n    at ${site.file}:${site.line}:${site.column}`;
  try {
    return define();
  } finally {
    Error.prepareStackTrace = previous;
  }
}
