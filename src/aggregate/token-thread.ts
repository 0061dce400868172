import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { trackTemporary } from '../io/atomic.js';
import { workerCount } from '../runner/pool.js';
import { buildInParts, planTokenParts } from './token-parts.js';
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

/**
 * Builds the token tables on worker threads, so reading tokens.jsonl and counting keyness overlap
 * with the main thread's work: the rows are cut into one part per worker (at most four), each read by
 * its own thread. In this thread when only one worker is allowed (`--workers 1`) or the code runs
 * from TypeScript sources (tests), which worker threads cannot load.
 */
export function startTokenTables(init: TokenTablesInit): TokenTablesJob {
  const module = new URL('./token-worker.js', import.meta.url);
  const threads = workerCount({ module: import.meta.url, init: null });
  if (threads <= 1) {
    const done = buildTokenTables(init);
    // Awaited once the main thread's part is done; marked handled so an early failure waits for that.
    done.catch(() => {});
    return { done, stop: async () => {} };
  }
  const workers = new Set<Worker>();
  let stopped = false;
  const stopAll = async (): Promise<void> => {
    stopped = true;
    await Promise.all([...workers].map((w) => w.terminate()));
  };
  const runPart = (partInit: TokenTablesInit): Promise<TokenPartResult> => {
    if (stopped) return Promise.reject(new Error('aggregate: token tables stopped'));
    const worker = new Worker(module, { workerData: partInit });
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
  const done = (async () => {
    const parts = await planTokenParts(init.outDir, Math.min(threads, MAX_PARTS));
    try {
      const kwicFinal = path.join(path.dirname(init.kwicPath), 'kwic.csv');
      return await buildInParts(init, parts, runPart, (file) => trackTemporary(kwicFinal, file));
    } catch (error) {
      // One part failed: the others are of no use any more.
      await stopAll();
      throw error;
    }
  })();
  done.catch(() => {});
  return { done, stop: stopAll };
}
