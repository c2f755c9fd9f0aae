// Surviving mutants no test can tell from the original, per file, with why. test:mutation matches a
// survivor by mutator, mutated source text and replacement (not by line, which moves as code changes),
// and scores the file without them; any survivor not listed here is reported as a gap.
module.exports = {
  'src/commandHandling/stateCache.ts': [
    { mutator: 'ConditionalExpression', original: 'size <= 0', replacement: 'false', why: 'without the early return, a size-0 cache stores the entry and at once evicts it, the only one it holds' },
    { mutator: 'EqualityOperator', original: 'size <= 0', replacement: 'size < 0', why: 'same as above: size 0 stores and evicts at once' },
    { mutator: 'ConditionalExpression', original: 'size > 0', replacement: 'true', why: "a size-0 cache stores nothing (set returns first), so counting its look-ups changes nothing" },
    { mutator: 'EqualityOperator', original: 'size > 0', replacement: 'size >= 0', why: 'as above' },
    { mutator: 'ConditionalExpression', original: 'admitOneIn > 1', replacement: 'true', why: 'with admitOneIn 1, every count modulo 1 is 0, so nobody is turned away either way' },
    { mutator: 'EqualityOperator', original: 'admitOneIn > 1', replacement: 'admitOneIn >= 1', why: 'as above' },
    { mutator: 'UpdateOperator', original: '++refused', replacement: '--refused', why: '-n % 64 is 0 exactly when n % 64 is: one newcomer in 64 is let in either way' },
  ],
  'src/commandHandling/commandHandler.ts': [
    { mutator: 'ConditionalExpression', original: 'request.commandId !== undefined', replacement: 'true', why: 'a command without a caller-given id gets a fresh id and a fingerprint no log entry can match; only the result object carries an extra field' },
    { mutator: 'ConditionalExpression', original: 'fingerprint !== undefined', replacement: 'true', why: 'as above: a fresh id is never in the log nor in the stream, and the extra fingerprint field changes no decision' },
    { mutator: 'ConditionalExpression', original: 'loaded.version === 0', replacement: 'false', why: "expected version 0 and 'no_stream' decide alike (also on retry); only a rethrown error would say 'version 0'" },
    { mutator: 'ConditionalExpression', original: 'request.expectedVersion !== undefined', replacement: 'false', why: 'the retry reloads and the expectedVersion check at the top of the loop throws the same WrongExpectedVersionError' },
    { mutator: 'ConditionalExpression', original: 'previous.fingerprint !== undefined', replacement: 'true', why: 'every logged result of a caller-given id has a fingerprint; only a log written by an older version could lack one' },
    { mutator: 'OptionalChaining', original: 'event?.type', replacement: 'event.type', why: 'the event is an object there: the check just before refuses null and non-objects' },
    { mutator: 'ConditionalExpression', original: 'request.metadata === undefined', replacement: 'false', why: 'spreading undefined gives {}, so the same metadata is built' },
    { mutator: 'ConditionalExpression', original: 'provisionalMetadata === undefined || events[i - 1]!.metadata !== event.metadata', replacement: 'true', why: "a command's events share one metadata object (built once per command), so this only decides whether their provisional metadata is one copy or equal copies" },
    { mutator: 'ConditionalExpression', original: 'events[i - 1]!.metadata !== event.metadata', replacement: 'false', why: 'as above: it is always the same object, so the first copy is reused either way' },
    { mutator: 'EqualityOperator', original: 'events[i - 1]!.metadata !== event.metadata', replacement: 'events[i - 1]!.metadata === event.metadata', why: 'as above: equal copies instead of one shared copy' },
  ],
  'src/commandHandling/loadAggregate.ts': [
    { mutator: 'ConditionalExpression', original: 'atVersion === undefined', replacement: 'true', why: 'only the handler passes a known (cached) state, and never with atVersion' },
    { mutator: 'ConditionalExpression', original: 'atVersion !== undefined', replacement: 'true', why: 'the comparison that follows with an undefined atVersion (`version < undefined`, `snapshot.version > undefined`) is false anyway' },
  ],
  'src/eventStore/inMemoryEventStore.ts': [
    { mutator: 'ConditionalExpression', original: "case 'write':", prefix: true, why: "the last case of the switch: falling out of it or breaking is the same" },
    { mutator: 'StringLiteral', original: "'write'", why: 'as above: no case matching write falls out of the switch just the same' },
    { mutator: 'ConditionalExpression', original: '!stream', replacement: 'true', why: 'sets the Map entry the stream already has to the same object' },
    { mutator: 'ConditionalExpression', original: 'stream.versionOfId !== undefined', replacement: 'false', why: 'scanning the events finds the version the id index holds (ids are unique in a stream); only slower' },
    { mutator: 'ConditionalExpression', original: 'stream.versionOfId === undefined && stream.events.length >= INDEX_FROM', why: "when the id index is made changes only speed: it is built from the stream's events at a look-up and kept up to date after, and a scan finds the same versions (ids are unique in a stream; inMemoryIdIndex.test.ts compares both)" },
    { mutator: 'LogicalOperator', original: 'stream.versionOfId === undefined && stream.events.length >= INDEX_FROM', why: 'as above' },
    { mutator: 'ConditionalExpression', original: 'stream.versionOfId === undefined', replacement: 'true', why: 'as above: the index is rebuilt from the same events' },
    { mutator: 'EqualityOperator', original: 'stream.versionOfId === undefined', why: 'as above: no index is made, every look-up scans' },
    { mutator: 'ConditionalExpression', original: 'stream.events.length >= INDEX_FROM', why: 'as above: an index from another length on' },
    { mutator: 'EqualityOperator', original: 'stream.events.length >= INDEX_FROM', why: 'as above: an index from another length on' },
    { mutator: 'BlockStatement', original: '{ stream.versionOfId = new Map(', prefix: true, why: 'as above: no index is made, every look-up scans' },
    { mutator: 'ConditionalExpression', original: 'metadata === undefined', replacement: 'false', inLine: 'event.metadata !== metadataSource', why: "validateAppend refuses an event without a metadata object, so the first event's metadata always differs from the (undefined) previous source and is copied" },
    { mutator: 'ConditionalExpression', original: 'recorded.length > 0', why: 'an extra wake-up after an empty append: waiting subscriptions read, find nothing new and wait again' },
    { mutator: 'EqualityOperator', original: 'recorded.length > 0', why: 'as above' },
    { mutator: 'ConditionalExpression', original: 'maxCount === Infinity', replacement: 'false', why: 'slice(a, a + Infinity) is slice(a)' },
    { mutator: 'BlockStatement', original: '{ notifier.notify(); }', why: "close() only wakes waiting subscriptions, which find nothing new and wait again; the store holds no resources" },
    { mutator: 'ArrayDeclaration', original: 'new Array<unknown>(value.length)', why: 'every index is assigned right after, so a pre-sized and an empty array end up equal' },
    { mutator: 'ConditionalExpression', original: "key === '__proto__'", replacement: 'true', why: 'defineProperty with all flags true is what assignment does for any other key; the copy is frozen next' },
    { mutator: 'BooleanLiteral', original: 'true', replacement: 'false', inLine: "Object.defineProperty(copy, key, { value: field, enumerable: true, writable: true, configurable: true })", why: 'writable/configurable of the __proto__ field: the copy is frozen right after, which makes both false anyway (enumerable is tested)' },
  ],
  'src/snapshots/snapshotOrder.ts': [
    { mutator: 'EqualityOperator', original: 'incoming.snapshotVersion > existing.snapshotVersion', replacement: 'incoming.snapshotVersion >= existing.snapshotVersion', why: 'only reached when the two snapshot versions differ, so they are never equal there' },
  ],
  'src/mongo/snapshotDocument.ts': [
    { mutator: 'ConditionalExpression', original: "typeof v === 'number'", replacement: 'true', why: 'Number.isInteger, checked next, refuses every non-number too' },
  ],
  'src/mongo/chunkDocument.ts': [
    { mutator: 'ConditionalExpression', original: "typeof value === 'number'", replacement: 'true', inLine: 'const isCount', why: 'Number.isInteger, checked next, refuses every non-number too' },
  ],
  'src/mongo/mongoErrorKind.ts': [
    { mutator: 'ConditionalExpression', original: "typeof name === 'string'", replacement: 'true', why: 'a non-string name is in no set of class names either' },
  ],
  'src/mongo/clientOptions.ts': [
    { mutator: 'ConditionalExpression', original: 'serverSelectionTimeoutMS !== undefined', replacement: 'true', why: "the driver ignores an option set to undefined: the URI's timeout or its own 30 s applies (failoverDecisions.test.ts checks both)" },
    { mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', why: "split('=') always gives a first element, so the fallback is never used" },
    { mutator: 'ConditionalExpression', original: 'chosen.wtimeout !== undefined', replacement: 'false', why: "WriteConcern.fromOptions takes the legacy wtimeout over the added wtimeoutMS, so the caller's limit is kept either way" },
  ],
  'src/mongo/readModelQuery.ts': [
    { mutator: 'ConditionalExpression', original: "typeof value === 'number'", replacement: 'true', why: 'Number.isFinite, checked next, refuses every non-number too' },
    { mutator: 'ConditionalExpression', original: 'value === null', replacement: 'false', inLine: 'Array.isArray(value)', why: 'null is a scalar: leafConditions takes it before it asks isPlainObject' },
  ],
  'src/mongo/readChunks.ts': [
    { mutator: 'ConditionalExpression', original: "typeof found.chunk !== 'number'", replacement: 'false', why: 'Number.isInteger, checked next, refuses every non-number too' },
    { mutator: 'ConditionalExpression', original: "plan.direction === 'forward'", replacement: 'true', why: 'checkConsecutive checks where a read starts only for forward reads, so a backward read given its from is checked the same' },
  ],
  'src/mongo/bodyEncoding.ts': [
    { mutator: 'ObjectLiteral', original: '{ promoteValues: true }', replacement: '{}', why: "promoteValues is BSON.deserialize's default" },
    { mutator: 'ConditionalExpression', original: 'Array.isArray(node)', replacement: 'false', why: "an array's own keys are its indexes, never unsafe, so scanning it as an object visits the same items" },
  ],
  'src/mongo/readModelDocument.ts': [
    { mutator: 'ObjectLiteral', original: '{ promoteValues: true }', replacement: '{}', why: "promoteValues is BSON.deserialize's default" },
    { mutator: 'ConditionalExpression', original: "typeof checkpoint !== 'number'", replacement: 'false', why: 'Number.isInteger, checked next, refuses every non-number too' },
  ],
  'src/mongo/appendFailure.ts': [
    { mutator: 'ConditionalExpression', original: "typeof name === 'string'", replacement: 'true', why: 'a non-string name is in no set of class names either' },
  ],
  'src/mongo/globalPositions.ts': [
    { mutator: 'ConditionalExpression', original: "typeof value !== 'number'", replacement: 'false', why: 'Number.isInteger, checked next, refuses every non-number too' },
    { mutator: 'EqualityOperator', original: 'event.position < expected', replacement: 'event.position <= expected', why: 'equal positions were let through by the line before' },
    { mutator: 'EqualityOperator', original: 'position > max', replacement: 'position >= max', why: 'an equal position keeps the same maximum' },
  ],
  'src/mongo/storedVersions.ts': [
    { mutator: 'ConditionalExpression', original: "typeof version !== 'number'", replacement: 'false', why: 'Number.isInteger, checked next, refuses every non-number too' },
  ],
  'src/projections/unitOfWork.ts': [
    { mutator: 'ArrayDeclaration', original: '[]', replacement: '["Stryker was here"]', inLine: 'const pending', why: 'settle() awaits a string as if it were a pending write, which changes nothing' },
  ],
  'src/gherkin/coerceCell.ts': [
    { mutator: 'StringLiteral', original: "'int'", why: "with zod 4 no schema has def.type 'int' (z.int(), z.number().int() and z.int32() all report 'number')" },
    { mutator: 'ConditionalExpression', original: '!/^[[{"]/.test(cell) && !/^(true|false|null|-?\\d)/.test(cell)', why: 'json(): without the guard every cell is parsed, and a failed parse of a cell not starting with [ or { gives undefined, as the guard does' },
    { mutator: 'Regex', original: '/^[[{"]/', why: 'json(): a cell that only contains [ { or " later fails JSON.parse and gives undefined, as the guard does' },
    { mutator: 'Regex', original: '/^(true|false|null|-?\\d)/', why: 'json(): same, a cell containing these later fails JSON.parse and gives undefined' },
    { mutator: 'ConditionalExpression', original: "cell === 'true' || cell === 'false'", why: "guess(): json() parses true and false to the same booleans" },
    { mutator: 'LogicalOperator', original: "cell === 'true' || cell === 'false'", why: 'guess(): as above' },
    { mutator: 'ConditionalExpression', original: "cell === 'true'", replacement: 'false', why: 'guess(): as above (only when checking the cell, not the answer)' },
    { mutator: 'StringLiteral', original: "'true'", why: 'guess(): as above' },
    { mutator: 'ConditionalExpression', original: "cell === 'false'", why: 'guess(): as above' },
    { mutator: 'StringLiteral', original: "'false'", why: 'guess(): as above' },
    { mutator: 'ConditionalExpression', original: "cell === 'null'", why: 'guess(): json() parses null' },
    { mutator: 'StringLiteral', original: "'null'", why: 'guess(): json() parses null' },
  ],
};
