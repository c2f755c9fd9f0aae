import type * as messages from '@cucumber/messages';
import { didYouMean } from '../core/suggest';
import { ScenarioError } from './scenarioError';
import type { StepPlace } from './stepPlace';

type AstChild = messages.FeatureChild | messages.RuleChild;

/** The Examples table a pickle was made from: its column names. */
function examplesColumns(pickle: messages.Pickle, document: messages.GherkinDocument): string[] | undefined {
  const [scenarioId, rowId] = pickle.astNodeIds;
  if (rowId === undefined) return undefined;
  const find = (children: readonly AstChild[]): string[] | undefined => {
    for (const child of children) {
      if (child.scenario?.id === scenarioId) {
        const examples = child.scenario.examples.find((e) => e.tableBody.some((row) => row.id === rowId));
        return examples?.tableHeader?.cells.map((c) => c.value);
      }
      const inRule = 'rule' in child && child.rule ? find(child.rule.children) : undefined;
      if (inRule) return inRule;
    }
    return undefined;
  };
  return find(document.feature?.children ?? []);
}

/**
 * An Outline's `<placeholder>` that names no column of its Examples stays in the step as written
 * (`<titel>`), and would reach a comparison as literal text; it is refused at its step instead.
 */
export function checkOutlinePlaceholders(pickle: messages.Pickle, document: messages.GherkinDocument, places: readonly StepPlace[]): void {
  if (pickle.astNodeIds.length < 2 || !pickle.steps.some((s) => s.text.includes('<') || s.argument)) return;
  const columns = examplesColumns(pickle, document);
  if (!columns) return;
  pickle.steps.forEach((step, i) => {
    const texts = [step.text, ...(step.argument?.dataTable?.rows.flatMap((r) => r.cells.map((c) => c.value)) ?? []), step.argument?.docString?.content ?? ''];
    for (const text of texts) {
      for (const [, name] of text.matchAll(/<([^<>\s][^<>]*)>/g)) {
        if (columns.includes(name!)) continue;
        throw new ScenarioError(
          places[i],
          `<${name}> names no column of the Examples table (its columns are ${columns.map((c) => `<${c}>`).join(', ')})${didYouMean(name!, columns, 'one of')}`,
        );
      }
    }
  });
}
