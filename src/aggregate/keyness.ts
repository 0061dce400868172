import type { Cell } from '../io/csv.js';
import type { Token } from '../records.js';
import { NormTable } from './norm-table.js';
import { forEachContentNorm } from './packed-norms.js';

export const KEYNESS_COLUMNS = [
  'municipality',
  'term',
  'count',
  'count_rest',
  'per_10k',
  'per_10k_rest',
  'g2',
  'log_ratio',
  'p_value',
];

/** Municipality used for articles without one; the same words the aggregate tables use. */
const NO_PLACE = '(ohne Ort)';

/** Frequency used in place of zero in the log ratio (Hardie's correction). */
const ZERO_CORRECTION = 0.5;

/** Significance level: only terms over-used at p below this are reported. */
const ALPHA = 0.01;

/** Term counts of one municipality and the number of word tokens they are counted against. */
export interface TermCounts {
  words: number;
  terms: Map<string, number>;
}

/** A term counts when it is a word, not a stopword, has no digits and at least three letters. */
export function isKeynessTerm(t: Token): boolean {
  if (!t.word || t.stop) return false;
  return isKeynessNorm(t.norm);
}

/** The part of `isKeynessTerm` that looks at the normalized form: no digits, three letters or more. */
function isKeynessNorm(norm: string): boolean {
  if (norm.length < 3) return false;
  let ascii = true;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return false;
    if (c >= 0x80) ascii = false;
  }
  // Other scripts' digits and numerals (², ½, ٣) and letters outside the BMP: the exact test.
  if (!ascii) return !/\p{N}/u.test(norm) && [...norm].length >= 3;
  return true;
}

/** x·ln(x/e) with 0·ln 0 = 0. */
const term = (observed: number, expected: number): number =>
  observed > 0 ? observed * Math.log(observed / expected) : 0;

/**
 * Dunning's log-likelihood G² of a 2×2 table: `a` of `c` tokens in the target corpus against `b`
 * of `d` tokens in the reference corpus. Signed: negative when the target uses the term less.
 */
export function logLikelihood(a: number, c: number, b: number, d: number): number {
  const n = c + d;
  if (n === 0 || c === 0 || d === 0) return 0;
  const k = a + b;
  const e11 = (c * k) / n;
  const e12 = (d * k) / n;
  const e21 = (c * (n - k)) / n;
  const e22 = (d * (n - k)) / n;
  const g2 = 2 * (term(a, e11) + term(b, e12) + term(c - a, e21) + term(d - b, e22));
  const sign = a / c >= b / d ? 1 : -1;
  return sign * Math.max(0, g2);
}

/** Hardie's Log Ratio: log2 of the ratio of relative frequencies, zero counts replaced by 0.5. */
export function logRatio(a: number, c: number, b: number, d: number): number {
  const fa = (a === 0 ? ZERO_CORRECTION : a) / c;
  const fb = (b === 0 ? ZERO_CORRECTION : b) / d;
  return Math.log2(fa / fb);
}

