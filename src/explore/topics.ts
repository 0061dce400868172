import type { Token } from '../records.js';
import { npmiCoherence } from './coherence.js';
import { nmf } from './nmf.js';
import { type TermMatrix, type TermSettings, termMatrix } from './vocabulary.js';

/** One article to explore: its id and its tokens. */
export interface ExploreDoc {
  id: string;
  sentences: readonly (readonly Token[])[];
}

export interface ExploreOptions extends Partial<TermSettings> {
  /** Number of topics. */
  k: number;
  /** Terms listed per topic. */
  topTerms: number;
  /** Seed of the starting values: the same seed and articles give the same topics. */
  seed: number;
  /** Most update rounds of the factorization (default 300). */
  maxIter?: number;
}

export interface TopicTerm {
  /** The commonest word form of the stem. */
  term: string;
  stem: string;
  /** Share of the topic's term weight (the weights of all stems of a topic sum to 1). */
  weight: number;
}

export interface ExploredTopic {
  /** 1-based; topic 1 carries the most weight in the corpus. */
  topic: number;
  /** Sum of the articles' shares of this topic (an article counts 1 in all). */
  size: number;
  terms: TopicTerm[];
  /**
   * Mean NPMI of the top terms' pairs over the explored articles (see coherence.ts): near 1 the terms
   * come together, at or below 0 they rarely do; null with fewer than two terms.
   */
  coherence: number | null;
}

export interface ArticleTopics {
  id: string;
  /** Share of each topic (index = topic − 1), summing to 1; all 0 for an article without usable terms. */
  weights: number[];
  /** The topic with the largest share, or null when the article has no usable terms. */
  main: number | null;
}

export interface TopicExploration {
  topics: ExploredTopic[];
  articles: ArticleTopics[];
  /** The term matrix and topic-term weights (row t − 1 = topic t), for per-group term lists. */
  matrix: TermMatrix;
  topicTerms: Float64Array;
  iterations: number;
}

const defaultTerms: TermSettings = { minDf: 2, maxDfShare: 0.5, maxTerms: 5000 };

/** The `n` columns of a row with the largest positive values, ties by column. */
export function topColumns(values: ArrayLike<number>, n: number): number[] {
  const cols: number[] = [];
  for (let j = 0; j < values.length; j++) if ((values[j] as number) > 0) cols.push(j);
  cols.sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
  return cols.slice(0, Math.max(0, n));
}

/**
 * Unsupervised topics of a set of articles: non-negative matrix factorization of the TF-IDF matrix of
 * content-word stems. Returns each topic's top terms and each article's topic shares. Deterministic for
 * a seed. Meant for exploring a corpus to build or extend a codebook, not as a coding.
 */
export function exploreTopics(docs: readonly ExploreDoc[], opts: ExploreOptions): TopicExploration {
  const settings: TermSettings = {
    minDf: opts.minDf ?? defaultTerms.minDf,
    maxDfShare: opts.maxDfShare ?? defaultTerms.maxDfShare,
    maxTerms: opts.maxTerms ?? defaultTerms.maxTerms,
  };
  const matrix = termMatrix(
    docs.map((d) => d.sentences),
    settings,
  );
  const k = Math.max(1, Math.floor(opts.k));
  const m = matrix.columns;
  if (docs.length === 0 || m === 0) {
    return {
      topics: [],
      articles: docs.map((d) => ({ id: d.id, weights: [], main: null })),
      matrix,
      topicTerms: new Float64Array(0),
      iterations: 0,
    };
  }
  const fit = nmf(matrix, { k, seed: opts.seed, maxIter: opts.maxIter ?? 300, tolerance: 1e-4 });
  // Scale each topic's term weights to sum 1 and move the scale into the article weights.
  const h = fit.h;
  const w = fit.w;
  for (let t = 0; t < k; t++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += h[t * m + j] as number;
    if (s <= 0) continue;
    for (let j = 0; j < m; j++) h[t * m + j] = (h[t * m + j] as number) / s;
    for (let r = 0; r < docs.length; r++) w[r * k + t] = (w[r * k + t] as number) * s;
  }
  const shares = docs.map((_, r) => {
    const row = Array.from(w.subarray(r * k, r * k + k));
    const total = row.reduce((a, b) => a + b, 0);
    return total > 0 ? row.map((x) => x / total) : row.map(() => 0);
  });
  const size = Array.from({ length: k }, (_, t) => shares.reduce((s, row) => s + (row[t] as number), 0));
  // Biggest topic first; ties keep the factorization's order.
  const order = Array.from({ length: k }, (_, t) => t).sort(
    (a, b) => (size[b] as number) - (size[a] as number) || a - b,
  );
  const topicTerms = new Float64Array(k * m);
  order.forEach((t, rank) => {
    topicTerms.set(h.subarray(t * m, t * m + m), rank * m);
  });
  const topics: ExploredTopic[] = order.map((t, rank) => {
    const columns = topColumns(h.subarray(t * m, t * m + m), opts.topTerms);
    return {
      topic: rank + 1,
      size: size[t] as number,
      terms: columns.map((j) => ({
        term: matrix.display[j] as string,
        stem: matrix.stems[j] as string,
        weight: h[t * m + j] as number,
      })),
      coherence: npmiCoherence(matrix.rows, columns),
    };
  });
  const articles: ArticleTopics[] = docs.map((d, r) => {
    const row = shares[r] as number[];
    const weights = order.map((t) => row[t] as number);
    const best = topColumns(weights, 1)[0];
    return { id: d.id, weights, main: best === undefined ? null : best + 1 };
  });
  return { topics, articles, matrix, topicTerms, iterations: fit.iterations };
}

/**
 * The terms that carry topic `topic` in a group of articles (rows of the term matrix): each stem scores
 * the sum over the group of article share × the stem's weight in the article, times its weight in the
 * topic. Gives the words a municipality's coverage of a topic is made of.
 */
export function groupTopicTerms(
  exploration: TopicExploration,
  rows: readonly number[],
  topic: number,
  n: number,
): string[] {
  const { matrix, topicTerms } = exploration;
  const m = matrix.columns;
  const t = topic - 1;
  const score = new Float64Array(m);
  for (const r of rows) {
    const share = exploration.articles[r]?.weights[t] ?? 0;
    const row = matrix.rows[r];
    if (!row || share <= 0) continue;
    for (let i = 0; i < row.idx.length; i++) {
      const j = row.idx[i] as number;
      score[j] = (score[j] as number) + share * (row.val[i] as number) * (topicTerms[t * m + j] as number);
    }
  }
  return topColumns(score, n).map((j) => matrix.display[j] as string);
}
