import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as eventspec from '../src';

describe('the root entry point', () => {
  it('exports the documented API and nothing of the kit\'s insides', () => {
    assert.deepEqual(Object.keys(eventspec).sort(), [
      'AppendOutcomeUnknownError', 'CheckSetupError', 'CheckpointConflict', 'CommandIdReusedError', 'ConcurrencyError', 'ContractError', 'DomainWiringError', 'EventspecError',
      'EventuallyTimeout', 'IdempotencyError', 'InvariantViolation', 'ProjectionFailed', 'ReadModelMismatch', 'Rejection',
      'StoredEventError', 'UndeclaredRejectionError', 'UnknownNameError', 'WrongExpectedVersionError',
      'catchUpSubscription', 'checkAggregate', 'checkDomain', 'combineDomains', 'controllableClock', 'createCommandHandler',
      'defineAggregate', 'defineCommand', 'defineDomain', 'defineEvent', 'definePolicy', 'defineProcess', 'defineProjection', 'editorSteps', 'eventually',
      'exampleOf', 'fc', 'inMemoryCommandLog', 'inMemoryEventStore', 'inMemoryReadModelStore', 'inMemorySnapshotStore',
      'inlineProcesses', 'inlineProjections', 'installSteps', 'isRejection', 'parseContract', 'phrase', 'processRunner', 'projectionRunner', 'randomIds', 'replay',
      'sequentialIds', 'specFor', 'streamIdOf', 'systemClock', 'upcast', 'upcaster', 'z',
    ].sort());
  });
});
