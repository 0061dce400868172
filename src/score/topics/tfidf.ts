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

/** A vocabulary with the lookup structures for weighting articles whose terms are counted by id. */
export interface FittedVocabulary extends Vocabulary {
  /** Term id -> vocabulary position, -1 for terms left out. */
  position: Int32Array;
  /** Block (index into TERM_KINDS) of each vocabulary position. */
  kind: Uint8Array;
}

/**
 * Builds the vocabulary and smoothed idf = ln((1 + n) / (1 + df)) + 1 from article term counts (by id
 * in `terms`). Features keep the order of their first occurrence, so the result is deterministic.
 */
export function fitVocabulary(
  articles: readonly Map<number, number>[],
  terms: readonly string[],
  opts: WeightingOptions,
): FittedVocabulary {
  const df = new Int32Array(terms.length);
  for (const counts of articles) for (const id of counts.keys()) df[id] = (df[id] as number) + 1;
  const n = articles.length;
  const maxDf = Math.max(opts.minDf, Math.floor(opts.maxDfShare * n));
  const position = new Int32Array(terms.length).fill(-1);
  const vocabulary: string[] = [];
  const idf: number[] = [];
  const kinds: number[] = [];
  terms.forEach((term, id) => {
    const count = df[id] as number;
    const kind = termKind(term);
    if (count < opts.minDf || count > maxDf || !(opts.blockWeights[kind] > 0)) return;
    position[id] = vocabulary.length;
    vocabulary.push(term);
    idf.push(Math.log((1 + n) / (1 + count)) + 1);
    kinds.push(TERM_KINDS.indexOf(kind));
  });
  return { vocabulary, idf, position, kind: Uint8Array.from(kinds) };
}

/** Lookup structures of a stored vocabulary, whose term ids are its positions. */
export function vocabularyKinds(vocabulary: readonly string[]): Uint8Array {
  return Uint8Array.from(vocabulary, (term) => TERM_KINDS.indexOf(termKind(term)));
}

/**
 * TF-IDF vector of one article from its term counts: each feature block (stems, word forms, bigrams,
 * char n-grams) is l2-normalized on its own and scaled by its block weight, then the whole vector is
 * l2-normalized. `position` maps term ids to vocabulary positions (null: the ids are positions).
 */
export function weightArticle(
  counts: Map<number, number>,
  position: Int32Array | null,
  idf: readonly number[],
  kind: Uint8Array,
  opts: WeightingOptions,
): SparseVector {
  const found = new Int32Array(counts.size);
  const tfOf = new Map<number, number>();
  let n = 0;
  for (const [id, count] of counts) {
    const i = position ? (position[id] ?? -1) : id;
    if (i < 0 || count <= 0) continue;
    found[n++] = i;
    tfOf.set(i, opts.sublinearTf ? 1 + Math.log(count) : count);
  }
  const idx = found.slice(0, n).sort();
  const blockNorm = new Float64Array(TERM_KINDS.length);
  const raw = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = idx[k] as number;
    const v = (tfOf.get(i) as number) * (idf[i] as number);
    raw[k] = v;
    const b = kind[i] as number;
    blockNorm[b] = (blockNorm[b] as number) + v * v;
  }
  const scale = TERM_KINDS.map((name, b) => {
    const norm = blockNorm[b] as number;
    return norm > 0 ? opts.blockWeights[name] / Math.sqrt(norm) : 0;
  });
  let total = 0;
  for (let k = 0; k < n; k++) {
    const v = (raw[k] as number) * (scale[kind[idx[k] as number] as number] as number);
    raw[k] = v;
    total += v * v;
  }
  const norm = total > 0 ? Math.sqrt(total) : 1;
  const val = new Float32Array(n);
  for (let k = 0; k < n; k++) val[k] = (raw[k] as number) / norm;
  return { idx, val };
}
