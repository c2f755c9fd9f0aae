/**
 * Why a step is undefined, for a reader of the site. eventspec's snippet syntax puts its
 * correction in comments above the snippet (see gherkin/snippetSyntax): that correction is what a
 * product owner needs, in words; the code to define a new step is shown only when there is none.
 */
export function undefinedStepText(snippets: readonly string[]): string {
  const snippet = snippets.join('\n\n');
  const lines = snippet.split('\n');
  const comments: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('//')) break;
    comments.push(line.replace(/^\/\/ ?/, ''));
  }
  if (comments.length === 0) return `no step definition matches this step${snippet ? `; a definition could start like:\n${snippet}` : ''}`;
  // `file:line: ` is where the page already shows the step.
  const said = comments.map((c) => c.replace(/^\S+:\d+: /, ''));
  const suggested = said.find((c) => c.startsWith('  '))?.trim();
  const problems = said.filter((c) => !c.startsWith('  ') && !/^Did you mean/.test(c) && !/^Or define a new step/.test(c));
  const parts = ['no step matches this line', ...problems];
  return `${parts.join(': ')}${suggested ? `${problems.length > 0 ? '; write it as' : ' — did you mean'}: ${suggested}` : ''}`;
}
