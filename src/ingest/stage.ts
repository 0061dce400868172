import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { resolveConfigPath } from '../config/load.js';
import { AtomicFile } from '../io/atomic.js';
import { type Cell, dialects, formatCsv, formatCsvRows } from '../io/csv.js';
import { jsonLine } from '../io/jsonl.js';
import type { Article, Rejection } from '../records.js';
import { indexLine, indexTrailer, lineHashOfBytes, rowIndexPath } from '../runner/row-cache.js';
import { inShard } from '../runner/shard.js';
import type { StageContext, StageDefinition, StageResult } from '../runner/stage.js';
import type { AnalyzedDraft, AnalyzedRead, AnalyzerSetup } from './analyze.js';
import { createDuplicateFinder } from './duplicates.js';
import { type ExportKind, isWideEncoding, STREAM_MIN_BYTES } from './export-parts.js';
import {
  type CachedFile,
  type FileStamp,
  IngestCache,
  IngestCacheDamaged,
  type IngestOrder,
  ingestCacheKey,
} from './file-cache.js';
import { inputKind } from './input-kind.js';
import { compilePlaces, type PlaceConfig } from './municipality.js';
import { createFileReader } from './read-pool.js';
import { ARTICLES_FILE, ingestSpec, REJECTED_COLUMNS, REJECTED_FILE } from './spec.js';
import { type WalkEntry, walkCorpus } from './walk.js';

/** Keeps ids unique: an id seen before gets `~2`, `~3` … appended. */
function uniqueIds(): (candidate: string) => string {
  const seen = new Map<string, number>();
  return (candidate) => {
    const n = (seen.get(candidate) ?? 0) + 1;
    seen.set(candidate, n);
    return n === 1 ? candidate : `${candidate}~${n}`;
  };
}

/** The default id: the file path without extension, plus `#record` inside multi-article files. */
function defaultId(file: string, record: number | null): string {
  const base = file.replace(/\.[^./]+$/, '');
  return record === null ? base : `${base}#${record}`;
}

