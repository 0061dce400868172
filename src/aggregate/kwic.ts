import type { Cell } from '../io/csv.js';
import type { Token } from '../records.js';

export const KWIC_COLUMNS = ['id', 'date', 'municipality', 'left', 'keyword', 'right'];

/** Tokens written without a space before them: closing punctuation and closing quotes. */
const NO_SPACE_BEFORE = /^[.,;:!?)\]}%…“”’«]+$/u;
/** Tokens written without a space after them: opening brackets and German opening quotes. */
const NO_SPACE_AFTER = /^[([{„‚»]+$/u;

/** Joins tokens the way German text is written: words spaced, no space before `.` or after `„`. */
export function joinTokens(tokens: readonly Token[]): string {
  let out = '';
  let previous: Token | null = null;
  for (const t of tokens) {
    const glued =
      previous === null ||
      (!t.word && NO_SPACE_BEFORE.test(t.text)) ||
      (!previous.word && NO_SPACE_AFTER.test(previous.text));
    out += glued ? t.text : ` ${t.text}`;
    previous = t;
  }
  return out;
}

/**
 * Keyword-in-context lines: one row per token that `isTarget` accepts, with up to `window` tokens
 * of its sentence on either side (punctuation counts as a token).
 */
export function kwicLines(
  article: { id: string; date: string | null; municipality: string | null },
  sentences: Token[][],
  isTarget: (t: Token) => boolean,
  window = 8,
): Cell[][] {
  const rows: Cell[][] = [];
  const w = Math.max(0, Math.floor(window));
  for (const sentence of sentences)
    sentence.forEach((t, i) => {
      if (!isTarget(t)) return;
      rows.push([
        article.id,
        article.date,
        article.municipality,
        joinTokens(sentence.slice(Math.max(0, i - w), i)),
        t.text,
        joinTokens(sentence.slice(i + 1, i + 1 + w)),
      ]);
    });
  return rows;
}
