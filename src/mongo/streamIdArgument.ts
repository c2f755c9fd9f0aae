/** Stream ids are data: the one check every store makes, so MongoDB and the in-memory store agree. */
export { checkStreamId } from '../core/storableValue';
