// Surviving mutants no test can tell from the original, per file, with why. test:mutation matches a
// survivor by mutator, mutated source text and replacement (not by line, which moves as code changes),
// and scores the file without them; any survivor not listed here is reported as a gap.
module.exports = {
  'src/commandHandling/stateCache.ts': [
    { mutator: 'ConditionalExpression', original: 'size <= 0', replacement: 'false', why: 'without the early return, a size-0 cache stores the entry and at once evicts it, the only one it holds' },
    { mutator: 'EqualityOperator', original: 'size <= 0', replacement: 'size < 0', why: 'same as above: size 0 stores and evicts at once' },
  ],
  'src/commandHandling/loadAggregate.ts': [
    { mutator: 'ConditionalExpression', original: 'atVersion === undefined', replacement: 'true', why: 'only the handler passes a known (cached) state, and never with atVersion' },
    { mutator: 'ConditionalExpression', original: 'atVersion !== undefined', replacement: 'true', why: 'the comparison that follows with an undefined atVersion (`version < undefined`, `snapshot.version > undefined`) is false anyway' },
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
