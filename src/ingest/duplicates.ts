/**
 * Near-duplicate detection for a stream of articles (agency stories printed by several papers, the same
 * report on two portals).
 *
 * Texts are normalized (lower case, punctuation stripped), cut into overlapping word shingles and
 * summarized by a MinHash signature of `hashes` positions, made by one-permutation hashing with
 * densification (see `densify`): one hash per shingle instead of one per shingle and position. The
 * share of equal signature positions estimates the Jaccard similarity of the shingle sets. Signatures
 * are split into bands (locality-sensitive hashing): two texts become candidates when all rows of
 * some band agree, so a lookup touches only a few stored signatures.
 *
 * A candidate is a duplicate when its estimated Jaccard similarity reaches the threshold, or when the
 * estimated overlap coefficient |A∩B| / min(|A|, |B|) does (both texts having at least
 * MIN_OVERLAP_SHINGLES shingles and the shorter at least half as many as the longer). The overlap
 * coefficient is what finds the same agency story under a rewritten headline and first sentence, or
 * with a closing line or paragraph added or cut: on a story of 180 words a new headline and lead
 * already pull the Jaccard similarity down to about 0.8, while two different reports on the same
 * event stay far below 0.2 on either measure.
 *
 * Only the signature (the low 16 bits of each position: two different values agree there by chance
 * once in 65,536 comparisons), a sketch of it (4 bits a position, compared first), the shingle count,
 * the first copy and one bucket link per band are kept per article, in typed arrays allocated 4,096
 * articles at a time (k × 2.5 + bands × 4 + 8 bytes, 456 bytes with the defaults), plus the id and,
 * per band, one slot of 4 bytes in a table at most 70 % full: about 560 bytes per article in all,
 * never the text. Hashing is deterministic: the same inputs give the same answers in every run.
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
  /**
   * Same as `register`, returning the number of the first copy (texts are numbered from 0 in the
   * order they were registered) or -1 when the text is no near-duplicate.
   */
  registerNumber(id: string, signed: TextSignature): number;
  /**
   * Stores a text with its answer already known (`firstCopy`: as `registerNumber` returned it), without
   * looking for candidates: for texts registered in the same order, with the same signatures, by an
   * earlier finder, whose answers cannot differ. Leaves the finder as `registerNumber` would.
   */
  registerKnown(id: string, signed: TextSignature, firstCopy: number): void;
  /** The id of text number `n` (null when there is none). */
  idOf(n: number): string | null;
}

/**
 * The signing half of a duplicate finder: a pure function of the text and the options, so that it
 * can run in another thread than the matching. (Its scratch buffers are reused from call to call.)
 */
export function signTexts(options: Partial<DuplicateOptions> = {}): (text: string) => TextSignature {
  const opts: DuplicateOptions = { ...DEFAULT_DUPLICATE_OPTIONS, ...options };
  const bins = opts.hashes;
  const buffer = { out: new Uint32Array(1024) };
  let counter = newCounter(1024);
  const filled = new Uint8Array(bins);
  return (text) => {
    const signature = new Uint32Array(bins).fill(0xffffffff);
    // Soft hyphens and zero-width spaces are skipped by the word scan.
    const n = wordHashes(text.normalize('NFC').toLowerCase(), buffer);
    if (n === 0) return { signature, shingles: 0, empty: true };
    const words = buffer.out;
    const count = Math.min(opts.shingle, n);
    const total = n - count + 1;
    counter = resetCounter(counter, total);
    filled.fill(0);
    let distinct = 0;
    for (let i = 0; i < total; i++) {
      const h = shingleHash(words, i, count);
      if (!addDistinct(counter, h)) continue;
      distinct++;
      const bin = binOf(h, bins);
      if (h < (signature[bin] ?? 0)) signature[bin] = h;
      filled[bin] = 1;
    }
    densify(signature, filled);
    return { signature, shingles: distinct, empty: false };
  };
}

/** Lower-case words with punctuation stripped; digits are kept (dates and figures tell stories apart). */
export function normalizeWords(text: string): string[] {
  return splitLettersAndDigits(lowerText(text));
}

const lowerText = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u00ad\u200b]/g, '');

const splitLettersAndDigits = createWordSplitter(/[\p{L}\p{N}]/u);

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

