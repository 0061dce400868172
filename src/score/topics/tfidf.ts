import type { SparseVector } from './sparse.js';
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

/** Lookup structures of a vocabulary: position of each feature and the block (kind) of each position. */
export interface VocabularyIndex {
  position: Map<string, number>;
  kind: Uint8Array;
}

/** Index from feature to position, built once per vocabulary. */
export function vocabularyIndex(vocab: Vocabulary): VocabularyIndex {
  const kind = new Uint8Array(vocab.vocabulary.length);
  vocab.vocabulary.forEach((term, i) => {
    kind[i] = TERM_KINDS.indexOf(termKind(term));
  });
  return { position: new Map(vocab.vocabulary.map((term, i) => [term, i])), kind };
}

/**
 * TF-IDF vector of one article: each feature block (words, bigrams, char n-grams) is l2-normalized on its
 * own and scaled by its block weight, then the whole vector is l2-normalized.
 */
export function weightArticle(
  terms: Map<string, number>,
  vocab: Vocabulary,
  index: VocabularyIndex,
  opts: WeightingOptions,
): SparseVector {
  const found = new Int32Array(terms.size);
  let n = 0;
  for (const [term, count] of terms) {
    const i = index.position.get(term);
    if (i === undefined || count <= 0) continue;
    found[n++] = i;
  }
  const idx = found.slice(0, n).sort();
  const blockNorm = new Float64Array(TERM_KINDS.length);
  const raw = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = idx[k] as number;
    const count = terms.get(vocab.vocabulary[i] as string) as number;
    const tf = opts.sublinearTf ? 1 + Math.log(count) : count;
    const v = tf * (vocab.idf[i] as number);
    raw[k] = v;
    const b = index.kind[i] as number;
    blockNorm[b] = (blockNorm[b] as number) + v * v;
  }
  const scale = TERM_KINDS.map((kind, b) => {
    const norm = blockNorm[b] as number;
    return norm > 0 ? opts.blockWeights[kind] / Math.sqrt(norm) : 0;
  });
  let total = 0;
  for (let k = 0; k < n; k++) {
    const v = (raw[k] as number) * (scale[index.kind[idx[k] as number] as number] as number);
    raw[k] = v;
    total += v * v;
  }
  const norm = total > 0 ? Math.sqrt(total) : 1;
  const val = new Float32Array(n);
  for (let k = 0; k < n; k++) val[k] = (raw[k] as number) / norm;
  return { idx, val };
}
