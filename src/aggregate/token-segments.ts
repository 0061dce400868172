/**
 * Reuse of the token tables (keyness, kwic) from one run to the next. Building them reads all of
 * tokens.jsonl, the largest intermediate file; most re-runs change few of its rows (files added to
 * the corpus) or none (a new tone lexicon changes only scores.jsonl).
 *
 * The rows are cut into segments at boundaries chosen by content: a row ends a segment when the hash
 * of its article line falls on one value in `BOUNDARY_ODDS` (with a floor and a ceiling on the
 * length), so inserting or changing a few articles moves only the boundaries next to them and leaves
 * every other segment as it was. Per segment the cache keeps its kwic rows, formatted, and its keyness
 * counts, under a key that hashes the segment's article, tags and tokens lines (their hashes come from
 * the row indexes the earlier stages write) and everything else the tables depend on: the program,
 * the target terms, the CSV dialect and which articles count. A run computes only the segments it has
 * no entry for, then assembles kwic.csv and the keyness counts from all segments in order: the same
 * tables as one pass over all rows, since the counts are sums and the kwic rows are concatenated.
 *
 * The cache is only a shortcut: an entry that is missing or damaged is computed again, and without
 * the row indexes the tables are built the old way, in byte-sized parts.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  createReadStream,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import type { CsvDialectName } from '../config/schema.js';
import { isTempName, temporaryName } from '../io/atomic.js';
import { hashFile, stableJson } from '../io/hash.js';
import { writeFileAtomic } from '../io/write-file.js';
import { programFingerprint } from '../runner/cache-files.js';
import { lineIdentities, rowIndexPath } from '../runner/row-cache.js';
import type { CountSettings } from './counted.js';
import { createKeyness, type TermCounts } from './keyness.js';
import {
  buildTokenPart,
  scanTokens,
  TOKEN_TABLE_FILES,
  type TokenPart,
  type TokenPartResult,
  type TokenTablesInit,
  targetPredicate,
} from './token-tables.js';

/** The stage whose row index describes each file of `TOKEN_TABLE_FILES`, in that order. */
const INDEX_OF: Record<(typeof TOKEN_TABLE_FILES)[number], string> = {
  'articles.jsonl': 'ingest',
  'tags.jsonl': 'tag',
  'tokens.jsonl': 'tokenize',
};

/**
 * After `MIN_ROWS`, a row ends a segment with a chance of one in `BOUNDARY_ODDS`: segments of about
 * 32 + 64 = 96 rows on average. A changed row falls more often into a long segment than into a short
 * one; the segment a changed row lies in has about 140 rows on average. Small enough that ten files
 * added to 20,000 articles recompute well under a tenth of the rows; large enough that storing and
 * merging each segment's counts stays a small part of the work.
 */
export const BOUNDARY_ODDS = 64;
/** No boundary before this many rows. */
const MIN_ROWS = 32;
/** A boundary after this many rows at the latest. */
const MAX_ROWS = 1024;

/** Format of a segment's counts file (raised when its layout changes). */
const ENTRY_FORMAT = 1;

/** One segment: its key and the byte ranges of its rows in the three files. */
export interface TokenSegment {
  key: string;
  part: TokenPart;
  rows: number;
  /** Bytes of tokens.jsonl in the segment (for sharing the work out evenly). */
  tokenBytes: number;
}

/** What the token tables depend on besides the rows: part of every segment key. */
export interface SegmentSettings {
  targetsFile: string;
  dialect: CsvDialectName;
  counting: CountSettings;
}

