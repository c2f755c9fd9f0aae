import type { ISnippetSyntaxBuildOptions } from '@cucumber/cucumber/lib/formatter/step_definition_snippet_builder/snippet_syntax';
import { distance } from 'fastest-levenshtein';
import { vocabulary } from './vocabulary';

/**
 * What cucumber prints for an undefined step: first the closest phrasing of the vocabulary (most
 * undefined steps are a typo of one), then a snippet for defining a new step.
 */
export default class EventspecSnippetSyntax {
  constructor(private readonly snippetInterface: string) {}

  build({ comment, generatedExpressions, functionName, stepParameterNames }: ISnippetSyntaxBuildOptions): string {
    const source = generatedExpressions[0]?.source ?? '';
    const suggestion = closestPhrasing(source);
    const params = [...(generatedExpressions[0]?.parameterNames ?? []), ...stepParameterNames].join(', ');
    const hint = suggestion ? `// Did you mean the eventspec step:\n//   ${suggestion.replace(/\n/g, '\n//   ')}\n// Or define a new step:\n` : '';
    const asyncKeyword = this.snippetInterface === 'async-await' ? 'async ' : '';
    return `${hint}${functionName}('${source.replace(/'/g, "\\'")}', ${asyncKeyword}function (${params}) {\n  // ${comment}\n  return 'pending';\n});`;
  }
}

/** The vocabulary example nearest to a step's text, ignoring quoted values. */
export function closestPhrasing(text: string): string | undefined {
  const normalise = (s: string) => s.replace(/"[^"]*"|\{[a-z]+\}/g, '""').replace(/\s+/g, ' ').trim().toLowerCase();
  const wanted = normalise(text);
  let best: { example: string; score: number } | undefined;
  for (const step of vocabulary) {
    const firstLine = step.example.split('\n')[0]!.replace(/^(Given|When|Then|And|But) /, '');
    const score = distance(wanted, normalise(firstLine)) / Math.max(wanted.length, 1);
    if (!best || score < best.score) best = { example: step.example, score };
  }
  return best && best.score < 0.5 ? best.example : undefined;
}
