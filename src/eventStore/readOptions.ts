import { EventspecError } from '../core/errors';
import { didYouMean } from '../core/suggest';
import type { ReadAllOptions, ReadStreamOptions } from './eventStore';

/**
 * One check of read options for every store (the in-memory store and the MongoDB read plans), so a
 * bad option is refused the same way everywhere instead of being clamped, rounded or read as "none".
 */

const STREAM_KEYS = ['direction', 'fromVersion', 'maxCount'];
const ALL_KEYS = ['after', 'maxCount'];

function wholeNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function shown(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function checkKeys(options: object, known: readonly string[], where: string): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new EventspecError(`${where}: unknown option "${key}"${didYouMean(key, known)}`);
  }
}

function checkCount(value: unknown, option: string, meaning: string, where: string): void {
  if (value !== undefined && !wholeNumber(value)) {
    throw new EventspecError(`${where}: ${option} must be a whole number ≥ 0 (${meaning}), got ${shown(value)}; leave it out for no limit`);
  }
}

export function checkReadStreamOptions(streamId: string, options: ReadStreamOptions | undefined): void {
  if (options === undefined) return;
  const where = `reading stream "${streamId}"`;
  if (options === null || typeof options !== 'object') throw new EventspecError(`${where}: the options must be an object, got ${shown(options)}`);
  checkKeys(options, STREAM_KEYS, where);
  const direction: unknown = options.direction;
  if (direction !== undefined && direction !== 'forward' && direction !== 'backward') {
    throw new EventspecError(`${where}: direction must be "forward" or "backward", got ${shown(direction)}`);
  }
  if (options.fromVersion !== undefined && !wholeNumber(options.fromVersion)) {
    throw new EventspecError(`${where}: fromVersion must be a whole number ≥ 0 (versions count from 1), got ${shown(options.fromVersion)}`);
  }
  checkCount(options.maxCount, 'maxCount', 'the most events to read', where);
}

export function checkReadAllOptions(options: ReadAllOptions | undefined): void {
  if (options === undefined) return;
  const where = 'reading all events';
  if (options === null || typeof options !== 'object') throw new EventspecError(`${where}: the options must be an object, got ${shown(options)}`);
  checkKeys(options, ALL_KEYS, where);
  if (options.after !== undefined && !wholeNumber(options.after)) {
    throw new EventspecError(`${where}: after must be a whole number ≥ 0 (a global position; 0 reads from the start), got ${shown(options.after)}`);
  }
  checkCount(options.maxCount, 'maxCount', 'the most events to read', where);
}
