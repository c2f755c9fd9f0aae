import type * as m from '@cucumber/messages';
import { isRecordedEventsAttachment as isRecordedEvents } from '../testing/recordedEventsAttachment';
import type { AttachmentDoc, RecordedEventDoc, SentCommandDoc } from './docsData';
import { cut } from './resultText';

/** Binary attachments up to this size are embedded in the page (images shown, others downloadable). */
const EMBED_LIMIT = 256 * 1024;

/**
 * A scenario's attachments as the page shows them: eventspec's recorded events and sent commands
 * read out of their JSON, text decoded, small binaries embedded, larger ones only named.
 */
export function readAttachments(list: readonly m.Attachment[]): { events: RecordedEventDoc[]; sent: SentCommandDoc[]; extra: AttachmentDoc[]; problem: string | undefined } {
  const events: RecordedEventDoc[] = [];
  const sent: SentCommandDoc[] = [];
  const extra: AttachmentDoc[] = [];
  let problem: string | undefined;
  for (const a of list) {
    const body = a.contentEncoding === 'BASE64' ? Buffer.from(a.body, 'base64').toString('utf8') : a.body;
    if (isRecordedEvents(a)) {
      const parsed = recordedEvents(body);
      if (typeof parsed === 'string') problem = `its recorded events could not be read (${parsed})`;
      else {
        events.push(...parsed.events);
        sent.push(...parsed.sent);
      }
    } else if (a.mediaType.startsWith('text/') || a.mediaType === 'application/json' || a.mediaType.endsWith('+json')) {
      extra.push({ mediaType: a.mediaType, ...(a.fileName ? { fileName: a.fileName } : {}), text: cut(body) });
    } else {
      const base64 = a.contentEncoding === 'BASE64' ? a.body : Buffer.from(a.body, 'utf8').toString('base64');
      const bytes = Math.floor((base64.length * 3) / 4);
      const embed = bytes <= EMBED_LIMIT && /^[\w.+-]+\/[\w.+-]+$/.test(a.mediaType);
      extra.push({ mediaType: a.mediaType, ...(a.fileName ? { fileName: a.fileName } : {}), ...(embed ? { dataUrl: `data:${a.mediaType};base64,${base64}` } : { bytes }) });
    }
  }
  return { events, sent, extra, problem };
}

function recordedEvents(body: string): { events: RecordedEventDoc[]; sent: SentCommandDoc[] } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  const list = (parsed as { events?: unknown } | null)?.events;
  if (!Array.isArray(list)) return 'expected {"events": [...]}';
  const out: RecordedEventDoc[] = [];
  for (const item of list) {
    if (item === null || typeof item !== 'object') return 'an event is not an object';
    const e = item as Record<string, unknown>;
    if (typeof e.type !== 'string') return 'an event has no type';
    out.push({
      streamId: typeof e.streamId === 'string' ? e.streamId : '',
      ...(typeof e.version === 'number' ? { version: e.version } : {}),
      ...(typeof e.position === 'number' ? { position: e.position } : {}),
      type: e.type,
      ...(typeof e.schemaVersion === 'number' ? { schemaVersion: e.schemaVersion } : {}),
      data: e.data,
      ...(e.metadata !== undefined ? { metadata: e.metadata } : {}),
    });
  }
  return { events: out, sent: sentCommands((parsed as { sent?: unknown }).sent) };
}

const TRIGGERS = new Set(['event', 'deadline', 'refusal']);

/** What the processes sent; entries of another shape (an older or foreign writer) are left out. */
function sentCommands(list: unknown): SentCommandDoc[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item): SentCommandDoc[] => {
    const s = item as Record<string, unknown> | null;
    const trigger = s?.trigger as Record<string, unknown> | undefined;
    const strings = ['process', 'instance', 'aggregate', 'id', 'command', 'outcome'] as const;
    if (!s || strings.some((k) => typeof s[k] !== 'string') || !trigger || !TRIGGERS.has(trigger.kind as string) || typeof trigger.name !== 'string') return [];
    return [{
      process: s.process as string,
      instance: s.instance as string,
      trigger: { kind: trigger.kind as SentCommandDoc['trigger']['kind'], name: trigger.name },
      aggregate: s.aggregate as string,
      id: s.id as string,
      command: s.command as string,
      outcome: s.outcome as string,
    }];
  });
}
