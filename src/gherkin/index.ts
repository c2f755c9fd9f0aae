export { installSteps, EventspecWorld } from './installSteps';
export type { InstallOptions } from './installSteps';
export { vocabulary } from './vocabulary';
export type { VocabularyStep } from './vocabulary';
export type { StepPhrase } from './stepPhrase';
export { phrasingSteps, phrasingPattern } from './phrasingSteps';
export { coerceCell } from './coerceCell';
export { ScenarioError } from './scenarioError';
export { closestPhrasing } from './snippetSyntax';