/** Per BMP code unit: 0 not yet known, 1 letter or digit, 2 separator, 3 ignored (soft hyphen, zero-width space). */
const charClass = new Uint8Array(0x10000);
charClass[0xad] = 3;
charClass[0x200b] = 3;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * FNV-1a hashes of the words of lower-cased text, the words being those of `normalizeWords`, without
 * cutting them out as strings. Returns the number of words written to `out` (grown as needed).
 */
function wordHashes(lower: string, buffer: { out: Uint32Array }): number {
  let out = buffer.out;
  let n = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  const len = lower.length;
  for (let i = 0; i < len; i++) {
    const code = lower.charCodeAt(i);
    let cls = charClass[code] ?? 0;
    let low = -1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < len) {
      const next = lower.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // Outside the BMP (rare): classified by the regex every time.
        cls = LETTER_OR_DIGIT.test(lower.slice(i, i + 2)) ? 1 : 2;
        low = next;
        i++;
      }
    }
    if (cls === 0) {
      cls = LETTER_OR_DIGIT.test(lower.charAt(i)) ? 1 : 2;
      charClass[code] = cls;
    }
    if (cls === 1) {
      inWord = true;
      h ^= code;
      h = Math.imul(h, 0x01000193);
      if (low >= 0) {
        h ^= low;
        h = Math.imul(h, 0x01000193);
      }
    } else if (cls === 2) {
      if (inWord) {
        if (n === out.length) out = grow(buffer, n);
        out[n++] = h >>> 0;
        h = 0x811c9dc5;
        inWord = false;
      }
    }
  }
  if (inWord) {
    if (n === out.length) out = grow(buffer, n);
    out[n++] = h >>> 0;
  }
  return n;
}

function grow(buffer: { out: Uint32Array }, used: number): Uint32Array {
  const bigger = new Uint32Array(Math.max(1024, used * 2));
  bigger.set(buffer.out.subarray(0, used));
  buffer.out = bigger;
  return bigger;
}

/** Odd multipliers that weigh each word of a shingle by its position. */
const POSITION_WEIGHTS = Array.from(
  { length: 64 },
  (_, k) => (mix32(Math.imul(k + 1, 0x9e3779b9)) | 1) >>> 0,
);

function positionWeight(k: number): number {
  return POSITION_WEIGHTS[k] ?? (mix32(Math.imul(k + 1, 0x9e3779b9)) | 1) >>> 0;
}

/** Hash of the shingle of `count` words starting at word `from`. */
function shingleHash(words: Uint32Array, from: number, count: number): number {
  let h = 0x9747b28c;
  for (let k = 0; k < count; k++) h = (h + Math.imul(words[from + k] ?? 0, positionWeight(k))) | 0;
  return mix32(h ^ count);
}

/**
 * Distinct shingle hashes of a text given as words (a text shorter than one shingle is a single
 * shingle). For tests and tools; signing does the same on word hashes without building the set.
 */
export function shingleHashes(words: string[], size: number): Set<number> {
  const hashes = Uint32Array.from(words, fnv1a);
  const n = hashes.length;
  const out = new Set<number>();
  if (n === 0) return out;
  const count = Math.min(size, n);
  for (let i = 0; i + count <= n; i++) out.add(shingleHash(hashes, i, count));
  return out;
}

/** 32-bit FNV-1a of a word's UTF-16 code units (what the word scan computes). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A set of 32-bit hashes that counts distinct members, reused from text to text: open addressing in
 * typed arrays, emptied by moving to the next epoch instead of clearing.
 */
interface DistinctCounter {
  keys: Uint32Array;
  epochs: Uint32Array;
  epoch: number;
}

function newCounter(capacity: number): DistinctCounter {
  return { keys: new Uint32Array(capacity), epochs: new Uint32Array(capacity), epoch: 0 };
}

/** Starts a new text with room for `expected` members. */
function resetCounter(c: DistinctCounter, expected: number): DistinctCounter {
  let counter = c;
  if (expected * 2 > counter.keys.length) {
    let size = counter.keys.length;
    while (expected * 2 > size) size *= 2;
    counter = newCounter(size);
  }
  counter.epoch += 1;
  if (counter.epoch === 0xffffffff) {
    counter.epochs.fill(0);
    counter.epoch = 1;
  }
  return counter;
}

