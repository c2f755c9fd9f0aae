import type { ISnippetSyntaxBuildOptions } from '@cucumber/cucumber/lib/formatter/step_definition_snippet_builder/snippet_syntax';
import { installedDomain, isInstalledStep } from './installedDomain';
import { quoteInValue } from './quoteInValue';
import { stepLineFor } from './stepLineFor';
import { suggestStep } from './suggestStep';

const misspellings = new Set<string>();

/**
 * A dry run never fails in cucumber, even on undefined steps; a misspelled domain name should.
 * So the names found here are listed when the process ends, and the exit code made 1.
 */
function reportAtExit(lines: readonly string[]): void {
  if (misspellings.size === 0) {
    process.once('exit', () => {
      const count = `${misspellings.size} misspelled name${misspellings.size === 1 ? '' : 's'}`;
      // In file and line order: a parallel run meets the scenarios in the order its workers finish them.
      const listed = [...misspellings].sort(byPlace);
      process.stdout.write(`\neventspec: ${count} in the feature files (a dry run fails on them):\n${listed.map((m) => `  ${m}\n`).join('')}`);
      if (!process.exitCode) process.exitCode = 1;
    });
  }
  for (const line of lines) misspellings.add(line);
}

/** `file:line: …` lines by file, then by line number. */
export function byPlace(a: string, b: string): number {
  const place = (text: string) => /^(.*?):(\d+):/.exec(text);
  const [pa, pb] = [place(a), place(b)];
  if (!pa || !pb || pa[1] !== pb[1]) return a < b ? -1 : a > b ? 1 : 0;
  return Number(pa[2]) - Number(pb[2]) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * What cucumber prints for an undefined step: first the step the user most likely meant (their
 * own line with the domain's names put right, or the closest vocabulary step or domain phrasing),
 * then a snippet for defining a new step.
 */
export default class EventspecSnippetSyntax {
  constructor(private readonly snippetInterface: string) {}

  build({ comment, generatedExpressions, functionName, stepParameterNames }: ISnippetSyntaxBuildOptions): string {
    const source = generatedExpressions[0]?.source ?? '';
    const step = stepLineFor(source);
    // A bare quote cut the value short: the snippet would be garbled, the fix is in the line itself.
    const quoted = quoteInValue(step.text, isInstalledStep);
    if (quoted) return `// ${step.where ?? step.text}: ${quoted}`;
    const suggestion = suggestStep(step.text, installedDomain(), functionName);
    if (suggestion && suggestion.misspelled.length > 0) reportAtExit(suggestion.misspelled.map((m) => `${step.where ?? step.text}: ${m}`));
    const where = step.where ? ` (${step.where})` : '';
    // The wording is a step that exists and only a name is wrong: defining it again would make the
    // line ambiguous once the name is put right, so no snippet is offered.
    if (suggestion && suggestion.misspelled.length > 0) {
      const at = step.where ? `${step.where}: ` : '';
      return `${suggestion.misspelled.map((m) => `// ${at}${m}\n`).join('')}//   ${suggestion.line}`;
    }
    const params = [...(generatedExpressions[0]?.parameterNames ?? []), ...stepParameterNames].join(', ');
    const hint = suggestion ? `// Did you mean${where}:\n//   ${suggestion.line}\n// Or define a new step:\n` : '';
    const asyncKeyword = this.snippetInterface === 'async-await' ? 'async ' : '';
    return `${hint}${functionName}('${source.replace(/'/g, "\\'")}', ${asyncKeyword}function (${params}) {\n  // ${comment}\n  return 'pending';\n});`;
  }
}
