/**
 * Ingest's per-file cache: what each corpus file produced in the last run (its drafts with their
 * analyses, and its rejections), so that a re-run after a few files were added or changed reads and
 * parses only those.
 *
 * Two files in `.lokalpresse/`:
 * - `ingest.manifest.json`: per corpus-relative path the size, mtime and SHA-1 of the file's bytes,
 *   and where its results are in the parts file (offset, length and a checksum per part); plus the key
 *   (program, ingest settings and data files) the results were computed with and when that run
 *   started. Written atomically at the end of a successful run.
 * - `ingest.parts.<generation>.jsonl`: one JSON line per part of a file's results. New results are
 *   appended, so the parts the manifest points to are never overwritten; when more than half of the
 *   file is no longer referenced it is rewritten as the next generation.
 *
 * Size and mtime only decide whether a file must be hashed again: an unchanged stamp is trusted
 * unless the file was modified shortly before the run that recorded it began (it might have changed
 * again within the same mtime tick); a changed stamp with the same hash (a touched file) is reused.
 * Ids and duplicate marking are not cached: they depend on all earlier articles and are decided in
 * corpus order as in a fresh run, from the stored duplicate signatures.
 *
 * The cache is never needed for a correct result: a manifest that cannot be read is ignored with a
 * warning, and a part that fails its checksum raises `IngestCacheDamaged`, on which ingest starts
 * over without the cache.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from 'node:fs';
import { endianness } from 'node:os';
import path from 'node:path';
import { hashDataFiles, hashText, stableJson } from '../io/hash.js';
import { writeFileAtomic } from '../io/write-file.js';
import { programFingerprint, stageCacheFile, stateDir } from '../runner/cache-files.js';
import type { Logger } from '../runner/log.js';
import type { Analysis, AnalyzedDraft, AnalyzedRead } from './analyze.js';
import { PART_BYTES } from './export-parts.js';

/** A file's stamp: size and mtime (cheap) and the hash of its bytes. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  hash: string;
}

/** Where one part of a file's results is stored: offset, length, checksum. */
type PartRef = [number, number, string];

interface ManifestEntry extends FileStamp {
  parts: PartRef[];
}

interface Manifest {
  format: 1;
  key: string;
  /** Generation of the parts file the entries point into. */
  generation: number;
  /** When the run that wrote this manifest started (ms since the epoch). */
  started: number;
  files: Record<string, ManifestEntry>;
  /** The order the run met the files in and its duplicate answers (see `IngestOrder`). */
  order?: IngestOrder;
}

/**
 * The order a run registered its articles in and the answers of the near-duplicate finder: per file
 * (corpus order) its path and number of articles, and for each article that was found a copy, its
 * number and the number of its first copy (articles numbered from 0 in corpus order). A later run
 * whose first files are the same files, unchanged, in the same order registers the same articles
 * with the same signatures and so gets the same answers: it takes them from here instead of
 * searching the buckets again.
 */
export interface IngestOrder {
  files: Array<[string, number]>;
  copies: Array<[number, number]>;
}

function validOrder(order: unknown): order is IngestOrder {
  if (order === null || typeof order !== 'object') return false;
  const { files, copies } = order as IngestOrder;
  return (
    Array.isArray(files) &&
    Array.isArray(copies) &&
    files.every((f) => Array.isArray(f) && typeof f[0] === 'string' && Number.isInteger(f[1])) &&
    copies.every((c) => Array.isArray(c) && Number.isInteger(c[0]) && Number.isInteger(c[1]) && c[1] < c[0])
  );
}

/** A file whose results are in the cache. */
export interface CachedFile {
  rel: string;
  entry: ManifestEntry;
}

/** Raised while replaying a part that does not match its checksum: ingest must start over. */
export class IngestCacheDamaged extends Error {
  override name = 'IngestCacheDamaged';
}

/** Records the parts of one file read now; `done` adds it to the next manifest. */
export interface PartRecorder {
  add(part: AnalyzedRead): void;
  done(): void;
}

/** A file modified less than this before the recording run started is hashed again next time. */
const RACY_MS = 3000;

const MANIFEST = 'manifest.json';
const partsName = (generation: number): string => `parts.${generation}.jsonl`;

