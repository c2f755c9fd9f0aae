export { definePolicy, defineProcess, isProcess } from './defineProcess';
export type { AnyProcess, PolicyConfig, Process, ProcessActions, ProcessBehavior, ProcessDeclaration, RefusedCommand } from './defineProcess';
export { processRunner } from './processRunner';
export type { ProcessRunner, ProcessRunnerOptions, ProcessStatus } from './processRunner';
export { inlineProcesses } from './inlineProcesses';
export type { DeadlineDocument, InstanceDocument } from './processProjection';
export type { ProcessTrigger, SentCommand } from './processStep';
