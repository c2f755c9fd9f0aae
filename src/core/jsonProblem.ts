/** Where JSON.parse gave up, in words ("it breaks off at character 12"), not in the engine's phrasing. */
export function jsonProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message)?.[1];
  if (at !== undefined) return `it breaks off at character ${Number(at) + 1}`;
  return /Unexpected end/.test(message) ? 'it ends too early' : 'it does not read as JSON from its first character';
}