/** The key the cached results were computed with: program, ingest settings, data files, byte order. */
export async function ingestCacheKey(config: unknown, dataFiles: string[]): Promise<string> {
  const data = await hashDataFiles(dataFiles);
  return hashText(
    stableJson({
      program: programFingerprint(),
      config,
      data,
      endianness: endianness(),
      // Where a large export is cut into parts decides how its results are grouped.
      partBytes: PART_BYTES,
    }),
  );
}

/** Read buffer of `hashFileBytes`, reused (it is only used synchronously). */
const hashBuffer = Buffer.allocUnsafe(1 << 20);

/** SHA-1 of a file's bytes, read in slices (an export may be larger than memory allows). */
export function hashFileBytes(abs: string): string {
  const hash = createHash('sha1');
  const fd = openSync(abs, 'r');
  try {
    const buffer = hashBuffer;
    for (let at = 0; ; ) {
      const got = readSync(fd, buffer, 0, buffer.length, at);
      if (got === 0) break;
      hash.update(buffer.subarray(0, got));
      at += got;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

const checksum = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('hex').slice(0, 16);

interface StoredDraft {
  draft: AnalyzedDraft['draft'];
  analysis: Analysis | (Omit<Extract<Analysis, { kind: 'article' }>, 'signed'> & { signed: StoredSignature });
}

interface StoredSignature {
  signature: string;
  shingles: number;
  empty: boolean;
}

interface StoredPart {
  f: string;
  p: number;
  r: AnalyzedRead['rejections'];
  d: StoredDraft[];
}

function storeDraft({ draft, analysis }: AnalyzedDraft): StoredDraft {
  if (analysis.kind !== 'article') return { draft, analysis };
  const sig = analysis.signed.signature;
  return {
    draft,
    analysis: {
      ...analysis,
      signed: {
        signature: Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64'),
        shingles: analysis.signed.shingles,
        empty: analysis.signed.empty,
      },
    },
  };
}

function restoreDraft(stored: StoredDraft): AnalyzedDraft {
  const { draft, analysis } = stored;
  if (analysis.kind !== 'article') return { draft, analysis };
  const signed = analysis.signed as unknown as StoredSignature;
  const bytes = Buffer.from(signed.signature, 'base64');
  // Copied into a fresh, aligned buffer.
  const signature = new Uint32Array(new Uint8Array(bytes).buffer);
  return {
    draft,
    analysis: { ...analysis, signed: { signature, shingles: signed.shingles, empty: signed.empty } },
  };
}

function readManifest(file: string, key: string, log: Logger): Manifest | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const m = JSON.parse(text) as Manifest;
    const valid =
      m.format === 1 &&
      typeof m.key === 'string' &&
      Number.isInteger(m.generation) &&
      typeof m.started === 'number' &&
      m.files !== null &&
      typeof m.files === 'object';
    if (!valid) throw new Error('unexpected structure');
    return m.key === key ? m : null;
  } catch (error) {
    log.warn(
      `ingest: cache manifest ${file} is damaged (${(error as Error).message}); ignored, every file is read`,
    );
    return null;
  }
}

function readExactly(fd: number, offset: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const got = readSync(fd, buffer, done, length - done, offset + done);
    if (got === 0) break;
    done += got;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

/**
 * The cache of one ingest run: looks up the previous results and records this run's, committed at
 * the end (or aborted, leaving the previous manifest in place).
 */
export class IngestCache {
  /** Files whose results were reused, and files read. */
  hits = 0;
  misses = 0;
  private readonly started = Date.now();
  private readonly dir: string;
  private readonly previous: Manifest | null;
  private readonly next: Record<string, ManifestEntry> = {};
  private readonly generation: number;
  private readonly stats = new Map<string, Stats | null>();
  private readFd: number | null = null;
  /** Why this run's results cannot be stored (e.g. disk full); the run itself goes on. */
  private failed: Error | null = null;
  private appendFd: number | null = null;
  private appendAt = 0;
  private order: IngestOrder | undefined;

  private constructor(
    private readonly outDir: string,
    private readonly key: string,
    previous: Manifest | null,
    private readonly log: Logger,
  ) {
    this.dir = stateDir(outDir);
    this.previous = previous;
    this.generation = previous ? previous.generation : this.newestGeneration() + 1;
    if (previous) {
      try {
        this.readFd = openSync(this.partsFile(previous.generation), 'r');
      } catch {
        this.previous = null;
      }
    }
  }

  /** Opens the cache of an output folder for a run with the given key; `fresh` ignores what is there. */
  static open(outDir: string, key: string, log: Logger, fresh = false): IngestCache {
    const file = stageCacheFile(outDir, 'ingest', MANIFEST);
    return new IngestCache(outDir, key, fresh ? null : readManifest(file, key, log), log);
  }

  private partsFile(generation: number): string {
    return stageCacheFile(this.outDir, 'ingest', partsName(generation));
  }

  private newestGeneration(): number {
    let newest = 0;
    try {
      for (const name of readdirSync(this.dir)) {
        const m = /^ingest\.parts\.(\d+)\.jsonl$/.exec(name);
        if (m) newest = Math.max(newest, Number(m[1]));
      }
    } catch {
      // No state folder yet.
    }
    return newest;
  }

  private stat(abs: string): Stats | null {
    if (!this.stats.has(abs)) {
      let st: Stats | null = null;
      try {
        st = statSync(abs);
      } catch {
        st = null;
      }
      this.stats.set(abs, st);
    }
    return this.stats.get(abs) ?? null;
  }

  /** Whether a file's size and mtime say it is unchanged (it will then not be read at all). */
  unchangedByStamp(rel: string, abs: string): boolean {
    const entry = this.previous?.files[rel];
    const st = this.stat(abs);
    if (!entry || !st || !this.previous) return false;
    const racy = entry.mtimeMs + RACY_MS >= this.previous.started;
    return !racy && entry.size === st.size && entry.mtimeMs === st.mtimeMs;
  }

  /**
   * Looks up a corpus file: its cached results when unchanged (by stamp, or by hash when only the
   * stamp changed), else the stamp to record its new results under (null when it cannot be read;
   * such a file is not cached).
   */
  lookup(rel: string, abs: string): { hit: CachedFile } | { hit: null; stamp: FileStamp | null } {
    const entry = this.previous?.files[rel];
    if (entry && this.unchangedByStamp(rel, abs)) {
      this.hits += 1;
      return { hit: { rel, entry } };
    }
    const st = this.stat(abs);
    let stamp: FileStamp | null = null;
    if (st) {
      try {
        stamp = { size: st.size, mtimeMs: st.mtimeMs, hash: hashFileBytes(abs) };
      } catch {
        stamp = null;
      }
    }
    if (entry && stamp && stamp.hash === entry.hash && stamp.size === entry.size) {
      this.hits += 1;
      return { hit: { rel, entry: { ...entry, size: stamp.size, mtimeMs: stamp.mtimeMs } } };
    }
    this.misses += 1;
    return { hit: null, stamp };
  }

  /** The previous run's order and duplicate answers, or null (none stored, or stored damaged). */
  previousOrder(): IngestOrder | null {
    const order = this.previous?.order;
    return validOrder(order) ? order : null;
  }

  /** This run's order and duplicate answers, stored with the manifest on `commit`. */
  setOrder(order: IngestOrder): void {
    this.order = order;
  }

  /** The results of a cached file, part by part, as its reading produced them. */
  *replay(file: CachedFile): Generator<AnalyzedRead> {
    const fd = this.readFd;
    if (fd === null) throw new IngestCacheDamaged('ingest cache: parts file missing');
    for (const [i, [offset, length, check]] of file.entry.parts.entries()) {
      const bytes = readExactly(fd, offset, length);
      if (bytes.length !== length || checksum(bytes) !== check)
        throw new IngestCacheDamaged(`ingest cache: stored results of ${file.rel} are damaged`);
      let part: StoredPart;
      try {
        part = JSON.parse(bytes.toString('utf8')) as StoredPart;
      } catch {
        throw new IngestCacheDamaged(`ingest cache: stored results of ${file.rel} are not valid JSON`);
      }
      if (part.f !== file.rel || part.p !== i)
        throw new IngestCacheDamaged(`ingest cache: stored results of ${file.rel} point elsewhere`);
      yield { drafts: part.d.map(restoreDraft), rejections: part.r };
    }
    this.next[file.rel] = file.entry;
  }

  private append(bytes: Buffer): number {
    if (this.appendFd === null) {
      mkdirSync(this.dir, { recursive: true });
      this.appendFd = openSync(this.partsFile(this.generation), 'a');
      this.appendAt = fstatSync(this.appendFd).size;
    }
    const at = this.appendAt;
    let done = 0;
    while (done < bytes.length) done += writeSync(this.appendFd, bytes, done, bytes.length - done, null);
    this.appendAt += bytes.length;
    return at;
  }

  /** Starts recording the results of a file read in this run. */
  record(rel: string, stamp: FileStamp | null): PartRecorder {
    const parts: PartRef[] = [];
    return {
      add: (part) => {
        if (stamp === null || this.failed) return;
        const stored: StoredPart = {
          f: rel,
          p: parts.length,
          r: part.rejections,
          d: part.drafts.map(storeDraft),
        };
        const bytes = Buffer.from(`${JSON.stringify(stored)}\n`, 'utf8');
        try {
          const at = this.append(bytes);
          parts.push([at, bytes.length, checksum(bytes)]);
        } catch (error) {
          this.failed = error as Error;
        }
      },
      done: () => {
        if (stamp !== null && !this.failed) this.next[rel] = { ...stamp, parts };
      },
    };
  }

  private closeFiles(): void {
    if (this.readFd !== null) closeSync(this.readFd);
    if (this.appendFd !== null) closeSync(this.appendFd);
    this.readFd = null;
    this.appendFd = null;
  }

  /** Moves the parts still referenced into a new parts file when most of the current one is garbage. */
  private compact(): number {
    const file = this.partsFile(this.generation);
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      return this.generation;
    }
    let live = 0;
    for (const entry of Object.values(this.next)) for (const [, length] of entry.parts) live += length;
    if (size <= 2 * live + (1 << 20)) return this.generation;
    const target = this.generation + 1;
    const final = this.partsFile(target);
    const temp = path.join(
      path.dirname(final),
      `.${path.basename(final)}.${process.pid}.${Date.now().toString(36)}.tmp`,
    );
    const from = openSync(file, 'r');
    const to = openSync(temp, 'w');
    try {
      let at = 0;
      for (const entry of Object.values(this.next)) {
        entry.parts = entry.parts.map(([offset, length, check]) => {
          const bytes = readExactly(from, offset, length);
          writeSync(to, bytes);
          const moved: PartRef = [at, length, check];
          at += length;
          return moved;
        });
      }
    } finally {
      closeSync(from);
      closeSync(to);
    }
    renameSync(temp, final);
    return target;
  }

  /** Writes the manifest of this run's files and removes parts files nothing points to any more. */
  commit(): void {
    try {
      this.closeFiles();
      if (this.failed) throw this.failed;
      mkdirSync(this.dir, { recursive: true });
      const generation = this.compact();
      const manifest: Manifest = {
        format: 1,
        key: this.key,
        generation,
        started: this.started,
        files: this.next,
        order: this.order,
      };
      writeFileAtomic(stageCacheFile(this.outDir, 'ingest', MANIFEST), JSON.stringify(manifest));
      this.removeOtherGenerations(generation);
    } catch (error) {
      // Never fails the run: the next one just reads more files.
      this.log.warn(`ingest: could not store results for the next run (${(error as Error).message})`);
    }
  }

  /** Leaves the previous manifest as it was (the parts appended to its file are never pointed to). */
  abort(): void {
    try {
      this.closeFiles();
    } catch {
      // Nothing more to do.
    }
  }

  private removeOtherGenerations(keep: number): void {
    try {
      for (const name of readdirSync(this.dir)) {
        const m = /^ingest\.parts\.(\d+)\.jsonl$/.exec(name);
        if (m && Number(m[1]) !== keep) rmSync(path.join(this.dir, name), { force: true });
      }
    } catch {
      // Nothing to clean.
    }
  }
}
