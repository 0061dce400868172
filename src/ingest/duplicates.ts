/**
 * Near-duplicate detection for a stream of articles (agency stories printed by several papers, the same
 * report on two portals).
 *
 * Texts are normalized (lower case, punctuation stripped), cut into overlapping word shingles and
 * summarized by a MinHash signature: for each of `hashes` hash functions, the smallest hash of any
 * shingle. The share of equal signature positions estimates the Jaccard similarity of the shingle
 * sets. Signatures are split into bands (locality-sensitive hashing): two texts become candidates when
 * all rows of some band agree, so a lookup touches only a few stored signatures.
 *
 * A candidate is a duplicate when its estimated Jaccard similarity reaches the threshold, or when the
 * estimated overlap coefficient |A∩B| / min(|A|, |B|) does (both texts having at least
 * MIN_OVERLAP_SHINGLES shingles and the shorter at least half as many as the longer). The overlap coefficient is what finds the same agency story under a
 * rewritten headline and first sentence, or with a closing line or paragraph added or cut: on a story
 * of 180 words a new headline and lead already pull the Jaccard similarity down to about 0.8, while two
 * different reports on the same event stay far below 0.2 on either measure.
 *
 * Only the signature (4 bytes per hash), the shingle count and band keys are kept per article, never
 * the text. Hashing is deterministic: the same inputs give the same answers in every run.
 */

import { createWordSplitter } from './word-splitter.js';

export interface DuplicateOptions {
  /** Estimated Jaccard similarity at or above which a text is a duplicate. */
  threshold: number;
  /** Words per shingle. */
  shingle: number;
  /** Signature length (number of hash functions). */
  hashes: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = { threshold: 0.8, shingle: 5, hashes: 128 };

/** What the finder keeps of a text: its MinHash signature and shingle count (no text). */
export interface TextSignature {
  signature: Uint32Array;
  shingles: number;
  /** The text had no words (never a duplicate, never matched). */
  empty: boolean;
}

export interface DuplicateFinder {
  /** Registers the text; returns the id of the first copy when it is a near-duplicate of an earlier text, else null. */
  check(id: string, text: string): string | null;
  /** Same as `check`, with the signature computed beforehand (e.g. in a worker) by `signTexts`. */
  register(id: string, signed: TextSignature): string | null;
}

/**
 * The signing half of a duplicate finder: a pure function of the text and the options, so that it
 * can run in another thread than the matching.
 */
export function signTexts(options: Partial<DuplicateOptions> = {}): (text: string) => TextSignature {
  const opts: DuplicateOptions = { ...DEFAULT_DUPLICATE_OPTIONS, ...options };
  const functionSeeds = seeds(opts.hashes);
  return (text) => {
    const words = normalizeWords(text);
    const shingles = shingleHashes(words, opts.shingle);
    return {
      signature: minhashSignature(shingles, opts, functionSeeds),
      shingles: shingles.size,
      empty: words.length === 0,
    };
  };
}

/** Lower-case words with punctuation stripped; digits are kept (dates and figures tell stories apart). */
export function normalizeWords(text: string): string[] {
  return splitLettersAndDigits(
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/[\u00ad\u200b]/g, ''),
  );
}

const splitLettersAndDigits = createWordSplitter(/[\p{L}\p{N}]/u);

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The finalizer of MurmurHash3: a cheap, well-mixing bijection on 32-bit integers. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed per-function seeds derived from the function index, so no randomness enters. */
function seeds(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = mix32(Math.imul(i + 1, 0x9e3779b9));
  return out;
}

/** Distinct shingle hashes of a text (from per-word hashes); a text shorter than one shingle is a single shingle. */
export function shingleHashes(words: string[], size: number): Set<number> {
  const out = new Set<number>();
  if (words.length === 0) return out;
  const wordHashes = words.map(fnv1a);
  const n = Math.max(1, words.length - size + 1);
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c;
    for (let k = i; k < Math.min(i + size, words.length); k++) h = mix32(h ^ (wordHashes[k] ?? 0)) + k - i;
    out.add(h >>> 0);
  }
  return out;
}

/** The overlap coefficient from a Jaccard estimate and the two set sizes. */
export function overlapFromJaccard(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, intersection / smaller);
}

/** Texts with fewer shingles are judged by Jaccard similarity alone (a short text is easily contained). */
const MIN_OVERLAP_SHINGLES = 20;
/**
 * The overlap coefficient counts only between texts of comparable length, so that a short notice
 * quoted whole in a long report is not taken for a copy of it.
 */