/** The hash of everything but the rows that a segment's tables depend on. */
export async function segmentSettingsKey(s: SegmentSettings): Promise<string> {
  return createHash('sha1')
    .update(
      stableJson({
        format: ENTRY_FORMAT,
        program: programFingerprint(),
        targets: await hashFile(s.targetsFile),
        dialect: s.dialect,
        counting: { relevant_only: s.counting.relevant_only, count_duplicates: s.counting.count_duplicates },
      }),
    )
    .digest('hex');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** 12 bits of a base64 line hash (its first two characters), for the boundary test. */
function boundaryBits(hash: string): number {
  return BASE64.indexOf(hash.charAt(0)) * 64 + BASE64.indexOf(hash.charAt(1));
}

/** Whether a boundary follows a row whose article line has this hash. */
const isBoundary = (hash: string): boolean => boundaryBits(hash) % BOUNDARY_ODDS === 0;

/**
 * The segments of the rows in `outDir`, from the row indexes of articles.jsonl, tags.jsonl and
 * tokens.jsonl; null when an index is missing or does not describe its file, or the files hold
 * different numbers of rows (the tables are then built without the cache, which reports the mismatch).
 */
export function planSegments(outDir: string, settingsKey: string): TokenSegment[] | null {
  const identities = TOKEN_TABLE_FILES.map((f) =>
    lineIdentities(rowIndexPath(outDir, INDEX_OF[f]), path.join(outDir, f)),
  );
  const [articles, tags, tokens] = identities;
  if (!articles || !tags || !tokens) return null;
  const n = articles.hashes.length;
  if (n === 0 || tags.hashes.length !== n || tokens.hashes.length !== n) return null;
  const segments: TokenSegment[] = [];
  const offsets = [0, 0, 0];
  let from = 0;
  let hash = createHash('sha1').update(settingsKey);
  let starts = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const a = articles.hashes[i] as string;
    hash
      .update(a)
      .update('\u0000')
      .update(tags.hashes[i] as string)
      .update('\u0000');
    hash.update(tokens.hashes[i] as string).update('\n');
    offsets[0] = (offsets[0] as number) + (articles.lengths[i] as number);
    offsets[1] = (offsets[1] as number) + (tags.lengths[i] as number);
    offsets[2] = (offsets[2] as number) + (tokens.lengths[i] as number);
    const rows = i + 1 - from;
    const last = i === n - 1;
    if (!last && rows < MAX_ROWS && !(rows >= MIN_ROWS && isBoundary(a))) continue;
    segments.push({
      key: hash.digest('hex'),
      part: {
        ranges: starts.map((start, f) => ({ start, end: offsets[f] as number })),
        rowsBefore: from,
        header: false,
      },
      rows,
      tokenBytes: (offsets[2] as number) - (starts[2] as number),
    });
    starts = [...offsets];
    from = i + 1;
    hash = createHash('sha1').update(settingsKey);
  }
  return segments;
}

/** Where a segment's entry lives: its kwic rows and its counts. */
export function segmentFiles(dir: string, key: string): { kwic: string; counts: string } {
  return { kwic: path.join(dir, `${key}.kwic`), counts: path.join(dir, `${key}.json`) };
}

/** The counts file of a segment: its article count, kwic size and keyness counts per municipality. */
interface SegmentEntry {
  format: number;
  counted: number;
  kwicBytes: number;
  places: Array<{ place: string; words: number; terms: string[]; counts: number[] }>;
}

/** The counts file's content for a segment's result and the size of its kwic rows. */
export function segmentEntry(result: TokenPartResult, kwicBytes: number): string {
  const entry: SegmentEntry = {
    format: ENTRY_FORMAT,
    counted: result.counted,
    kwicBytes,
    places: [...result.counts].map(([place, c]) => ({
      place,
      words: c.words,
      terms: [...c.terms.keys()],
      counts: [...c.terms.values()],
    })),
  };
  return JSON.stringify(entry);
}

/** A stored segment's result, or null when its entry is missing, incomplete or damaged. */
export function loadSegment(dir: string, key: string): TokenPartResult | null {
  const files = segmentFiles(dir, key);
  let entry: SegmentEntry;
  try {
    entry = JSON.parse(readFileSync(files.counts, 'utf8')) as SegmentEntry;
    if (entry.format !== ENTRY_FORMAT || statSync(files.kwic).size !== entry.kwicBytes) return null;
  } catch {
    return null;
  }
  if (!Number.isInteger(entry.counted) || !Array.isArray(entry.places)) return null;
  const counts = new Map<string, TermCounts>();
  for (const p of entry.places) {
    if (!Array.isArray(p.terms) || !Array.isArray(p.counts) || p.terms.length !== p.counts.length)
      return null;
    const terms = new Map<string, number>();
    for (let i = 0; i < p.terms.length; i++) terms.set(p.terms[i] as string, p.counts[i] as number);
    counts.set(p.place, { words: p.words, terms });
  }
  return { counted: entry.counted, counts };
}

