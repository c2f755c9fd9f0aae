import { randomUUID } from 'node:crypto';

/** Makes event and command ids. Injectable so scenarios produce the same ids on every run. */
export type IdGenerator = () => string;

export const randomIds: IdGenerator = () => randomUUID();

/** Uuid-shaped ids counting up from 1: `00000000-0000-4000-8000-000000000001`, ... */
export function sequentialIds(prefix = '00000000-0000-4000-8000-'): IdGenerator {
  let next = 0;
  return () => {
    next += 1;
    return prefix + next.toString(16).padStart(12, '0');
  };
}
