/** Property-based checks of aggregates: generated command sequences, failures printed as Gherkin. */
export { checkAggregate, checkDomain } from './checkAggregate';
export type { AggregateCheckOptions, CheckFailed, CheckOptions, CheckPassed, CheckProgress, CheckResult, DomainCheckOptions } from './checkAggregate';
export { arbitraryOf } from './arbitraryOf';
export type { AggregateModel, ExpectedOutcome } from './aggregateModel';
export { PROPERTIES, PROPERTY_NAMES } from './properties';
export type { PropertyName, PropertySwitches } from './properties';
export type { Counterexample, PropertyFailure, StatedEvent, ThenClause } from './counterexample';
export { counterexampleToGherkin, replayComment } from './gherkinCounterexample';
export { writeRegression, regressionFilePath } from './regressionFile';
export { CheckSetupError } from './runSequence';
export { runChecks } from './runChecks';
export type { RunChecksOptions, RunChecksOutput } from './runChecks';
export { checkProcess, PROCESS_PROPERTIES } from './checkProcess';
export type { ProcessCheckOptions, ProcessCheckResult, ProcessPropertyName } from './checkProcess';
