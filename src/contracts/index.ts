export * from './contract';
export { parseContract, describeIssues, show } from './parseContract';
export { exampleOf } from './exampleOf';
