export * from './contract';
export { parseContract, describeIssues, show } from './parseContract';
export { exampleOf } from './exampleOf';
export { defOf, unwrap, fieldSchema, fieldPaths, objectShape } from './schemaFields';
export type { Def } from './schemaFields';
