import { parentPort, workerData } from 'node:worker_threads';
import { buildTokenTables, type TokenTablesInit } from './token-tables.js';

/** Worker thread: builds the token tables and posts them (or the error message) back. */
buildTokenTables(workerData as TokenTablesInit).then(
  (tables) => parentPort?.postMessage({ ok: true, tables }),
  (error: unknown) =>
    parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
);
