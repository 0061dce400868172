/**
 * A worker thread of the pool: loads a processor module once, then turns batches of input rows
 * (each row: the lines of one article from the stage's input files) into output lines.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeBatch, type ProcessorModule } from './pool.js';

const { module, init } = workerData as { module: string; init: unknown };
const processor = ((await import(module)) as ProcessorModule).createProcessor(init);

parentPort?.on('message', (message: { id: number; rows: string[][] }) => {
  try {
    const out = encodeBatch(message.rows.map((row) => processor(row)));
    parentPort?.postMessage({ id: message.id, out }, [out.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
