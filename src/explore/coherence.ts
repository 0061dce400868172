/**
 * Coherence of a topic's top terms: how much more often they occur in the same article than chance
 * would have them, as the mean normalized pointwise mutual information (NPMI, Bouma 2009) over all
 * pairs of the terms, counted by article (a term occurs in an article or not). 1: the terms always
 * come together; 0: independent; −1: never in the same article. Topics whose top terms rarely meet
 * (a mixed bag of leftover words) score near or below 0 and are rarely worth naming.
 */

/** The columns (term indexes) each article contains, as in a sparse term matrix. */
export interface ArticleColumns {
  idx: ArrayLike<number>;
}

/**
 * Mean NPMI of the pairs of `columns` over the articles `rows`, or null for fewer than two columns or
 * no articles. A pair that never meets counts −1; a pair of terms in every article counts 1.
 */
export function npmiCoherence(rows: readonly ArticleColumns[], columns: readonly number[]): number | null {
  const n = columns.length;
  if (n < 2 || rows.length === 0) return null;
  const position = new Map<number, number>();
  columns.forEach((c, i) => {
    if (!position.has(c)) position.set(c, i);
  });
  const single = new Float64Array(n);
  const pairs = new Float64Array(n * n);
  const present: number[] = [];
  for (const row of rows) {
    present.length = 0;
    for (let i = 0; i < row.idx.length; i++) {
      const p = position.get(row.idx[i] as number);
      if (p !== undefined) present.push(p);
    }
    for (let a = 0; a < present.length; a++) {
      const pa = present[a] as number;
      single[pa] = (single[pa] as number) + 1;
      for (let b = a + 1; b < present.length; b++) {
        const pb = present[b] as number;
        const [lo, hi] = pa < pb ? [pa, pb] : [pb, pa];
        pairs[lo * n + hi] = (pairs[lo * n + hi] as number) + 1;
      }
    }
  }
  const total = rows.length;
  let sum = 0;
  let count = 0;
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      sum += npmi(
        (single[a] as number) / total,
        (single[b] as number) / total,
        (pairs[a * n + b] as number) / total,
      );
      count += 1;
    }
  return sum / count;
}

/** NPMI of two events from their probabilities and the probability of both. */
function npmi(pa: number, pb: number, pab: number): number {
  if (pab <= 0) return -1;
  if (pab >= 1) return 1;
  return Math.log(pab / (pa * pb)) / -Math.log(pab);
}

/**
 * Topics whose top terms hang together least: coherence at or below 0 (no more often together than
 * chance), or under half the median coherence of the topics. The level depends on the corpus (on
 * real German news, ten topics ranged from 0.12 to 0.44), hence the comparison with the median.
 */
export function looseTopics(topics: readonly { topic: number; coherence: number | null }[]): number[] {
  const values = topics.flatMap((t) => (t.coherence === null ? [] : [t.coherence])).sort((a, b) => a - b);
  if (values.length === 0) return [];
  const mid = values.length >> 1;
  const median =
    values.length % 2 === 1
      ? (values[mid] as number)
      : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
  return topics
    .filter((t) => t.coherence !== null && (t.coherence <= 0 || t.coherence < median / 2))
    .map((t) => t.topic);
}
