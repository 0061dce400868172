/**
 * Reads corpus files on all cores: a pool of worker threads reads, parses and analyzes files while
 * the main thread keeps the output order and decides ids and duplicates. Workers can only load
 * compiled JavaScript, so when the code runs from TypeScript sources (vitest, tsx), when there is a
 * single core or few files, or when LOKALPRESSE_READ_THREADS=0, files are read in-process instead.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type AnalyzedRead, type AnalyzerSetup, analyzeRead, createAnalyzer } from './analyze.js';
import { type ReadOptions, readInputFile } from './read-file.js';

export interface ReadTask {
  id: number;
  abs: string;
}

export type ReadReply =
  | { id: number; ok: true; result: AnalyzedRead }
  | { id: number; ok: false; error: string };

export interface FileReader {
  /** Number of reader threads (0: in-process). */
  threads: number;
  /** Reads one file; rejects with the error message when reading it threw. */
  read(abs: string): Promise<AnalyzedRead>;
  close(): Promise<void>;
}

/** Fewer files than this are not worth starting threads for. */
const MIN_FILES_FOR_THREADS = 8;

/** How many reader threads to use: the env override, else one per core when there are at least two. */
export function readerThreads(files: number): number {
  if (!import.meta.url.endsWith('.js')) return 0;
  const env = process.env.LOKALPRESSE_READ_THREADS;
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, 16) : 0;
  }
  if (files < MIN_FILES_FOR_THREADS) return 0;
  const cores = availableParallelism();
  return cores >= 2 ? Math.min(cores, 8) : 0;
}

function inProcessReader(setup: AnalyzerSetup, read: ReadOptions): FileReader {
  const analyze = createAnalyzer(setup);
  return {
    threads: 0,
    read: async (abs) => analyzeRead(readInputFile(abs, read), analyze),
    close: async () => {},
  };
}

interface Pending {
  task: ReadTask;
  resolve: (r: AnalyzedRead) => void;
  reject: (e: Error) => void;
}

function threadReader(setup: AnalyzerSetup, read: ReadOptions, threads: number): FileReader {
  const script = new URL('./read-worker.js', import.meta.url);
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  let nextId = 0;
  let closed = false;

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as Pending;
      busy.set(worker, job);
      worker.postMessage(job.task);
    }
  };
  const start = (): void => {
    const worker = new Worker(script, { workerData: { setup, read } });
    worker.on('message', (reply: ReadReply) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (job) {
        if (reply.ok) job.resolve(reply.result);
        else job.reject(new Error(reply.error));
      }
      dispatch();
    });
    // A worker that dies (out of memory, crash in native code) fails its file; a fresh one takes over.
    const fail = (error: Error): void => {
      const job = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      if (job) job.reject(new Error(`reader thread failed: ${error.message}`));
      if (!closed) {
        start();
        dispatch();
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closed && (busy.has(worker) || idle.includes(worker))) fail(new Error(`exited with code ${code}`));
    });
    idle.push(worker);
  };
  for (let i = 0; i < threads; i++) start();

  return {
    threads,
    read: (abs) =>
      new Promise<AnalyzedRead>((resolve, reject) => {
        queue.push({ task: { id: nextId++, abs }, resolve, reject });
        dispatch();
      }),
    close: async () => {
      closed = true;
      const all = [...idle, ...busy.keys()];
      idle.length = 0;
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

export function createFileReader(setup: AnalyzerSetup, read: ReadOptions, files: number): FileReader {
  const threads = readerThreads(files);
  return threads > 0 ? threadReader(setup, read, threads) : inProcessReader(setup, read);
}
