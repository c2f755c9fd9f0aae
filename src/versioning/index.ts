export { upcast } from './upcast';
export type { StoredAt } from './upcast';
