import type { Token } from '../../records.js';

/** Which features an article contributes, before weighting. */
export interface TermOptions {
  /** Stems of content words. */
  unigrams: boolean;
  /** Normalized word forms (`n:`), unstemmed, next to the stems. */
  surface: boolean;
  /** Pairs of neighbouring content-word stems inside a sentence. */
  bigrams: boolean;
  /** Character n-grams of content-word stems (with `<` `>` word boundaries); 0 turns them off. */
  charMin: number;
  charMax: number;
  /** Keep tokens made only of digits (years, scores, amounts) as features. */
  numbers: boolean;
}

/** Feature kinds; the prefix of every feature string names its kind. */
export const TERM_KINDS = ['w', 'b', 'c', 'n'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export function termKind(term: string): TermKind {
  const kind = term.charAt(0);
  return kind === 'b' || kind === 'c' || kind === 'n' ? kind : 'w';
}

const DIGITS = /^[\d.,]+$/;

function contentStem(token: Token, numbers: boolean): string | null {
  if (!token.word || token.stop) return null;
  const stem = (token.stem || token.norm || token.text).toLowerCase();
  if (stem.length === 0) return null;
  if (!numbers && DIGITS.test(stem)) return null;
  return stem;
}

function bump(counts: Map<string, number>, term: string, times = 1): void {
  counts.set(term, (counts.get(term) ?? 0) + times);
}

/** Character n-grams of stems, remembered across the articles of one run (stems repeat a lot). */
export type CharGramCache = Map<string, string[]>;

const CACHE_LIMIT = 500_000;

function charGrams(stem: string, min: number, max: number, cache: CharGramCache | undefined): string[] {
  const known = cache?.get(stem);
  if (known) return known;
  const padded = `<${stem}>`;
  const grams: string[] = [];
  for (let n = min; n <= max; n++) {
    for (let start = 0; start + n <= padded.length; start++)
      grams.push(`c:${padded.slice(start, start + n)}`);
  }
  if (cache) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(stem, grams);
  }
  return grams;
}

/** Raw counts of the features of one article (`w:` stems, `n:` word forms, `b:` stem pairs, `c:` character n-grams). */
export function articleTerms(
  sentences: readonly (readonly Token[])[],
  opts: TermOptions,
  cache?: CharGramCache,
): Map<string, number> {
  const counts = new Map<string, number>();
  const stems = new Map<string, number>();
  for (const sentence of sentences) {
    let previous: string | null = null;
    for (const token of sentence) {
      const stem = contentStem(token, opts.numbers);
      if (stem === null) {
        // Punctuation ends a bigram chain; stopwords are skipped over.
        if (!token.word) previous = null;
        continue;
      }
      stems.set(stem, (stems.get(stem) ?? 0) + 1);
      if (opts.surface) bump(counts, `n:${token.norm.toLowerCase()}`);
      if (opts.bigrams && previous !== null) bump(counts, `b:${previous} ${stem}`);
      previous = stem;
    }
  }
  const chars = opts.charMin > 0 && opts.charMax >= opts.charMin;
  for (const [stem, times] of stems) {
    if (opts.unigrams) counts.set(`w:${stem}`, times);
    if (chars)
      for (const gram of charGrams(stem, opts.charMin, opts.charMax, cache)) bump(counts, gram, times);
  }
  return counts;
}
