import { parentPort, workerData } from 'node:worker_threads';
import { buildTokenPart, type TokenTablesInit } from './token-tables.js';

/** Worker thread: builds one part of the token tables and posts its result (or the error message) back. */
buildTokenPart(workerData as TokenTablesInit).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (error: unknown) =>
    parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
);
