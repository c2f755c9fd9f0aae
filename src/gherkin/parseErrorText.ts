/** What Gherkin's parser tokens are, in the words of someone writing a feature file. */
const TOKENS: Record<string, string> = {
  '#EOF': 'the end of the file',
  '#Language': 'a # language: line',
  '#TagLine': 'tags',
  '#FeatureLine': 'Feature:',
  '#RuleLine': 'Rule:',
  '#BackgroundLine': 'Background:',
  '#ScenarioLine': 'Scenario:',
  '#ExamplesLine': 'Examples:',
  '#StepLine': 'a step (Given, When, Then, And, But)',
  '#DocStringSeparator': 'a doc string (""")',
  '#TableRow': 'a table row',
};
const QUIET = new Set(['#Comment', '#Empty', '#Other']);

/**
 * A Gherkin parse error told without the parser's token names: `expected: #EOF, #Language, #TagLine,
 * #FeatureLine, …, got 'Scenario: x'` becomes what was found and what may stand there instead.
 */
export function parseErrorText(message: string): string {
  const text = message.replace(/^\(\d+:\d+\): /, '');
  const expected = /^expected: (.*), got '(.*)'$/.exec(text);
  if (expected) {
    const [, tokens = '', got = ''] = expected;
    const names = tokens.split(', ').filter((t) => !QUIET.has(t)).map((t) => TOKENS[t] ?? t);
    if (names.includes('Feature:') && !names.includes('a step (Given, When, Then, And, But)')) {
      return `a feature file starts with Feature: (after any tags, comments and # language: line); found "${got}"`;
    }
    return `"${got}" cannot stand here; Gherkin expects ${names.length > 1 ? `one of: ${names.join(', ')}` : names[0]} — is a keyword misspelled, or a line indented into the wrong block?`;
  }
  if (/inconsistent cell count within the table/.test(text)) {
    return 'this table row has another number of cells than the row above it; give every row as many | cells as the header';
  }
  return text;
}
