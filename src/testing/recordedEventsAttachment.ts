/**
 * How a scenario's recorded events travel in the Cucumber message stream: a JSON attachment (which
 * cucumber's html report and other tools show inline) told apart from others by its file name.
 */
export const RECORDED_EVENTS_FILE = 'eventspec-recorded-events.json';
/** The media type of streams written before; still read by the living documentation. */
export const LEGACY_RECORDED_EVENTS_MEDIA_TYPE = 'application/vnd.eventspec.recorded+json';

export function isRecordedEventsAttachment(a: { mediaType: string; fileName?: string | undefined }): boolean {
  return a.mediaType === LEGACY_RECORDED_EVENTS_MEDIA_TYPE || (a.mediaType === 'application/json' && a.fileName === RECORDED_EVENTS_FILE);
}
