/**
 * A reader thread of ingest: reads, parses and analyzes the files the main thread sends, one at a
 * time, and sends back the result. A file of many articles comes back unanalyzed; its drafts are
 * then sent back in slices to be analyzed on every thread. Only started from the compiled code.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type AnalyzerSetup, analyzeRead, createAnalyzer } from './analyze.js';
import { type ReadOptions, readExportPart, readInputFile } from './read-file.js';
import { type ReadReply, type ReadTask, SLICE } from './read-pool.js';

const { setup, read } = workerData as { setup: AnalyzerSetup; read: ReadOptions };
const analyze = createAnalyzer(setup);

// One task at a time: the pool sends a thread its next task only after its reply.
parentPort?.on('message', async (task: ReadTask) => {
  let reply: ReadReply;
  try {
    if (task.kind === 'analyze') {
      reply = { id: task.id, ok: true, kind: 'analyses', analyses: task.drafts.map(analyze) };
    } else if (task.kind === 'part') {
      // Structured cloning turns the part's Buffer into a plain Uint8Array.
      const bytes = Buffer.from(task.part.bytes.buffer, task.part.bytes.byteOffset, task.part.bytes.length);
      const result = readExportPart({ ...task.part, bytes }, task.fileKind, read);
      reply = { id: task.id, ok: true, kind: 'analyzed', result: analyzeRead(result, analyze) };
    } else {
      const result = await readInputFile(task.abs, read);
      reply =
        result.drafts.length > SLICE
          ? { id: task.id, ok: true, kind: 'raw', result }
          : { id: task.id, ok: true, kind: 'analyzed', result: analyzeRead(result, analyze) };
    }
  } catch (error) {
    reply = { id: task.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
