export { defineProjection, isProjection } from './defineProjection';
export type {
  AnyProjection,
  Projection,
  ProjectionConfig,
  ProjectionHandlers,
  ProjectedEvent,
  ReadModelAccess,
  ReadModelSchemas,
  ReadModelsAccess,
} from './defineProjection';
export type { ReadModelStore, ReadModelChange, ReadModelCommit, ReadModelDocument, ReadModelFilter, FindOptions } from './readModelStore';
export { inMemoryReadModelStore } from './inMemoryReadModelStore';
export type { CommitStep, InMemoryReadModelStoreOptions } from './inMemoryReadModelStore';
export { matchesFilter } from './documentFilter';
export { projectionRunner } from './projectionRunner';
export type { ProjectionRunner, ProjectionRunnerOptions, ProjectionStatus, ProjectionState, RunnerStep } from './projectionRunner';
export { inlineProjections } from './inlineProjections';
export { ProjectionFailed, CheckpointConflict } from './projectionErrors';
export { readModelNamed, expectReadModel, expectReadModelList, expectReadModelRows, expectReadModelDocuments, expectNoReadModel, sameValue, describeStatus, ReadModelMismatch } from './readModelExpectation';
export type { ReadModelRef } from './readModelExpectation';
