const BAR_WIDTH = 30;

export interface Progress {
  /** A new part of the load begins, with how many steps it takes. */
  phase(name: string, total: number): void;
  tick(count?: number): void;
  /** A line of its own (e.g. a 429 waited out), without breaking the bar. */
  note(line: string): void;
  done(): void;
}

/** A bar redrawn in place on a terminal; otherwise (CI, a log) a line per phase and per tenth of it. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  let name = '';
  let total = 0;
  let done = 0;
  let lastTenth = -1;
  const startedAt = Date.now();
  const line = () => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
    return `${name.padEnd(22)} [${'#'.repeat(Math.round(share * BAR_WIDTH)).padEnd(BAR_WIDTH, '.')}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total}  ${seconds}s`;
  };
  const draw = () => {
    if (stream.isTTY) {
      stream.write(`\r${line()}\x1b[K`);
    } else {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${line()}\n`);
      }
    }
  };
  return {
    phase(next, steps) {
      if (stream.isTTY && name) stream.write('\n');
      name = next;
      total = steps;
      done = 0;
      lastTenth = -1;
      draw();
    },
    tick(count = 1) {
      done += count;
      draw();
    },
    note(text) {
      stream.write(stream.isTTY ? `\r\x1b[K${text}\n` : `${text}\n`);
      if (stream.isTTY) draw();
    },
    done() {
      if (stream.isTTY && name) stream.write('\n');
    },
  };
}

/** For callers that want no output (the tests). */
export const silentProgress: Progress = {
  phase: () => undefined,
  tick: () => undefined,
  note: () => undefined,
  done: () => undefined,
};
