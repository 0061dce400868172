import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { trackTemporary } from '../io/atomic.js';
import { dialects, formatCsv } from '../io/csv.js';
import { workerCount } from '../runner/pool.js';
import { createKeyness } from './keyness.js';
import { KWIC_COLUMNS } from './kwic.js';
import { segmentCacheDir } from './spec.js';
import { buildInParts, planTokenParts } from './token-parts.js';
import {
  appendSegmentKwic,
  ensureSegmentDir,
  groupSegments,
  loadSegment,
  planSegments,
  pruneSegments,
  runTokenShare,
  segmentSettingsKey,
  segmentStored,
  type TokenSegment,
  type TokenShare,
} from './token-segments.js';
import {
  buildTokenTables,
  type TokenPartResult,
  type TokenTables,
  type TokenTablesInit,
} from './token-tables.js';

type Reply = { ok: true; result: TokenPartResult } | { ok: false; error: string };

/** At most this many token-table threads (more parts cost more reading of the same bytes). */
const MAX_PARTS = 4;

export interface TokenTablesJob {
  done: Promise<TokenTables>;
  /** Stops the threads (when the main thread's part failed); the caller removes the kwic file. */
  stop(): Promise<void>;
}

/** Runs one thread's share of the token tables (on a worker, or in this thread). */
type ShareRunner = (share: TokenShare) => Promise<TokenPartResult>;

/**
 * Builds the token tables from the segment cache (token-segments.ts): the segments without an entry
 * are computed, on up to `threads` threads, while this thread merges the stored ones; kwic.csv is then
 * assembled from all segments in order. Null when the rows cannot be cut into segments (no row
 * indexes) or the cache folder cannot be made.
 */
async function fromSegments(
  init: TokenTablesInit,
  threads: number,
  run: ShareRunner,
  info: (message: string) => void,
): Promise<TokenTables | null> {
  const segments = planSegments(init.outDir, await segmentSettingsKey(init));
  const dir = segmentCacheDir(init.outDir);
  if (segments === null || !ensureSegmentDir(dir)) return null;
  const missing = segments.filter((s) => !segmentStored(dir, s.key));
  const shares = groupSegments(missing, Math.min(threads, MAX_PARTS)).map((list) =>
    run({ ...init, segments: { dir, list: list.map(({ key, part }) => ({ key, part })) } }),
  );
  // Each share is awaited below; until then an early failure must not count as unhandled.
  for (const share of shares) share.catch(() => {});
  const keyness = createKeyness();
  let counted = 0;
  const add = (r: TokenPartResult): void => {
    keyness.merge({ counts: () => r.counts });
    counted += r.counted;
  };
  const toCompute = new Set(missing.map((s) => s.key));
  const damaged: TokenSegment[] = [];
  for (const s of segments) {
    if (toCompute.has(s.key)) continue;
    const stored = loadSegment(dir, s.key);
    if (stored) add(stored);
    else damaged.push(s);
    // Lets this thread's other work (articles.csv) go on between segments.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  for (const share of shares) add(await share);
  // An entry found but unreadable (damaged on disk): computed again here.
  if (damaged.length > 0) add(await runTokenShare({ ...init, segments: { dir, list: damaged } }));
  const kwic = createWriteStream(init.kwicPath);
  const failed = once(kwic, 'error').then(([error]) => {
    throw error;
  });
  failed.catch(() => {});
  try {
    kwic.write(formatCsv(KWIC_COLUMNS, [], dialects[init.dialect]));
    await Promise.race([
      appendSegmentKwic(
        dir,
        segments.map((s) => s.key),
        kwic,
      ),
      failed,
    ]);
    kwic.end();
    await Promise.race([once(kwic, 'finish'), failed]);
  } catch (error) {
    kwic.destroy();
    throw error;
  }
  pruneSegments(dir, new Set(segments.map((s) => s.key)));
  const computed = missing.length + damaged.length;
  info(
    `aggregate: keyness and kwic from ${segments.length} segments of the rows, ${segments.length - computed} reused, ${computed} computed`,
  );
  return { counted, keyness: keyness.rows() };
}

/**
 * Builds the token tables on worker threads, so reading tokens.jsonl and counting keyness overlap
 * with the main thread's work. With the row indexes of the earlier stages, the tables come from the
 * segment cache, and only segments not stored before are read (their share cut into one run per
 * worker, at most four); without them, all rows are cut into one part per worker, each read by its
 * own thread. In this thread when only one worker is allowed (`--workers 1`) or the code runs from
 * TypeScript sources (tests), which worker threads cannot load.
 */
export function startTokenTables(
  init: TokenTablesInit,
  info: (message: string) => void = () => {},
): TokenTablesJob {
  const module = new URL('./token-worker.js', import.meta.url);
  const threads = workerCount({ module: import.meta.url, init: null });
  const workers = new Set<Worker>();
  let stopped = false;
  const stopAll = async (): Promise<void> => {
    stopped = true;
    await Promise.all([...workers].map((w) => w.terminate()));
  };
  const onWorker: ShareRunner = (data) => {
    if (stopped) return Promise.reject(new Error('aggregate: token tables stopped'));
    const worker = new Worker(module, { workerData: data });
    workers.add(worker);
    let settled = false;
    return new Promise<TokenPartResult>((resolve, reject) => {
      worker.once('message', (reply: Reply) => {
        settled = true;
        if (reply.ok) resolve(reply.result);
        else reject(new Error(reply.error));
        workers.delete(worker);
        void worker.terminate();
      });
      worker.once('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        workers.delete(worker);
        if (!settled) reject(new Error(`aggregate: token-table thread exited with code ${code}`));
      });
    });
  };
  const run = threads <= 1 ? runTokenShare : onWorker;
  const done = (async () => {
    try {
      const segmented = await fromSegments(init, threads, run, info);
      if (segmented) return segmented;
      if (threads <= 1) return await buildTokenTables(init);
      const parts = await planTokenParts(init.outDir, Math.min(threads, MAX_PARTS));
      const kwicFinal = path.join(path.dirname(init.kwicPath), 'kwic.csv');
      return await buildInParts(init, parts, run, (file) => trackTemporary(kwicFinal, file));
    } catch (error) {
      // One part failed: the others are of no use any more.
      await stopAll();
      throw error;
    }
  })();
  // Awaited once the main thread's part is done; marked handled so an early failure waits for that.
  done.catch(() => {});
  return { done, stop: stopAll };
}
