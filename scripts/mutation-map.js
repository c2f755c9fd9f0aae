// Which test files each mutated source file runs under `npm run test:mutation`: the files that
// exercise it, most specific first (a mutant is killed by the first failing file). Keeping this
// short is what makes a run take minutes, not hours.
module.exports = {
  'src/eventStore/appendDecision.ts': ['test/eventStore/appendDecision.test.ts', 'test/eventStore/inMemoryEventStore.test.ts', 'test/mongo/appendPlan.test.ts'],
  'src/eventStore/expectedVersion.ts': ['test/eventStore/inMemoryStoreDetails.test.ts', 'test/badInput/store.test.ts', 'test/eventStore/inMemoryEventStore.test.ts', 'test/eventStore/appendDecision.test.ts', 'test/commandHandling/commandHandler.test.ts'],
  'src/eventStore/inMemoryEventStore.ts': ['test/eventStore/inMemoryStoreDetails.test.ts', 'test/eventStore/inMemoryEventStore.test.ts', 'test/eventStore/inMemoryCopies.test.ts', 'test/commandHandling/commandHandler.test.ts'],
  'src/commandHandling/commandHandler.ts': ['test/commandHandling/commandHandler.test.ts', 'test/commandHandling/commandHandlerChecks.test.ts', 'test/commandHandling/ambiguousAppend.test.ts', 'test/commandHandling/loadAggregate.test.ts', 'test/commandHandling/stateCache.test.ts'],
  'src/commandHandling/commandLog.ts': ['test/commandHandling/commandHandler.test.ts', 'test/commandHandling/inMemoryCommandLog.test.ts'],
  'src/commandHandling/loadAggregate.ts': ['test/commandHandling/loadAggregate.test.ts', 'test/commandHandling/stateCache.test.ts', 'test/commandHandling/commandHandler.test.ts'],
  'src/commandHandling/stateCache.ts': ['test/commandHandling/stateCache.test.ts', 'test/commandHandling/commandHandler.test.ts'],
  'src/snapshots/inMemorySnapshotStore.ts': ['test/snapshots/inMemorySnapshotStore.test.ts'],
  'src/snapshots/snapshotOrder.ts': ['test/mongo/snapshotDocuments.test.ts', 'test/snapshots/inMemorySnapshotStore.test.ts', 'test/commandHandling/loadAggregate.test.ts'],
  'src/mongo/snapshotDocument.ts': ['test/mongo/snapshotDocuments.test.ts'],
  'src/mongo/snapshotWritePlan.ts': ['test/mongo/snapshotDocuments.test.ts'],
  'src/mongo/chunkDocument.ts': ['test/mongo/chunkDocument.test.ts', 'test/mongo/storedDocumentEdges.test.ts', 'test/mongo/rollOver.test.ts', 'test/mongo/streamRead.test.ts'],
  'src/mongo/rollOver.ts': ['test/mongo/rollOver.test.ts', 'test/mongo/appendPlan.test.ts'],
  'src/mongo/appendPlan.ts': ['test/mongo/appendPlan.test.ts'],
  'src/mongo/storedVersions.ts': ['test/mongo/storedVersions.test.ts', 'test/mongo/storedDocumentEdges.test.ts', 'test/mongo/appendPlan.test.ts'],
  'src/mongo/globalPositions.ts': ['test/mongo/globalPositions.test.ts', 'test/mongo/storedDocumentEdges.test.ts'],
  'src/projections/projectionRunner.ts': ['test/projections/projectionRunner.test.ts', 'test/projections/unitOfWorkEffects.test.ts', 'test/projections/inlineProjections.test.ts', 'test/projections/exampleReadModels.test.ts'],
  'src/projections/unitOfWork.ts': ['test/projections/unitOfWorkEffects.test.ts', 'test/projections/projectionRunner.test.ts', 'test/projections/inlineProjections.test.ts', 'test/projections/exampleReadModels.test.ts'],
  'src/gherkin/coerceCell.ts': ['test/gherkin/coerceCellCases.test.ts', 'test/gherkin/coerceCell.test.ts', 'test/gherkin/readTable.test.ts'],
};