/** Adds a hash; true when it was new. */
function addDistinct(c: DistinctCounter, h: number): boolean {
  const mask = c.keys.length - 1;
  let slot = h & mask;
  while (c.epochs[slot] === c.epoch) {
    if (c.keys[slot] === h) return false;
    slot = (slot + 1) & mask;
  }
  c.epochs[slot] = c.epoch;
  c.keys[slot] = h;
  return true;
}

/**
 * One-permutation MinHash with optimal densification (Shrivastava & Li 2014; Shrivastava 2017): one
 * hash per shingle; its range is cut into `bins` equal parts and each bin keeps the smallest hash that
 * falls into it. A bin no shingle fell into copies the value of the first non-empty bin of a fixed
 * pseudo-random probe sequence (the same for every text), so that, as with `bins` independent hash
 * functions, two texts agree in a bin with probability equal to the Jaccard similarity of their
 * shingle sets. Values carry their bin (the hash range is cut, not the hash), so a copied value never
 * equals a value of the bin itself. O(shingles + bins) instead of O(shingles × bins).
 */
export function densify(signature: Uint32Array, filled: Uint8Array): void {
  const bins = signature.length;
  let nonEmpty = 0;
  for (let i = 0; i < bins; i++) nonEmpty += filled[i] ?? 0;
  if (nonEmpty === 0 || nonEmpty === bins) return;
  for (let i = 0; i < bins; i++) {
    if (filled[i]) continue;
    let source = -1;
    for (let attempt = 1; attempt <= MAX_PROBES && source < 0; attempt++) {
      const j = binOf(mix32(Math.imul(i + 1, 0x9e3779b9) ^ Math.imul(attempt, 0x85ebca6b)), bins);
      if (filled[j]) source = j;
    }
    // Few filled bins (a very short text): after the random probes, the next filled bin to the right.
    for (let j = (i + 1) % bins; source < 0; j = (j + 1) % bins) if (filled[j]) source = j;
    signature[i] = signature[source] ?? 0xffffffff;
  }
}

/** Random probes for a source bin before falling back to the next filled bin. */
const MAX_PROBES = 16;

