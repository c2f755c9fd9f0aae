import { randomFillSync } from 'node:crypto';

/** Makes event and command ids. Injectable so scenarios produce the same ids on every run. */
export type IdGenerator = () => string;

/** Random bytes for 256 ids, refilled when used up: one system call per 256 ids, not per id. */
const pool = Buffer.allocUnsafe(16 * 256);
let taken = pool.length;
const text = Buffer.allocUnsafe(36);
const HEX = Buffer.from('0123456789abcdef', 'latin1');

/**
 * Random (version 4) uuids as flat strings. Node's `randomUUID()` returns a rope of ~20 joined
 * pieces (~800 bytes of heap while an event keeps it as its command id); this one writes the 36
 * characters into a buffer and makes one string of them (~56 bytes).
 */
export const randomIds: IdGenerator = () => {
  if (taken === pool.length) {
    randomFillSync(pool);
    taken = 0;
  }
  let at = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) text[at++] = 0x2d; // '-'
    let byte = pool[taken + i]!;
    if (i === 6) byte = (byte & 0x0f) | 0x40; // version 4
    else if (i === 8) byte = (byte & 0x3f) | 0x80; // RFC 4122 variant
    text[at++] = HEX[byte >> 4]!;
    text[at++] = HEX[byte & 0x0f]!;
  }
  taken += 16;
  return text.toString('latin1', 0, 36);
};

/** Uuid-shaped ids counting up from 1: `00000000-0000-4000-8000-000000000001`, ... */
export function sequentialIds(prefix = '00000000-0000-4000-8000-'): IdGenerator {
  let next = 0;
  return () => {
    next += 1;
    return prefix + next.toString(16).padStart(12, '0');
  };
}
