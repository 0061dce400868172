import type { Token } from '../../records.js';
import { fieldHits, loadNewsFields } from './fields.js';

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
  /**
   * Hits of each general news field of data/topics/news-fields.yml as pseudo-terms `f:<field>` (see
   * fields.ts). Absent in models stored before it existed, which then have none.
   */
  fields?: boolean;
  /** Let words of the field lexicon count as heads and modifiers of compounds too. */
  fieldCompounds?: boolean;
  /** Deepest level of fields used: 1 the top-level fields only, 2 their subfields too (default: all). */
  fieldDepth?: number;
}

/** Feature kinds; the prefix of every feature string names its kind (`f`: news field). */
export const TERM_KINDS = ['w', 'b', 'c', 'n', 'f'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export function termKind(term: string): TermKind {
  const kind = term.charAt(0);
  return kind === 'b' || kind === 'c' || kind === 'n' || kind === 'f' ? kind : 'w';
}

const DIGITS = /^[\d.,]+$/;

function contentStem(token: Token, numbers: boolean): string | null {
  if (!token.word || token.stop) return null;
  const stem = (token.stem || token.norm || token.text).toLowerCase();
  if (stem.length === 0) return null;
  if (!numbers && DIGITS.test(stem)) return null;
  return stem;
}

/**
 * Feature strings and their integer ids. While open, unknown features get new ids; once closed (for a
 * trained model, ids = vocabulary positions) unknown features are dropped. Character n-grams are
 * remembered per stem, since stems repeat a lot.
 */
export interface TermTable {
  ids: Map<string, number>;
  terms: string[];
  open: boolean;
  grams: Map<string, Int32Array>;
}

export function openTermTable(): TermTable {
  return { ids: new Map(), terms: [], open: true, grams: new Map() };
}

/** A closed table over a fixed vocabulary: the id of a feature is its position. */
export function closedTermTable(vocabulary: readonly string[]): TermTable {
  return {
    ids: new Map(vocabulary.map((t, i) => [t, i])),
    terms: [...vocabulary],
    open: false,
    grams: new Map(),
  };
}

/** Id of a feature, or -1 when the table is closed and does not know it. */
export function termId(table: TermTable, term: string): number {
  const known = table.ids.get(term);
  if (known !== undefined) return known;
  if (!table.open) return -1;
  const id = table.terms.length;
  table.ids.set(term, id);
  table.terms.push(term);
  return id;
}

const GRAM_CACHE_LIMIT = 500_000;

function charGramIds(table: TermTable, stem: string, min: number, max: number): Int32Array {
  const known = table.grams.get(stem);
  if (known) return known;
  const padded = `<${stem}>`;
  const ids: number[] = [];
  for (let n = min; n <= max; n++) {
    for (let start = 0; start + n <= padded.length; start++) {
      const id = termId(table, `c:${padded.slice(start, start + n)}`);
      if (id >= 0) ids.push(id);
    }
  }
  const out = Int32Array.from(ids);
  if (table.grams.size >= GRAM_CACHE_LIMIT) table.grams.clear();
  table.grams.set(stem, out);
  return out;
}

function bump(counts: Map<number, number>, id: number, times = 1): void {
  if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + times);
}

/**
 * Raw counts of the features of one article, by term id: `w:` stems, `n:` word forms, `b:` pairs of
 * neighbouring stems, `c:` character n-grams of stems, `f:` hits of news fields.
 */
export function articleTerms(
  sentences: readonly (readonly Token[])[],
  opts: TermOptions,
  table: TermTable,
): Map<number, number> {
  const counts = new Map<number, number>();
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
      if (opts.surface) bump(counts, termId(table, `n:${token.norm.toLowerCase()}`));
      if (opts.bigrams && previous !== null) bump(counts, termId(table, `b:${previous} ${stem}`));
      previous = stem;
    }
  }
  if (opts.fields) {
    const lexicon = loadNewsFields(opts.fieldCompounds === true);
    const depth = opts.fieldDepth ?? Number.POSITIVE_INFINITY;
    for (const [field, times] of fieldHits(sentences, lexicon)) {
      if (field.split('.').length <= depth) bump(counts, termId(table, `f:${field}`), times);
    }
  }
  const chars = opts.charMin > 0 && opts.charMax >= opts.charMin;
  for (const [stem, times] of stems) {
    if (opts.unigrams) bump(counts, termId(table, `w:${stem}`), times);
    if (chars) for (const id of charGramIds(table, stem, opts.charMin, opts.charMax)) bump(counts, id, times);
  }
  return counts;
}