/**
 * Appends the segments' kwic rows, in order, to an open kwic.csv stream (left open). Written chunk by
 * chunk with the stream's backpressure: a pipeline per segment into the same stream would leave a
 * listener on it for every segment.
 */
export async function appendSegmentKwic(
  dir: string,
  keys: readonly string[],
  out: NodeJS.WritableStream,
): Promise<void> {
  for (const key of keys)
    for await (const chunk of createReadStream(segmentFiles(dir, key).kwic))
      if (!out.write(chunk as Buffer)) await once(out, 'drain');
}

/** Removes the entries of segments not in `keep` and temporary files an interrupted run left. */
export function pruneSegments(dir: string, keep: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const key = name.replace(/\.(kwic|json)$/, '');
    if (isTempName(name) || !keep.has(key)) rmSync(path.join(dir, name), { force: true });
  }
}

/** Whether both files of a segment's entry are there (`loadSegment` checks them further). */
export function segmentStored(dir: string, key: string): boolean {
  const files = segmentFiles(dir, key);
  try {
    return statSync(files.counts).isFile() && statSync(files.kwic).isFile();
  } catch {
    return false;
  }
}

/**
 * Computes the segments and stores each one's entry in `dir`; returns their results summed (one
 * accumulator for the whole group, so a thread holds the counts of one segment at a time besides it).
 */
export async function computeSegments(
  init: TokenTablesInit,
  dir: string,
  segments: ReadonlyArray<Pick<TokenSegment, 'key' | 'part'>>,
): Promise<TokenPartResult> {
  // One accumulator for the run of segments (one term table); each segment's counts taken from it.
  const keyness = createKeyness();
  const isTarget = targetPredicate(init.targetsFile);
  let counted = 0;
  for (const { key, part } of segments) {
    const files = segmentFiles(dir, key);
    const kwicTemp = temporaryName(files.kwic);
    try {
      const n = await scanTokens({ ...init, kwicPath: kwicTemp, part }, keyness, isTarget);
      const kwicBytes = statSync(kwicTemp).size;
      // The kwic rows first: an entry counts only once its counts file is there too.
      renameSync(kwicTemp, files.kwic);
      writeFileAtomic(files.counts, segmentEntry({ counted: n, counts: keyness.segmentCounts() }, kwicBytes));
      counted += n;
    } finally {
      rmSync(kwicTemp, { force: true });
    }
  }
  return { counted, counts: keyness.counts() };
}

/** What a token-table thread is given: one part of the rows, or segments to compute and store. */
export type TokenShare = TokenTablesInit & {
  segments?: { dir: string; list: Array<Pick<TokenSegment, 'key' | 'part'>> };
};

/** Builds one thread's share of the token tables. */
export const runTokenShare = (share: TokenShare): Promise<TokenPartResult> =>
  share.segments ? computeSegments(share, share.segments.dir, share.segments.list) : buildTokenPart(share);

/** Makes the cache folder (and says whether it could). */
export function ensureSegmentDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Splits the segments to compute into up to `groups` runs of consecutive segments of about equal
 * tokens bytes, one per thread.
 */
export function groupSegments(segments: readonly TokenSegment[], groups: number): TokenSegment[][] {
  if (segments.length === 0) return [];
  const total = segments.reduce((sum, s) => sum + s.tokenBytes, 0);
  const out: TokenSegment[][] = [[]];
  let done = 0;
  for (const s of segments) {
    const current = out.at(-1) as TokenSegment[];
    // The next group starts with the segment whose middle lies past this group's share (a group is never empty).
    const pastShare = done + s.tokenBytes / 2 >= (total * out.length) / groups;
    if (current.length > 0 && out.length < groups && pastShare) out.push([s]);
    else current.push(s);
    done += s.tokenBytes;
  }
  return out;
}