/** Bin of a 32-bit hash among `bins` equal ranges. */
function binOf(h: number, bins: number): number {
  return Math.floor((h * bins) / 4294967296);
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

/**
 * Most candidates one text is compared with. Far above what real corpora need (a story has a few
 * dozen copies at most); it bounds the time a text can take when many stored texts share bands.
 */
const MAX_COMPARISONS = 20_000;

/**
 * Most stored texts visited per band, newest first. A bucket this crowded holds texts that share a
 * band by their template (generated or boilerplate-heavy text), not copies; any later copy of a story
 * in it still finds the story's first copy through a more recent member or another band.
 */
const MAX_BUCKET_STEPS = 250;

/** Shingle counts below this have their needed number of equal positions memoized per search. */
const NEEDED_MEMO_SIZES = 8192;

export function createDuplicateFinder(options: Partial<DuplicateOptions> = {}): DuplicateFinder {
  const opts: DuplicateOptions = { ...DEFAULT_DUPLICATE_OPTIONS, ...options };
  if (!(opts.threshold > 0 && opts.threshold <= 1)) throw new Error('duplicates.threshold must be in (0, 1]');
  if (!Number.isInteger(opts.shingle) || opts.shingle < 1) throw new Error('duplicates.shingle must be ≥ 1');
  if (!Number.isInteger(opts.hashes) || opts.hashes < 1) throw new Error('duplicates.hashes must be ≥ 1');
  const sign = signTexts(opts);
  // Pairs of equal size reach the overlap threshold already at this Jaccard similarity; some margin
  // below it keeps unequal pairs and estimation noise in the candidate set.
  const candidateLevel = (0.9 * opts.threshold) / (2 - opts.threshold);
  const k = opts.hashes;
  const rows = rowsPerBand(k, candidateLevel);
  const bands = k / rows;
  const store = new SignatureStore(k, bands);
  const buckets = Array.from({ length: bands }, (_, b) => new BandTable(store, b * rows, rows));
  /** Per band: the table slot of this text's rows, and the last text stored with them (-1: none). */
  const slots = new Int32Array(bands);
  const heads = new Int32Array(bands);
  /** The signature being registered as it is stored, and its sketch. */
  const stored = new Uint16Array(k);
  const storedSketch = new Uint32Array(store.sketchWords);
  /** Per stored text: the number of the last `register` call that met it as a candidate. */
  let seen = new Uint32Array(1024);
  let call = 0;

  /** Whether a pair with `same` equal positions and these shingle counts is a duplicate. */
  const accepts = (same: number, size: number, otherSize: number): boolean => {
    const smaller = Math.min(size, otherSize);
    const comparable =
      smaller >= MIN_OVERLAP_SHINGLES && smaller >= MIN_OVERLAP_SIZE_RATIO * Math.max(size, otherSize);
    const jaccard = same / k;
    const overlap = comparable ? overlapFromJaccard(jaccard, size, otherSize) : 0;
    return jaccard >= opts.threshold || overlap >= opts.threshold;
  };

  /** Least number of equal positions at which a pair of these sizes is a duplicate (k + 1: never). */
  const neededEqual = (size: number, otherSize: number): number => {
    // Both measures grow with the number of equal positions: binary search for the least that passes.
    let lo = 0;
    let hi = k + 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mid <= k && accepts(mid, size, otherSize)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  /** Copies the signature into `stored` and finds the bucket slot of each band (`slots`, `heads`). */
  const place = (signed: TextSignature): void => {
    const sig = signed.signature;
    if (sig.length !== k) throw new Error('duplicates: signature made with other options');
    for (let p = 0; p < k; p++) stored[p] = (sig[p] ?? 0) & 0xffff;
    sketchOf(stored, storedSketch);
    if (signed.empty) return;
    for (let b = 0; b < bands; b++) {
      const table = buckets[b] as BandTable;
      // Room for this text first, so that the slot found now stays valid until it is stored.
      table.reserve();
      const slot = table.slot(stored);
      slots[b] = slot;
      heads[b] = table.headAt(slot);
    }
  };

  /**
   * `neededEqual(size, other)` for the text being searched, by the other text's shingle count: found
   * once per count and search instead of by a binary search per candidate (in buckets crowded by
   * shared sentence templates, thousands of candidates per text).
   */
  const neededValue = new Uint16Array(NEEDED_MEMO_SIZES);
  const neededCall = new Uint32Array(NEEDED_MEMO_SIZES);
  const neededFor = (size: number, other: number): number => {
    if (other >= NEEDED_MEMO_SIZES) return neededEqual(size, other);
    if (neededCall[other] === call) return neededValue[other] as number;
    const needed = neededEqual(size, other);
    neededCall[other] = call;
    neededValue[other] = needed;
    return needed;
  };

  /** The first copy among the stored texts sharing a band with the placed text, or -1. */
  const findFirstCopy = (size: number, index: number): number => {
    let match = -1;
    call += 1;
    if (seen.length < index) {
      const bigger = new Uint32Array(Math.max(index, seen.length * 2));
      bigger.set(seen);
      seen = bigger;
    }
    let comparisons = 0;
    for (let b = 0; b < bands && comparisons < MAX_COMPARISONS; b++) {
      let steps = 0;
      for (let c = heads[b] ?? -1; c >= 0 && steps < MAX_BUCKET_STEPS; c = store.previous(c, b), steps++) {
        if (seen[c] === call) continue;
        seen[c] = call;
        const root = store.firstCopy(c);
        // Only a smaller root can change the answer.
        if (match >= 0 && root >= match) continue;
        if (++comparisons > MAX_COMPARISONS) break;
        const needed = neededFor(size, store.size(c));
        if (needed <= k && store.agrees(c, stored, storedSketch, needed)) match = root;
      }
    }
    return match;
  };

  /** Stores the placed text with its first copy (-1: itself) and links it into its buckets. */
  const keep = (id: string, signed: TextSignature, match: number): void => {
    const index = store.length;
    store.add(id, stored, storedSketch, signed.shingles, match >= 0 ? match : index);
    if (signed.empty) return;
    for (let b = 0; b < bands; b++) {
      store.link(index, b, heads[b] ?? -1);
      (buckets[b] as BandTable).put(slots[b] ?? 0, index);
    }
  };

  const registerNumber = (id: string, signed: TextSignature): number => {
    place(signed);
    const match = signed.empty ? -1 : findFirstCopy(signed.shingles, store.length);
    keep(id, signed, match);
    return match;
  };

  const registerKnown = (id: string, signed: TextSignature, firstCopy: number): void => {
    const valid =
      firstCopy === -1 ||
      (Number.isInteger(firstCopy) &&
        firstCopy >= 0 &&
        firstCopy < store.length &&
        store.firstCopy(firstCopy) === firstCopy);
    if (!valid) throw new Error(`duplicates: text ${firstCopy} is no first copy before text ${store.length}`);
    place(signed);
    keep(id, signed, signed.empty ? -1 : firstCopy);
  };

  const register = (id: string, signed: TextSignature): string | null => {
    const match = registerNumber(id, signed);
    return match >= 0 ? store.id(match) : null;
  };
  return {
    register,
    registerNumber,
    registerKnown,
    idOf: (n) => store.id(n),
    check: (id, text) => register(id, sign(text)),
  };
}

/** Texts per chunk of the store's arrays: the store grows a chunk at a time and never copies. */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;

/**
 * What the finder keeps per text, in typed arrays allocated in chunks of 4,096 texts: the signature
 * (its low 16 bits per position) and its sketch (the low 4 bits), the shingle count, the first copy,
 * and per band the previous text in the same bucket: k × 2.5 + bands × 4 + 8 bytes per text, plus
 * its id. Growing by chunks instead of by doubling keeps memory proportional to the texts stored,
 * with no copy held twice while growing.
 */
class SignatureStore {
  length = 0;
  private readonly signatures: Uint16Array[] = [];
  private readonly sketches: Uint32Array[] = [];
  /** Words of a sketch (see `sketchOf`). */
  readonly sketchWords: number;
  private readonly sizes: Uint32Array[] = [];
  private readonly roots: Int32Array[] = [];
  private readonly links: Int32Array[] = [];
  private readonly ids: string[] = [];

  constructor(
    readonly k: number,
    private readonly bands: number,
  ) {
    this.sketchWords = Math.ceil(k / 8);
  }

  add(id: string, sig: Uint16Array, sketch: Uint32Array, size: number, root: number): void {
    const i = this.length++;
    const c = i >>> CHUNK_BITS;
    const o = i & CHUNK_MASK;
    if (o === 0) {
      this.signatures.push(new Uint16Array(CHUNK * this.k));
      this.sketches.push(new Uint32Array(CHUNK * this.sketchWords));
      this.sizes.push(new Uint32Array(CHUNK));
      this.roots.push(new Int32Array(CHUNK));
      this.links.push(new Int32Array(CHUNK * this.bands).fill(-1));
    }
    (this.signatures[c] as Uint16Array).set(sig, o * this.k);
    (this.sketches[c] as Uint32Array).set(sketch, o * this.sketchWords);
    (this.sizes[c] as Uint32Array)[o] = size;
    (this.roots[c] as Int32Array)[o] = root;
    this.ids.push(id);
  }

  /** The chunk holding text `i`'s signature (see `signatureStart`). */
  signatureChunk(i: number): Uint16Array {
    return this.signatures[i >>> CHUNK_BITS] as Uint16Array;
  }

  /** Where in its chunk text `i`'s signature starts. */
  signatureStart(i: number): number {
    return (i & CHUNK_MASK) * this.k;
  }

  /**
   * Whether at least `needed` positions of the stored signature equal those of `sig` (`sketch` being
   * its `sketchOf`). The sketches are compared first: a position whose sketch bits differ differs,
   * so more differing sketch positions than allowed rule a candidate out without reading its
   * signature. They are eight times smaller and stay in the processor's cache, where the signatures of
   * the hundreds of candidates a text meets in buckets crowded by shared sentence templates do not.
   */
  agrees(i: number, sig: Uint16Array, sketch: Uint32Array, needed: number): boolean {
    let allowed = this.k - needed;
    const sketches = this.sketches[i >>> CHUNK_BITS] as Uint32Array;
    const at = (i & CHUNK_MASK) * this.sketchWords;
    let differing = 0;
    for (let w = 0; w < sketch.length; w++) {
      const x = ((sketches[at + w] as number) ^ (sketch[w] as number)) >>> 0;
      if (x === 0) continue;
      // One bit per differing 4-bit group, then the bits summed into the top group.
      let y = x | (x >>> 1);
      y = (y | (y >>> 2)) & 0x11111111;
      differing += Math.imul(y, 0x11111111) >>> 28;
      if (differing > allowed) return false;
    }
    const values = this.signatures[i >>> CHUNK_BITS] as Uint16Array;
    const base = (i & CHUNK_MASK) * this.k;
    // Stop as soon as too many positions differ.
    for (let p = 0; p < this.k; p++) {
      if (values[base + p] !== sig[p] && --allowed < 0) return false;
    }
    return true;
  }

  size(i: number): number {
    return this.sizes[i >>> CHUNK_BITS]?.[i & CHUNK_MASK] ?? 0;
  }

  firstCopy(i: number): number {
    return this.roots[i >>> CHUNK_BITS]?.[i & CHUNK_MASK] ?? i;
  }

  id(i: number): string | null {
    return this.ids[i] ?? null;
  }

  /** The text stored before `i` in the same bucket of band `b`, or -1. */
  previous(i: number, b: number): number {
    return this.links[i >>> CHUNK_BITS]?.[(i & CHUNK_MASK) * this.bands + b] ?? -1;
  }

  link(i: number, b: number, previous: number): void {
    const chunk = this.links[i >>> CHUNK_BITS];
    if (chunk) chunk[(i & CHUNK_MASK) * this.bands + b] = previous;
  }
}

/** The low 4 bits of each signature position, eight positions to a word (`sketch.length` words). */
export function sketchOf(sig: Uint16Array, sketch: Uint32Array): void {
  sketch.fill(0);
  for (let p = 0; p < sig.length; p++) {
    const w = p >>> 3;
    sketch[w] = ((sketch[w] as number) | (((sig[p] as number) & 0xf) << ((p & 7) * 4))) >>> 0;
  }
}

/** Hash of `rows` signature values starting at `start`. */
function hashRows(values: Uint16Array, start: number, rows: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < rows; i++) h = mix32(h ^ (values[start + i] ?? 0)) + i;
  return mix32(h);
}

/**
 * One band's buckets: the rows of the band -> the last text stored with them (earlier ones are
 * linked from there). Open addressing in one typed array of text numbers, at most 70 % full; the
 * rows themselves are not stored again but compared with the stored signature of the text a slot
 * names, which halves the table against storing a key per slot. One table per band keeps each
 * table's growth (old and new array alive at once) to a thirty-second of the whole.
 */
class BandTable {
  /** Text index + 1; 0 marks an empty slot. */
  private heads = new Int32Array(1 << 10);
  private used = 0;

  constructor(
    private readonly store: SignatureStore,
    private readonly from: number,
    private readonly rows: number,
  ) {}

  /** The slot that holds the band of `sig` (a full signature), or the empty slot where it would go. */
  slot(sig: Uint16Array): number {
    return this.find(sig, this.from, hashRows(sig, this.from, this.rows));
  }

  private find(values: Uint16Array, start: number, hash: number): number {
    const heads = this.heads;
    const mask = heads.length - 1;
    let s = hash & mask;
    for (let head = heads[s] ?? 0; head !== 0; head = heads[s] ?? 0) {
      if (this.sameRows(head - 1, values, start)) return s;
      s = (s + 1) & mask;
    }
    return s;
  }

  private sameRows(text: number, values: Uint16Array, start: number): boolean {
    const other = this.store.signatureChunk(text);
    const at = this.store.signatureStart(text) + this.from;
    for (let r = 0; r < this.rows; r++) if (other[at + r] !== values[start + r]) return false;
    return true;
  }

  /** Last text stored in the slot, or -1. */
  headAt(slot: number): number {
    return (this.heads[slot] ?? 0) - 1;
  }

  /** Grows the table now if one more key could take it past 70 % full (slots found before move). */
  reserve(): void {
    if ((this.used + 1) * 10 > this.heads.length * 7) this.grow();
  }

  /** Makes `index` (stored meanwhile) the last text with the rows, in the slot `slot` gave (after `reserve`). */
  put(slot: number, index: number): void {
    if (this.heads[slot] === 0) this.used++;
    this.heads[slot] = index + 1;
  }

  private grow(): void {
    const old = this.heads;
    this.heads = new Int32Array(old.length * 2);
    for (let s = 0; s < old.length; s++) {
      const head = old[s] ?? 0;
      if (head === 0) continue;
      const values = this.store.signatureChunk(head - 1);
      const at = this.store.signatureStart(head - 1) + this.from;
      const mask = this.heads.length - 1;
      let t = hashRows(values, at, this.rows) & mask;
      while (this.heads[t] !== 0) t = (t + 1) & mask;
      this.heads[t] = head;
    }
  }
}
