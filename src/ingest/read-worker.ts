/**
 * A reader thread of ingest: reads, parses and analyzes the files the main thread sends, one at a
 * time, and sends back the result. Only started from the compiled `dist/` code.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type AnalyzerSetup, analyzeRead, createAnalyzer } from './analyze.js';
import { type ReadOptions, readInputFile } from './read-file.js';
import type { ReadReply, ReadTask } from './read-pool.js';

const { setup, read } = workerData as { setup: AnalyzerSetup; read: ReadOptions };
const analyze = createAnalyzer(setup);

parentPort?.on('message', (task: ReadTask) => {
  let reply: ReadReply;
  try {
    reply = { id: task.id, ok: true, result: analyzeRead(readInputFile(task.abs, read), analyze) };
  } catch (error) {
    reply = { id: task.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
