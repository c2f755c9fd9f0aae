import { EventspecError } from '../core/errors';

/**
 * A stored chunk document does not have the layout this store writes: edited by hand, written by
 * another program, or damaged. Names the stream, the chunk and the field, so it can be found.
 */
export class StoredChunkError extends EventspecError {
  override name = 'StoredChunkError';
  constructor(
    readonly streamId: string,
    readonly chunk: number | undefined,
    readonly field: string,
    problem: string,
  ) {
    super(
      `stored chunk ${chunk ?? '?'} of stream "${streamId}" does not match the chunk layout: ${field} ${problem}. ` +
        'It was probably edited by hand or written by another program; restore it from a backup.',
    );
  }
}