function loadPlaces(ctx: StageContext): PlaceConfig[] {
  const file = resolveConfigPath(ctx.configDir, ctx.config.ingest.places);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PlaceConfig[];
  } catch (error) {
    throw new Error(`ingest.places: cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Files read ahead of the one being written, per reader thread: keeps threads busy, memory bounded. */
const READ_AHEAD_PER_THREAD = 4;

type Step =
  | { kind: 'problem'; rel: string; reason: string }
  | { kind: 'cached'; rel: string; hit: CachedFile }
  | { kind: 'read'; rel: string; result: Promise<AnalyzedRead>; stamp: FileStamp | null }
  | { kind: 'stream'; rel: string; abs: string; fileKind: ExportKind; stamp: FileStamp | null };

/** A CSV/TSV/JSONL export large enough to be read in parts, with its kind; else null. */
function streamedExport(abs: string): ExportKind | null {
  const kind = inputKind(abs);
  if (kind !== 'delimited' && kind !== 'tsv' && kind !== 'jsonl') return null;
  try {
    const st = statSync(abs);
    if (st.size < STREAM_MIN_BYTES) return null;
    const fd = openSync(abs, 'r');
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    return isWideEncoding(head.subarray(0, n)) ? null : kind;
  } catch {
    return null;
  }
}

/**
 * Reads every file of the corpus into `articles.jsonl`; what yields no article goes to `rejected.csv`.
 * Files unchanged since the last run are not read again: their results come from the per-file cache
 * (file-cache.ts), which ingest ignores and rebuilds when it turns out damaged.
 */
export async function runIngest(ctx: StageContext): Promise<StageResult> {
  const key = await ingestCacheKey(ingestSpec.configPart(ctx.config), ingestSpec.dataFiles(ctx));
  try {
    return await ingestWith(ctx, IngestCache.open(ctx.outDir, key, ctx.log));
  } catch (error) {
    if (!(error instanceof IngestCacheDamaged)) throw error;
    ctx.log.warn(`${error.message}; the cache is ignored and every file is read again`);
    return ingestWith(ctx, IngestCache.open(ctx.outDir, key, ctx.log, true));
  }
}

async function ingestWith(ctx: StageContext, cache: IngestCache): Promise<StageResult> {
  const { config } = ctx;
  const dialect = dialects[config.output.csv_dialect];
  const setup: AnalyzerSetup = {
    places: loadPlaces(ctx),
    outlets: config.ingest.outlets,
    duplicates: config.ingest.duplicates,
    minWords: config.ingest.min_words,
  };
  // Validates the places file here, with a clear error, before any thread starts.
  compilePlaces(setup.places);
  const duplicates = createDuplicateFinder(config.ingest.duplicates);
  const nextId = uniqueIds();
  const articlesOut = new AtomicFile(path.join(ctx.outDir, ARTICLES_FILE));
  // The hash and length of every line: tokenize tells unchanged articles from it without reading them.
  const rowsIndexPath = rowIndexPath(ctx.outDir, 'ingest');
  mkdirSync(path.dirname(rowsIndexPath), { recursive: true });
  const rowsIndex = new AtomicFile(rowsIndexPath);
  const rejectedOut = new AtomicFile(path.join(ctx.outDir, REJECTED_FILE));
  let inputs = 0;
  let articles = 0;
  let rejected = 0;
  const duplicatesFound: string[] = [];
  // While the files met so far are the previous run's first files, unchanged and in the same order,
  // the duplicate answers are the previous run's (file-cache.ts, `IngestOrder`).
  const previousOrder = cache.previousOrder();
  /** Whether the articles of the file being handled take their duplicate answers from the previous run. */
  let sameOrder = previousOrder !== null;
  let knownArticles = 0;
  const knownCopies = new Map(previousOrder?.copies ?? []);
  const order: IngestOrder = { files: [], copies: [] };
  const entries = walkCorpus(ctx.corpusDir).filter((e) => inShard(e.rel, ctx.shard ?? null));
  const reader = createFileReader(
    setup,
    { columns: config.ingest.columns, delimiter: config.ingest.delimiter },
    entries.flatMap((e) => (e.kind === 'file' && !cache.unchangedByStamp(e.rel, e.abs) ? [e.abs] : [])),
  );
  try {
    await rejectedOut.write(formatCsv(REJECTED_COLUMNS, [], dialect));
    const reject = async (r: Rejection): Promise<void> => {
      inputs += 1;
      rejected += 1;
      const row: Cell[] = [r.file, r.record, r.reason];
      await rejectedOut.write(formatCsvRows([row], dialect));
    };
    const accept = async (file: string, { draft, analysis }: AnalyzedDraft): Promise<void> => {
      if (analysis.kind === 'rejected')
        return reject({ file, record: draft.record, reason: analysis.reason });
      inputs += 1;
      const id = nextId(draft.inputId ?? defaultId(file, draft.record));
      let firstCopy: number;
      if (sameOrder) {
        firstCopy = knownCopies.get(articles) ?? -1;
        try {
          duplicates.registerKnown(id, analysis.signed, firstCopy);
        } catch (error) {
          throw new IngestCacheDamaged(
            `ingest cache: stored duplicate answers (${(error as Error).message})`,
          );
        }
        knownArticles += 1;
      } else firstCopy = duplicates.registerNumber(id, analysis.signed);
      const duplicateOf = firstCopy >= 0 ? duplicates.idOf(firstCopy) : null;
      if (duplicateOf) {
        duplicatesFound.push(id);
        order.copies.push([articles, firstCopy]);
      }
      const article: Article = {
        id,
        file,
        record: draft.record,
        title: analysis.title,
        date: draft.date,
        date_basis: draft.date_basis,
        source: draft.source,
        url: draft.url,
        author: draft.author,
        municipality: analysis.municipality,
        municipality_basis: analysis.municipalityBasis,
        language: analysis.language,
        text: draft.text,
        duplicate_of: duplicateOf,
        encoding: draft.encoding,
      };
      articles += 1;
      // Encoded once: the line's bytes are written, counted and hashed.
      const line = Buffer.from(jsonLine(article));
      await articlesOut.write(line);
      const hash = lineHashOfBytes(line.subarray(0, line.length - 1));
      await rowsIndex.write(indexLine(hash, line.length, hash));
    };
    const step = (entry: WalkEntry): Step => {
      if (entry.kind === 'problem') return { kind: 'problem', rel: entry.rel, reason: entry.reason };
      if (path.basename(entry.rel).startsWith('.')) {
        return { kind: 'problem', rel: entry.rel, reason: 'hidden file (name starts with a dot), not read' };
      }
      const looked = cache.lookup(entry.rel, entry.abs);
      if (looked.hit) return { kind: 'cached', rel: entry.rel, hit: looked.hit };
      const { stamp } = looked;
      const fileKind = streamedExport(entry.abs);
      if (fileKind) return { kind: 'stream', rel: entry.rel, abs: entry.abs, fileKind, stamp };
      const result = reader.read(entry.abs);
      // Handled in order below; this only keeps an early failure from counting as unhandled.
      result.catch(() => {});
      return { kind: 'read', rel: entry.rel, result, stamp };
    };
    // Files are read ahead (in threads when there are several cores) but written in corpus order.
    const window: Step[] = [];
    const ahead = Math.max(1, reader.threads * READ_AHEAD_PER_THREAD);
    let next = 0;
    for (let filesDone = 1; filesDone <= entries.length; filesDone++) {
      while (next < entries.length && window.length < ahead) window.push(step(entries[next++] as WalkEntry));
      const current = window.shift() as Step;
      ctx.log.progress('ingest', filesDone, entries.length);
      if (current.kind === 'problem') {
        await reject({ file: current.rel, record: null, reason: current.reason });
        continue;
      }
      const handle = async (result: AnalyzedRead): Promise<void> => {
        for (const r of result.rejections)
          await reject({ file: current.rel, record: r.record, reason: r.reason });
        for (const draft of result.drafts) await accept(current.rel, draft);
      };
      const articlesBefore = articles;
      const expected = sameOrder ? previousOrder?.files[order.files.length] : undefined;
      sameOrder = current.kind === 'cached' && expected?.[0] === current.rel;
      try {
        if (current.kind === 'cached') {
          for (const part of cache.replay(current.hit)) await handle(part);
          // The same bytes give the same articles: anything else means the stored order is not this cache's.
          if (sameOrder && articles - articlesBefore !== expected?.[1])
            throw new IngestCacheDamaged(
              `ingest cache: stored order does not match the results of ${current.rel}`,
            );
        } else {
          const recorder = cache.record(current.rel, current.stamp);
          const parts =
            current.kind === 'stream'
              ? reader.readParts(current.abs, current.fileKind)
              : [await current.result];
          for await (const part of parts) {
            await handle(part);
            recorder.add(part);
          }
          recorder.done();
        }
        order.files.push([current.rel, articles - articlesBefore]);
      } catch (error) {
        if (error instanceof IngestCacheDamaged) throw error;
        // Cut short: the articles after this file are registered in another order than last time.
        sameOrder = false;
        const message = error instanceof Error ? error.message : String(error);
        const where = current.kind === 'stream' ? ' (articles before the failure were kept)' : '';
        await reject({
          file: current.rel,
          record: null,
          reason: `could not be processed${where}: ${message}`,
        });
      }
    }
    await articlesOut.commit();
    await rejectedOut.commit();
    cache.setOrder(order);
    cache.commit();
  } catch (error) {
    articlesOut.abort();
    rejectedOut.abort();
    rowsIndex.abort();
    cache.abort();
    throw error;
  } finally {
    await reader.close();
  }
  try {
    await rowsIndex.write(indexTrailer('ingest', articles, statSync(articlesOut.finalPath)));
    await rowsIndex.commit();
  } catch (error) {
    // Only a shortcut: without it tokenize reads and hashes every article.
    rowsIndex.abort();
    ctx.log.warn(`ingest: could not store the row index for the next stage (${(error as Error).message})`);
  }
  const how = reader.threads > 0 ? ` (${reader.threads} reader threads)` : '';
  if (cache.hits > 0)
    ctx.log.info(
      `ingest: ${cache.hits} of ${cache.hits + cache.misses} files unchanged since the last run (results reused), ${cache.misses} read`,
    );
  if (knownArticles > 0)
    ctx.log.info(
      `ingest: duplicate marks of the first ${knownArticles} articles reused (their files come first, unchanged and in the same order as last run)`,
    );
  ctx.log.info(
    `ingest: ${inputs} inputs -> ${articles} articles + ${rejected} rejected (${duplicatesFound.length} marked as duplicates)${how}`,
  );
  return { in: inputs, out: articles, rejected, details: { duplicates: duplicatesFound.length } };
}

export const ingestStage: StageDefinition = { ...ingestSpec, run: runIngest };
