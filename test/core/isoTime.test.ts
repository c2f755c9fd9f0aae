import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIsoTimeText, isoTime } from '../../src/core/isoTime';

describe('isIsoTimeText: a time as events carry it', () => {
  it('takes what toISOString writes and RFC 3339 times with a zone', () => {
    for (const text of ['2025-03-01T10:00:00.000Z', '2025-03-01T10:00:00Z', '2025-03-01T11:00:00+01:00', '2025-03-01T04:30:00-05:30', '2025-03-01T10:00:00.123456789Z', '2024-02-29T23:59:59Z', '2000-02-29T00:00:00Z', '0000-02-29T00:00:00Z', '2025-12-31T00:00:00+23:59']) {
      assert.equal(isIsoTimeText(text), true, text);
    }
    assert.equal(isIsoTimeText(isoTime(new Date('2025-06-30T12:34:56.789Z'))), true);
  });

  it('refuses text Date.parse would misread or not read: no zone, no time, impossible dates and times', () => {
    for (const text of ['yesterday', '', '2025-03-01', '2025-03-01T10:00:00', '2025-03-01T10:00Z', '2025-03-01 10:00:00Z', '2025-02-30T10:00:00Z', '2025-02-29T10:00:00Z', '1900-02-29T00:00:00Z', '0100-02-29T00:00:00Z', '2025-04-31T00:00:00Z', '2025-00-10T00:00:00Z', '2025-13-01T10:00:00Z', '2025-03-00T10:00:00Z', '2025-03-01T24:00:00Z', '2025-03-01T10:60:00Z', '2025-03-01T10:00:60Z', '2025-03-01T10:00:00+24:00', '2025-03-01T10:00:00+01:60', '2025-03-01T10:00:00.Z', ' 2025-03-01T10:00:00Z', '2025-03-01T10:00:00Z\n']) {
      assert.equal(isIsoTimeText(text), false, JSON.stringify(text));
    }
  });
});
