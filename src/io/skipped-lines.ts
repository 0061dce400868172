import type { Logger } from '../runner/log.js';

/** Told about each line a loader of a vocabulary file skips: its 1-based line number and why. */
export type SkippedLine = (line: number, why: string) => void;

/** Lines named one by one per file; beyond them only their number is told. */
const SHOWN = 5;

/**
 * Loads a vocabulary file (dictionary, lexicon) once in this thread only to tell, as one warning
 * naming the file, the lines its loader skips, so a typo in a user's file is seen instead of silently
 * costing words (the worker threads that load it again skip the same lines without a word). A file
 * that cannot be loaded at all is left to the workers, which fail with its own message.
 */
export function warnSkippedLines(
  log: Logger,
  what: string,
  file: string,
  load: (file: string, skipped: SkippedLine) => unknown,
): void {
  const lines: string[] = [];
  let count = 0;
  try {
    load(file, (line, why) => {
      count += 1;
      if (lines.length < SHOWN) lines.push(`line ${line}: ${why}`);
    });
  } catch {
    return;
  }
  if (count === 0) return;
  const more = count > lines.length ? `; ${count - lines.length} more line(s) like these` : '';
  log.warn(`${what} ${file}: ${count} line(s) skipped — ${lines.join('; ')}${more}`);
}
