/** Log lines go to stderr so stdout stays free for results a user may pipe. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Reports progress of a stage: `done` of `total` (null when unknown). */
  progress(stage: string, done: number, total: number | null): void;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/**
 * On a terminal, progress is one line rewritten in place with counts and the time left; elsewhere
 * (CI, a log file) a plain line every ten seconds.
 */
export function consoleLogger(opts: { quiet?: boolean; tty?: boolean } = {}): Logger {
  const tty = opts.tty ?? process.stderr.isTTY === true;
  let started = 0;
  let lastStage = '';
  let lastWrite = 0;
  let lineOpen = false;
  const clear = (): void => {
    if (lineOpen) process.stderr.write('\r\x1b[2K');
    lineOpen = false;
  };
  return {
    info: (message) => {
      if (opts.quiet) return;
      clear();
      process.stderr.write(`${message}\n`);
    },
    warn: (message) => {
      clear();
      process.stderr.write(`warning: ${message}\n`);
    },
    progress: (stage, done, total) => {
      if (opts.quiet) return;
      const now = Date.now();
      if (stage !== lastStage) {
        lastStage = stage;
        started = now;
        lastWrite = now;
      }
      const interval = tty ? 100 : 10_000;
      if (now - lastWrite < interval && done !== total) return;
      lastWrite = now;
      const elapsed = (now - started) / 1000;
      const rate = elapsed > 0 ? done / elapsed : 0;
      const left = total !== null && rate > 0 ? ` — about ${formatSeconds((total - done) / rate)} left` : '';
      const of = total !== null ? ` of ${total}` : '';
      const line = `${stage}: ${done}${of} (${Math.round(rate)}/s)${left}`;
      if (tty) {
        process.stderr.write(`\r\x1b[2K${line}`);
        lineOpen = true;
      } else {
        process.stderr.write(`${line}\n`);
      }
    },
  };
}

/** A logger that keeps its lines, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(message),
    warn: (message) => lines.push(`warning: ${message}`),
    progress: () => {},
  };
}
