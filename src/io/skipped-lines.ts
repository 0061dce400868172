import type { Logger } from '../runner/log.js';

/** Told about each line a loader of a vocabulary file skips: its 1-based line number and why. */
export type SkippedLine = (line: number, why: string) => void;

/** Lines named one by one per file; beyond them only their number is told. */
const SHOWN = 5;

/**
 * Collects the lines a loader of a vocabulary file (dictionary, lexicon) skipped, and tells them as
 * warnings naming the file, so a typo in a user's file is seen instead of silently costing words.
 */
export function skippedLinesReport(
  what: string,
  file: string,
): { skipped: SkippedLine; tell: (log: Logger) => void } {
  const lines: string[] = [];
  let count = 0;
  return {
    skipped: (line, why) => {
      count += 1;
      if (lines.length < SHOWN) lines.push(`line ${line}: ${why}`);
    },
    tell: (log) => {
      if (count === 0) return;
      const more = count > lines.length ? `; ${count - lines.length} more line(s) like these` : '';
      log.warn(`${what} ${file}: ${count} line(s) skipped — ${lines.join('; ')}${more}`);
    },
  };
}
