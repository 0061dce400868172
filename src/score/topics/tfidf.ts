import { type SparseVector, sparseFromMap, squaredNorm } from './sparse.js';
import { TERM_KINDS, type TermKind, termKind } from './terms.js';

/** Vocabulary with inverse document frequencies; index i of `idf` belongs to `vocabulary[i]`. */
export interface Vocabulary {
  vocabulary: string[];
  idf: number[];
}

export interface WeightingOptions {
  /** Minimum number of articles a feature must occur in. */
  minDf: number;
  /** Maximum share of articles a feature may occur in (very common features carry no topic). */
  maxDfShare: number;
  /** Use 1 + ln(tf) instead of raw counts. */
  sublinearTf: boolean;
  /** Weight of each feature block after its own l2 normalization. */
  blockWeights: Record<TermKind, number>;
}

/** Builds the vocabulary and smoothed idf = ln((1 + n) / (1 + df)) + 1 from article term counts. */
export function fitVocabulary(articles: readonly Map<string, number>[], opts: WeightingOptions): Vocabulary {
  const df = new Map<string, number>();
  for (const terms of articles) for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = articles.length;
  const maxDf = Math.max(opts.minDf, Math.floor(opts.maxDfShare * n));
  const kept = [...df.entries()]
    .filter(([term, count]) => count >= opts.minDf && count <= maxDf && opts.blockWeights[termKind(term)] > 0)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    vocabulary: kept.map(([term]) => term),
    idf: kept.map(([, count]) => Math.log((1 + n) / (1 + count)) + 1),
  };
}

/** Index from feature to position, built once per vocabulary. */
export function vocabularyIndex(vocab: Vocabulary): Map<string, number> {
  return new Map(vocab.vocabulary.map((term, i) => [term, i]));
}

/**
 * TF-IDF vector of one article: each feature block (words, bigrams, char n-grams) is l2-normalized on its
 * own and scaled by its block weight, then the whole vector is l2-normalized.
 */
export function weightArticle(
  terms: Map<string, number>,
  vocab: Vocabulary,
  index: Map<string, number>,
  opts: WeightingOptions,
): SparseVector {
  const blocks = new Map<TermKind, Map<number, number>>(TERM_KINDS.map((kind) => [kind, new Map()]));
  for (const [term, count] of terms) {
    const i = index.get(term);
    if (i === undefined) continue;
    const tf = opts.sublinearTf ? 1 + Math.log(count) : count;
    blocks.get(termKind(term))?.set(i, tf * (vocab.idf[i] as number));
  }
  const merged = new Map<number, number>();
  for (const [kind, block] of blocks) {
    let norm = 0;
    for (const v of block.values()) norm += v * v;
    if (norm === 0) continue;
    const scale = opts.blockWeights[kind] / Math.sqrt(norm);
    for (const [i, v] of block) merged.set(i, v * scale);
  }
  const vector = sparseFromMap(merged);
  const norm = Math.sqrt(squaredNorm(vector));
  if (norm > 0) for (let k = 0; k < vector.val.length; k++) vector.val[k] = (vector.val[k] as number) / norm;
  return vector;
}
