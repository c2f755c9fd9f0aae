import { Transform } from 'node:stream';

// A step started, a run hook started: a third of a long run's lines and 9% of its bytes, which the
// site never reads. Dropped as bytes, before they are decoded, split into lines or parsed. (The
// source text is read: it tells whether a feature file changed since the run, see featuresSinceRun.)
const UNREAD = ['testStepStarted', 'testRunHookStarted'].map((kind) => Buffer.from(`"${kind}"`));

const isSpace = (b: number | undefined) => b === 32 || b === 9 || b === 13;

/** Whether bytes [start, end) of `buf`, one line without its newline, are a whole envelope of a kind the site never reads. */
export function isUnreadLine(buf: Buffer, start: number, end: number): boolean {
  let i = start;
  while (i < end && isSpace(buf[i])) i++;
  if (buf[i] !== 0x7b) return false;
  i++;
  while (i < end && isSpace(buf[i])) i++;
  const kind = UNREAD.find((name) => end - i > name.length && buf.compare(name, 0, name.length, i, i + name.length) === 0);
  if (kind === undefined) return false;
  i += kind.length;
  while (i < end && isSpace(buf[i])) i++;
  if (buf[i] !== 0x3a) return false;
  let last = end - 1;
  while (last > i && isSpace(buf[last])) last--;
  // A cut-off line is kept, so the reader can report the stream as truncated.
  return buf[last] === 0x7d;
}

/**
 * Calls `line` with each whole line of `piece` (after the unfinished `tail` of the previous piece),
 * as byte offsets without the newline; returns the new unfinished tail. A newline byte is never part
 * of a multi-byte character, so lines can be cut from undecoded bytes.
 */
export function splitLines(piece: Buffer, tail: Buffer | undefined, line: (buf: Buffer, start: number, end: number) => void): Buffer | undefined {
  let buf = piece;
  let start = 0;
  if (tail && tail.length > 0) {
    // Only the line that spans the two pieces is copied, not the whole piece.
    const nl = piece.indexOf(10);
    if (nl === -1) return Buffer.concat([tail, piece]);
    const first = Buffer.concat([tail, piece.subarray(0, nl + 1)]);
    line(first, 0, first.length - 1);
    start = nl + 1;
  }
  for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
    line(buf, start, nl);
    start = nl + 1;
  }
  return start < buf.length ? buf.subarray(start) : undefined;
}

/**
 * Most bytes passed on at once, unless one line is longer. The next stage decodes each piece (with
 * the unfinished line before it) into one string; past 128 KB V8 makes that string a large object,
 * and decoding costs 30 times as much (165 MB of ASCII: 1.4 s in 1 MB pieces, 30 ms in 64 KB ones).
 */
export const PASSED_PIECE = 1 << 16;

/**
 * Passes a stream's bytes on without the whole lines the site never reads (see isUnreadLine), in
 * pieces of whole lines of at most PASSED_PIECE bytes, each a view of what was read (no copy).
 */
export function dropUnreadLines(): Transform {
  let tail: Buffer | undefined;
  return new Transform({
    transform(piece: Buffer, _encoding, done) {
      // The run of consecutive kept lines not yet passed on: bytes [from, to) of `run`.
      let run: Buffer | undefined;
      let from = 0;
      let to = 0;
      tail = splitLines(piece, tail, (buf, start, end) => {
        if (isUnreadLine(buf, start, end)) return;
        if (buf !== run || start !== to || end + 1 - from > PASSED_PIECE) {
          if (run !== undefined && to > from) this.push(run.subarray(from, to));
          run = buf;
          from = start;
        }
        to = end + 1;
      });
      if (run !== undefined && to > from) this.push(run.subarray(from, to));
      done();
    },
    flush(done) {
      if (tail !== undefined && !isUnreadLine(tail, 0, tail.length)) this.push(tail);
      done();
    },
  });
}
