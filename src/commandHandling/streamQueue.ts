/**
 * One line per key (a stream): work for a key runs one after another, in order of arrival, while
 * other keys run alongside. A key's line exists only while work for it runs, so idle streams cost
 * nothing. The work function is given once per call with its argument, not wrapped in a closure:
 * the command handler's hot path allocates only the promise of a queued call.
 */
export interface StreamQueue<Arg, Result> {
  run(key: string, arg: Arg): Promise<Result>;
  /** Whether work for the key is running or waiting. */
  has(key: string): boolean;
  /** Keys with work running or waiting (for tests and metrics). */
  readonly size: number;
}

interface Waiting<Arg, Result> {
  arg: Arg;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

export function streamQueue<Arg, Result>(work: (arg: Arg) => Promise<Result>): StreamQueue<Arg, Result> {
  const lines = new Map<string, Waiting<Arg, Result>[]>();

  async function runFirst(key: string, line: Waiting<Arg, Result>[], arg: Arg): Promise<Result> {
    try {
      return await work(arg);
    } finally {
      if (line.length === 0) lines.delete(key);
      else void drain(key, line);
    }
  }

  /** The rest of a line; a failing call rejects only its own caller. */
  async function drain(key: string, line: Waiting<Arg, Result>[]): Promise<void> {
    for (let next = line.shift(); next !== undefined; next = line.shift()) {
      try {
        next.resolve(await work(next.arg));
      } catch (error) {
        next.reject(error);
      }
    }
    // Nothing was awaited since the line was found empty, so nobody joined it in between.
    lines.delete(key);
  }

  return {
    run(key, arg) {
      const line = lines.get(key);
      if (line !== undefined) return new Promise<Result>((resolve, reject) => line.push({ arg, resolve, reject }));
      const mine: Waiting<Arg, Result>[] = [];
      lines.set(key, mine);
      return runFirst(key, mine, arg);
    },
    has(key) {
      return lines.has(key);
    },
    get size() {
      return lines.size;
    },
  };
}
