/** Log lines go to stderr so stdout stays free for results a user may pipe. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export function consoleLogger(opts: { quiet?: boolean } = {}): Logger {
  return {
    info: (message) => {
      if (!opts.quiet) process.stderr.write(`${message}\n`);
    },
    warn: (message) => {
      process.stderr.write(`warning: ${message}\n`);
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
  };
}