const MIN_OVERLAP_SIZE_RATIO = 0.5;

export function minhashSignature(
  shingles: Iterable<number>,
  opts: DuplicateOptions,
  functionSeeds: Uint32Array,
): Uint32Array {
  const signature = new Uint32Array(opts.hashes).fill(0xffffffff);
  for (const s of shingles) {
    for (let i = 0; i < signature.length; i++) {
      const h = mix32(s ^ (functionSeeds[i] ?? 0));
      if (h < (signature[i] ?? 0)) signature[i] = h;
    }
  }
  return signature;
}

/** Share of equal positions: the MinHash estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

/**
 * Rows per band: the most rows (fewest false candidates) for which a pair at the threshold still
 * becomes a candidate with probability ≥ 98 %.
 */
export function rowsPerBand(hashes: number, threshold: number): number {
  let best = 1;
  for (let r = 1; r <= hashes; r++) {
    if (hashes % r !== 0) continue;
    const bands = hashes / r;
    const pCandidate = 1 - (1 - threshold ** r) ** bands;
    if (pCandidate >= 0.98) best = r;
  }
  return best;
}

export function createDuplicateFinder(options: Partial<DuplicateOptions> = {}): DuplicateFinder {
  const opts: DuplicateOptions = { ...DEFAULT_DUPLICATE_OPTIONS, ...options };
  if (!(opts.threshold > 0 && opts.threshold <= 1)) throw new Error('duplicates.threshold must be in (0, 1]');
  if (!Number.isInteger(opts.shingle) || opts.shingle < 1) throw new Error('duplicates.shingle must be ≥ 1');
  if (!Number.isInteger(opts.hashes) || opts.hashes < 1) throw new Error('duplicates.hashes must be ≥ 1');
  const sign = signTexts(opts);
  // Pairs of equal size reach the overlap threshold already at this Jaccard similarity; some margin
  // below it keeps unequal pairs and estimation noise in the candidate set.
  const candidateLevel = (0.9 * opts.threshold) / (2 - opts.threshold);
  const rows = rowsPerBand(opts.hashes, candidateLevel);
  const bands = opts.hashes / rows;
  const ids: string[] = [];
  const signatures: Uint32Array[] = [];
  const sizes: number[] = [];
  /** Index of each stored text's first copy (itself when it is original). */
  const firstCopy: number[] = [];
  /** Per band: band hash -> indexes of stored texts. */
  const buckets: Array<Map<number, number[]>> = Array.from({ length: bands }, () => new Map());

  const bandKey = (sig: Uint32Array, band: number): number => {
    let h = 0x811c9dc5 ^ band;
    for (let i = band * rows; i < (band + 1) * rows; i++) h = mix32(h ^ (sig[i] ?? 0)) + i;
    return h >>> 0;
  };

  const register = (id: string, signed: TextSignature): string | null => {
    const sig = signed.signature;
    if (sig.length !== opts.hashes) throw new Error('duplicates: signature made with other options');
    const size = signed.shingles;
    const keys: number[] = [];
    let match = -1;
    const seen = new Set<number>();
    for (let b = 0; b < bands; b++) {
      const key = bandKey(sig, b);
      keys.push(key);
      if (signed.empty) continue;
      for (const candidate of buckets[b]?.get(key) ?? []) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        const other = signatures[candidate];
        const otherSize = sizes[candidate] ?? 0;
        if (!other) continue;
        const jaccard = estimateJaccard(sig, other);
        const smaller = Math.min(size, otherSize);
        const comparable =
          smaller >= MIN_OVERLAP_SHINGLES && smaller >= MIN_OVERLAP_SIZE_RATIO * Math.max(size, otherSize);
        const overlap = comparable ? overlapFromJaccard(jaccard, size, otherSize) : 0;
        if (jaccard < opts.threshold && overlap < opts.threshold) continue;
        const root = firstCopy[candidate] ?? candidate;
        if (match < 0 || root < match) match = root;
      }
    }
    const index = ids.length;
    ids.push(id);
    signatures.push(sig);
    sizes.push(size);
    firstCopy.push(match >= 0 ? match : index);
    if (!signed.empty) {
      keys.forEach((key, b) => {
        const bucket = buckets[b];
        if (!bucket) return;
        const list = bucket.get(key);
        if (list) list.push(index);
        else bucket.set(key, [index]);
      });
    }
    return match >= 0 ? (ids[match] ?? null) : null;
  };
  return { register, check: (id, text) => register(id, sign(text)) };
}
