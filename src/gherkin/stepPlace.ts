import type * as messages from '@cucumber/messages';

/** Where a step sits in its feature file, with the lines and columns of its table cells. */
export interface StepPlace {
  uri: string;
  line: number;
  text: string;
  /** Given, When or Then, with And and But resolved: where the step stands in the scenario. */
  phase?: 'given' | 'when' | 'then';
  /** Per table row: its line, and each cell's column. */
  rows: { line: number; columns: number[] }[];
}

type AstDocument = messages.GherkinDocument;
type AstStep = messages.Step;
type AstChild = messages.FeatureChild | messages.RuleChild;

const stepIndexes = new WeakMap<AstDocument, Map<string, AstStep>>();

function stepsById(document: AstDocument): Map<string, AstStep> {
  let index = stepIndexes.get(document);
  if (!index) {
    index = new Map();
    const visit = (children: readonly AstChild[]) => {
      for (const child of children) {
        for (const step of child.background?.steps ?? child.scenario?.steps ?? []) index!.set(step.id, step);
        if ('rule' in child && child.rule) visit(child.rule.children);
      }
    };
    visit(document.feature?.children ?? []);
    stepIndexes.set(document, index);
  }
  return index;
}

const PHASES: Record<string, StepPlace['phase']> = { Context: 'given', Action: 'when', Outcome: 'then' };

/** The places of a scenario's steps, in order, read once when the scenario starts. */
export function placesOf(pickle: messages.Pickle, document: AstDocument): StepPlace[] {
  const index = stepsById(document);
  return pickle.steps.map((step) => {
    const ast = index.get(step.astNodeIds[0]!);
    return {
      uri: pickle.uri,
      line: ast?.location.line ?? 0,
      text: step.text,
      ...(PHASES[step.type ?? ''] ? { phase: PHASES[step.type ?? '']! } : {}),
      rows: (ast?.dataTable?.rows ?? []).map((row) => ({ line: row.location.line, columns: row.cells.map((c) => c.location.column ?? 0) })),
    };
  });
}

/** `file:line`, or `file:line (row n, column "c")` for a cell; rows count data rows from 1. */
export function describePlace(place: StepPlace | undefined, cell?: { row?: number; dataRow?: number; column?: string }): string {
  if (!place) return 'in this step';
  const line = cell?.row !== undefined ? (place.rows[cell.row]?.line ?? place.line) : place.line;
  const parts: string[] = [];
  if (cell?.dataRow !== undefined) parts.push(`row ${cell.dataRow}`);
  if (cell?.column !== undefined) parts.push(`column "${cell.column}"`);
  return `${place.uri}:${line}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
