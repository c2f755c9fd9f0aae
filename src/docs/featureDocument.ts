import type * as m from '@cucumber/messages';
import { bidiSafeText } from './bidiSafe';
import { dedent } from './dedent';
import MarkdownIt from 'markdown-it';
import type { DocumentPart, ExamplesDoc, FeatureDoc, PlainStep } from './docsData';

// Raw HTML in a description is shown as text, never run; markdown-it refuses javascript: links itself.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** A feature or scenario description as safe HTML, or nothing when it is empty. */
export function descriptionHtml(description: string | undefined): string | undefined {
  const text = dedent(description ?? '');
  if (text === '') return undefined;
  return bidiSafeText(markdown.render(text));
}

/**
 * Each feature with its parts in file order, so its page reads like the `.feature` file: the
 * Background once, Rules around their scenarios, an Outline with its Examples and the scenario
 * each row became. `astNodeIds[i]` are the AST ids of scenario `i` (scenario, then example row).
 */
export function documentFeatures(
  features: readonly FeatureDoc[],
  documents: ReadonlyMap<string, m.GherkinDocument>,
  astNodeIds: readonly (readonly string[])[],
): FeatureDoc[] {
  const scenarioOf = new Map<string, number>();
  astNodeIds.forEach((ids, scenario) => scenarioOf.set(ids[ids.length - 1] ?? '', scenario));
  return features.map((feature) => {
    const ast = documents.get(feature.uri)?.feature;
    if (!ast) return feature;
    const html = descriptionHtml(ast.description);
    return { ...feature, ...(html ? { descriptionHtml: html } : {}), parts: partsOf(ast.children, scenarioOf) };
  });
}

function partsOf(children: readonly (m.FeatureChild | m.RuleChild)[], scenarioOf: ReadonlyMap<string, number>): DocumentPart[] {
  const parts: DocumentPart[] = [];
  for (const child of children) {
    if (child.background) {
      const b = child.background;
      parts.push({ kind: 'background', keyword: b.keyword, name: b.name, ...described(b.description), steps: b.steps.map(plainStep) });
    } else if (child.scenario) {
      const s = child.scenario;
      if (s.examples.length === 0) {
        const scenario = scenarioOf.get(s.id);
        if (scenario !== undefined) parts.push({ kind: 'scenario', scenario });
      } else {
        parts.push({
          kind: 'outline',
          keyword: s.keyword,
          name: s.name,
          tags: s.tags.map((t) => t.name),
          ...described(s.description),
          steps: s.steps.map(plainStep),
          examples: s.examples.map((e) => examplesDoc(e, scenarioOf)),
        });
      }
    } else if ('rule' in child && child.rule) {
      const r = child.rule;
      parts.push({ kind: 'rule', keyword: r.keyword, name: r.name, tags: r.tags.map((t) => t.name), ...described(r.description), parts: partsOf(r.children, scenarioOf) });
    }
  }
  return parts;
}

function examplesDoc(e: m.Examples, scenarioOf: ReadonlyMap<string, number>): ExamplesDoc {
  return {
    keyword: e.keyword,
    name: e.name,
    tags: e.tags.map((t) => t.name),
    header: e.tableHeader?.cells.map((c) => c.value) ?? [],
    rows: e.tableBody.map((row) => {
      const scenario = scenarioOf.get(row.id);
      return { cells: row.cells.map((c) => c.value), ...(scenario !== undefined ? { scenario } : {}) };
    }),
  };
}

function plainStep(step: m.Step): PlainStep {
  return {
    keyword: step.keyword.trim(),
    text: step.text,
    ...(step.dataTable ? { table: step.dataTable.rows.map((r) => r.cells.map((c) => c.value)) } : {}),
    ...(step.docString ? { docString: { content: step.docString.content, ...(step.docString.mediaType ? { mediaType: step.docString.mediaType } : {}) } } : {}),
  };
}

function described(description: string): { descriptionHtml?: string } {
  const html = descriptionHtml(description);
  return html ? { descriptionHtml: html } : {};
}