/** Complementary error function: power series below 2, continued fraction above. */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) {
    // erf(x) = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1))
    let sum = 0;
    let power = x;
    for (let n = 0; n < 60; n++) {
      const piece = power / (2 * n + 1);
      sum += piece;
      if (Math.abs(piece) < 1e-17 * Math.abs(sum)) break;
      power *= (-x * x) / (n + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the tail.
  let f = x;
  for (let k = 80; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/** Upper tail of the chi-square distribution with one degree of freedom. */
export function chiSquare1P(statistic: number): number {
  if (!(statistic > 0)) return 1;
  return erfc(Math.sqrt(statistic / 2));
}

export interface Keyness {
  /** Counts the terms of one article. */
  add(municipality: string | null, sentences: Token[][]): void;
  /**
   * The same from an article's word count and the normalized forms of its words that are not
   * stopwords (`contentWords` of the packed tokens): no tokens need to be built.
   */
  addWords(municipality: string | null, words: number, norms: string[]): void;
  /** The same straight from the packed token string of a tokens.jsonl line (its `s`). */
  addPacked(municipality: string | null, packed: string): void;
  /** Adds another accumulator's counts (sharded runs combine to the same table). */
  merge(other: { counts(): Map<string, TermCounts> }): void;
  counts(): Map<string, TermCounts>;
  /**
   * The counts added since the last call (or since the start), as plain maps; they stay in the
   * totals. Lets one accumulator count a run of segments and hand out each segment's counts without a
   * term table per segment.
   */
  segmentCounts(): Map<string, TermCounts>;
  /**
   * Over-represented terms per municipality against all other municipalities together: count at
   * least `minCount` (default 5), p < 0.01, the `top` (default 30) largest G² per municipality.
   */
  rows(opts?: { minCount?: number; top?: number }): Cell[][];
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Counts of one municipality: per term id, and the ids in the order the place first used them; the
 * same for the counts since the last `segmentCounts` call.
 */
interface PlaceCounts {
  words: number;
  counts: Uint32Array;
  order: number[];
  segmentWords: number;
  segment: Uint32Array;
  segmentOrder: number[];
}

/**
 * Keyness of terms in each municipality against the rest. Every normalized form is looked up once
 * per token in one table (form -> term id, or -1 when it is no keyness term, so that test runs once
 * per form); counts are kept per municipality in an array indexed by term id. Memory: the forms seen,
 * and four bytes per term and municipality.
 */
export function createKeyness(): Keyness {
  const terms: string[] = [];
  const newTerm = (text: string): number => terms.push(text) - 1;
  const table = new NormTable((norm) => (isKeynessNorm(norm) ? newTerm(norm) : -1));
  /** Terms only another accumulator counted although they fail `isKeynessNorm` (kept by `merge`). */
  const mergedOnly = new Map<string, number>();
  const byPlace = new Map<string, PlaceCounts>();
  const placeOf = (m: string): PlaceCounts => {
    let c = byPlace.get(m);
    if (!c) {
      const size = Math.max(1024, terms.length);
      c = {
        words: 0,
        counts: new Uint32Array(size),
        order: [],
        segmentWords: 0,
        segment: new Uint32Array(size),
        segmentOrder: [],
      };
      byPlace.set(m, c);
    }
    return c;
  };
  const count = (c: PlaceCounts, id: number, n: number): void => {
    if (id >= c.counts.length) {
      const size = Math.max(id + 1, c.counts.length * 2);
      const grown = new Uint32Array(size);
      grown.set(c.counts);
      c.counts = grown;
      const grownSegment = new Uint32Array(size);
      grownSegment.set(c.segment);
      c.segment = grownSegment;
    }
    const before = c.counts[id] as number;
    if (before === 0) c.order.push(id);
    c.counts[id] = before + n;
    const inSegment = c.segment[id] as number;
    if (inSegment === 0) c.segmentOrder.push(id);
    c.segment[id] = inSegment + n;
  };
  const addWords: Keyness['addWords'] = (municipality, words, norms) => {
    const c = placeOf(municipality ?? NO_PLACE);
    c.words += words;
    c.segmentWords += words;
    for (let i = 0; i < norms.length; i++) {
      const norm = norms[i] as string;
      const id = table.lookup(norm, 0, norm.length);
      if (id >= 0) count(c, id, 1);
    }
  };
  const addPacked: Keyness['addPacked'] = (municipality, packed) => {
    const c = placeOf(municipality ?? NO_PLACE);
    const words = forEachContentNorm(packed, (start, end, hash) => {
      const id = table.lookup(packed, start, end, hash);
      if (id >= 0) count(c, id, 1);
    });
    c.words += words;
    c.segmentWords += words;
  };
  const segmentCounts = (): Map<string, TermCounts> => {
    const out = new Map<string, TermCounts>();
    for (const [m, c] of byPlace) {
      if (c.segmentWords === 0 && c.segmentOrder.length === 0) continue;
      const termCounts = new Map<string, number>();
      for (const id of c.segmentOrder) {
        termCounts.set(terms[id] as string, c.segment[id] as number);
        c.segment[id] = 0;
      }
      out.set(m, { words: c.segmentWords, terms: termCounts });
      c.segmentWords = 0;
      c.segmentOrder = [];
    }
    return out;
  };
  /** The term counts of every municipality as plain maps (terms in the order the place met them). */
  const counts = (): Map<string, TermCounts> => {
    const out = new Map<string, TermCounts>();
    for (const [m, c] of byPlace)
      out.set(m, {
        words: c.words,
        terms: new Map(c.order.map((id) => [terms[id] as string, c.counts[id] as number])),
      });
    return out;
  };
  return {
    add(municipality, sentences) {
      const words = sentences.flat().filter((t) => t.word);
      addWords(
        municipality,
        words.length,
        words.filter((t) => !t.stop).map((t) => t.norm),
      );
    },
    addWords,
    addPacked,
    merge(other) {
      for (const [m, o] of other.counts()) {
        const c = placeOf(m);
        c.words += o.words;
        c.segmentWords += o.words;
        for (const [t, n] of o.terms) {
          let id = table.lookup(t, 0, t.length);
          if (id < 0) {
            id = mergedOnly.get(t) ?? newTerm(t);
            mergedOnly.set(t, id);
          }
          if (n > 0) count(c, id, n);
        }
      }
    },
    counts,
    segmentCounts,
    rows(opts = {}) {
      const minCount = opts.minCount ?? 5;
      const top = opts.top ?? 30;
      let totalWords = 0;
      const totals = new Float64Array(terms.length);
      for (const c of byPlace.values()) {
        totalWords += c.words;
        for (const id of c.order) totals[id] = (totals[id] as number) + (c.counts[id] as number);
      }
      const rows: Cell[][] = [];
      const places = [...byPlace.keys()].sort((a, b) => a.localeCompare(b, 'de') || (a < b ? -1 : 1));
      for (const m of places) {
        const c = byPlace.get(m) as PlaceCounts;
        const restWords = totalWords - c.words;
        if (c.words === 0 || restWords === 0) continue;
        const found: Array<{ term: string; a: number; b: number; g2: number; lr: number; p: number }> = [];
        for (const id of c.order) {
          const a = c.counts[id] as number;
          if (a < minCount) continue;
          const b = (totals[id] as number) - a;
          if (a / c.words <= b / restWords) continue;
          const g2 = logLikelihood(a, c.words, b, restWords);
          const p = chiSquare1P(g2);
          if (p >= ALPHA) continue;
          found.push({ term: terms[id] as string, a, b, g2, lr: logRatio(a, c.words, b, restWords), p });
        }
        found.sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
        for (const f of found.slice(0, top))
          rows.push([
            m,
            f.term,
            f.a,
            f.b,
            round((f.a / c.words) * 10_000, 2),
            round((f.b / restWords) * 10_000, 2),
            round(f.g2, 3),
            round(f.lr, 3),
            f.p,
          ]);
      }
      return rows;
    },
  };
}
