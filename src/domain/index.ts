export { defineDomain, combineDomains, DomainWiringError } from './defineDomain';
export type { Domain, DomainConfig, DomainPart, Located } from './defineDomain';
export { phrase, placeholdersOf } from './phrasing';
export type { Phrasing, PhrasingKeyword } from './phrasing';
