import type { ArticleTokens, Token } from '../records.js';

/**
 * Compact line format of `tokens.jsonl`: `{"id": …, "s": [[[text, norm, stem, flags], …], …]}` where
 * flags is 1 for stopwords + 2 for words; `norm` and `stem` are `0` when equal to the previous field,
 * which keeps the file about a third of the size of plain objects.
 */
type EncodedToken = [string, string | 0, string | 0, number];

export function encodeTokens(doc: ArticleTokens): string {
  const s = doc.sentences.map((sentence) =>
    sentence.map((t): EncodedToken => {
      const norm = t.norm === t.text ? 0 : t.norm;
      const stem = t.stem === t.norm ? 0 : t.stem;
      return [t.text, norm, stem, (t.stop ? 1 : 0) | (t.word ? 2 : 0)];
    }),
  );
  return `${JSON.stringify({ id: doc.id, s })}\n`;
}

export function decodeTokens(line: { id: string; s: EncodedToken[][] }): ArticleTokens {
  return {
    id: line.id,
    sentences: line.s.map((sentence) =>
      sentence.map(([text, n, st, flags]): Token => {
        const norm = n === 0 ? text : n;
        return { text, norm, stem: st === 0 ? norm : st, stop: (flags & 1) !== 0, word: (flags & 2) !== 0 };
      }),
    ),
  };
}
