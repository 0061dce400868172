import { Worker } from 'node:worker_threads';
import { workerCount } from '../runner/pool.js';
import { buildTokenTables, type TokenTables, type TokenTablesInit } from './token-tables.js';

type Reply = { ok: true; tables: TokenTables } | { ok: false; error: string };

export interface TokenTablesJob {
  done: Promise<TokenTables>;
  /** Stops the thread (when the main thread's part failed); the caller removes the kwic file. */
  stop(): Promise<void>;
}

/**
 * Builds the token tables on a worker thread, so reading tokens.jsonl and counting keyness overlap
 * with the main thread's work; in this thread when only one worker is allowed (`--workers 1`) or the
 * code runs from TypeScript sources (tests), which worker threads cannot load.
 */
export function startTokenTables(init: TokenTablesInit): TokenTablesJob {
  const module = new URL('./token-worker.js', import.meta.url);
  if (workerCount({ module: import.meta.url, init: null }) <= 1) {
    const done = buildTokenTables(init);
    // Awaited once the main thread's part is done; marked handled so an early failure waits for that.
    done.catch(() => {});
    return { done, stop: async () => {} };
  }
  const worker = new Worker(module, { workerData: init });
  let settled = false;
  const done = new Promise<TokenTables>((resolve, reject) => {
    worker.once('message', (reply: Reply) => {
      settled = true;
      if (reply.ok) resolve(reply.tables);
      else reject(new Error(reply.error));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`aggregate: token-table thread exited with code ${code}`));
    });
  });
  done.catch(() => {});
  return {
    done,
    stop: async () => {
      settled = true;
      await worker.terminate();
    },
  };
}
