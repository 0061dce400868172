import { parentPort, workerData } from 'node:worker_threads';
import { runTokenShare, type TokenShare } from './token-segments.js';

/**
 * Worker thread: builds its share of the token tables (one part of the rows, or segments to compute
 * and store) and posts the result (or the error message) back.
 */
runTokenShare(workerData as TokenShare).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (error: unknown) =>
    parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
);
