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
  /** A Scenario Outline's step: the line of the Examples row this run of it comes from. */
  exampleLine?: number;
}

type AstDocument = messages.GherkinDocument;
type AstStep = messages.Step;
type AstChild = messages.FeatureChild | messages.RuleChild;

interface AstIndex {
  steps: Map<string, AstStep>;
  /** Examples rows by id: their lines. */
  exampleRows: Map<string, number>;
}

const indexes = new WeakMap<AstDocument, AstIndex>();

function indexOf(document: AstDocument): AstIndex {
  let index = indexes.get(document);
  if (!index) {
    const built: AstIndex = { steps: new Map(), exampleRows: new Map() };
    const visit = (children: readonly AstChild[]) => {
      for (const child of children) {
        for (const step of child.background?.steps ?? child.scenario?.steps ?? []) built.steps.set(step.id, step);
        for (const examples of child.scenario?.examples ?? []) for (const row of examples.tableBody) built.exampleRows.set(row.id, row.location.line);
        if ('rule' in child && child.rule) visit(child.rule.children);
      }
    };
    visit(document.feature?.children ?? []);
    indexes.set(document, built);
    index = built;
  }
  return index;
}

const PHASES: Record<string, StepPlace['phase']> = { Context: 'given', Action: 'when', Outcome: 'then' };

/** The places of a scenario's steps, in order, read once when the scenario starts. */
export function placesOf(pickle: messages.Pickle, document: AstDocument): StepPlace[] {
  const index = indexOf(document);
  return pickle.steps.map((step) => {
    const ast = index.steps.get(step.astNodeIds[0]!);
    const exampleLine = step.astNodeIds[1] !== undefined ? index.exampleRows.get(step.astNodeIds[1]) : undefined;
    return {
      uri: pickle.uri,
      line: ast?.location.line ?? 0,
      text: step.text,
      ...(PHASES[step.type ?? ''] ? { phase: PHASES[step.type ?? '']! } : {}),
      rows: (ast?.dataTable?.rows ?? []).map((row) => ({ line: row.location.line, columns: row.cells.map((c) => c.location.column ?? 0) })),
      ...(exampleLine !== undefined ? { exampleLine } : {}),
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
  // An Outline's step: its values may come from the Examples row, which is where to look.
  if (place.exampleLine !== undefined) parts.push(`Examples row at line ${place.exampleLine}`);
  return `${place.uri}:${line}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
