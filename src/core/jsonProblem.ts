/** Where JSON.parse gave up, in words ("it breaks off at character 12"), not in the engine's phrasing. */
export function jsonProblem(error: unknown, text?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message)?.[1];
  if (/Unexpected end/.test(message) || (at !== undefined && text !== undefined && Number(at) >= text.length)) return 'it ends too early';
  if (at !== undefined) return `it breaks off at character ${Number(at) + 1}`;
  // Node 20 names the token but not where it is.
  const token = /Unexpected token '?(.)'?/.exec(message)?.[1];
  return token !== undefined ? `it has an unexpected ${JSON.stringify(token)}` : 'it does not read as JSON';
}
