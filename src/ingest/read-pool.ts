/**
 * Reads corpus files on all cores: a pool of worker threads reads, parses and analyzes files while
 * the main thread keeps the output order and decides ids and duplicates. Workers can only load
 * compiled JavaScript, so when the code runs from TypeScript sources (vitest, tsx), when there is a
 * single core or few files, or when LOKALPRESSE_READ_THREADS=0, files are read in-process instead.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type Analysis,
  type AnalyzedRead,
  type AnalyzerSetup,
  analyzeRead,
  createAnalyzer,
} from './analyze.js';
import { type ExportKind, type ExportPart, exportParts, type PartOptions } from './export-parts.js';
import {
  type DraftArticle,
  type ReadOptions,
  type ReadResult,
  readExportPart,
  readInputFile,
} from './read-file.js';

/** Read (and, for files of few articles, analyze) one file; or analyze a slice of a big file's drafts. */
export type ReadTask =
  | { id: number; kind: 'read'; abs: string }
  | { id: number; kind: 'analyze'; drafts: DraftArticle[] }
  | { id: number; kind: 'part'; part: ExportPart; fileKind: ExportKind };

export type ReadReply =
  | { id: number; ok: true; kind: 'analyzed'; result: AnalyzedRead }
  | { id: number; ok: true; kind: 'raw'; result: ReadResult }
  | { id: number; ok: true; kind: 'analyses'; analyses: Analysis[] }
  | { id: number; ok: false; error: string };

/**
 * A file with more drafts than this (a CSV or JSONL export) comes back unanalyzed, and its drafts are
 * analyzed in slices of this size on all threads: one export file then uses every core too.
 */
export const SLICE = 250;

export interface FileReader {
  /** Number of reader threads (0: in-process). */
  threads: number;
  /** Reads one file; rejects with the error message when reading it threw. */
  read(abs: string): Promise<AnalyzedRead>;
  /**
   * Reads a large export in parts (export-parts.ts), parsed and analyzed on every thread, and yields
   * each part's articles in file order; record numbers are those of the whole file.
   */
  readParts(abs: string, kind: ExportKind, options?: PartOptions): AsyncGenerator<AnalyzedRead>;
  close(): Promise<void>;
}

/**
 * Shifts the row numbers of a delimited part by the rows of the parts before it (JSON Lines records
 * are line numbers, already right). Returns the rows the part itself counted.
 */
function shiftRows(result: AnalyzedRead, kind: ExportKind, rowsBefore: number): number {
  if (kind === 'jsonl') return 0;
  let rows = 0;
  for (const { draft } of result.drafts) {
    if (draft.record === null) continue;
    rows = Math.max(rows, draft.record);
    draft.record += rowsBefore;
  }
  for (const r of result.rejections) {
    if (r.record === null) continue;
    rows = Math.max(rows, r.record);
    const shifted = r.record + rowsBefore;
    r.reason = r.reason.replace(/^row \d+/, `row ${shifted}`);
    r.record = shifted;
  }
  return rows;
}

/** Yields parts' results in order, keeping at most `ahead` parts in flight. */
async function* inOrder(
  abs: string,
  kind: ExportKind,
  options: PartOptions,
  ahead: number,
  process: (part: ExportPart) => Promise<AnalyzedRead>,
): AsyncGenerator<AnalyzedRead> {
  const inFlight: Array<Promise<AnalyzedRead>> = [];
  let rowsBefore = 0;
  const settle = async (): Promise<AnalyzedRead> => {
    const result = await (inFlight.shift() as Promise<AnalyzedRead>);
    rowsBefore += shiftRows(result, kind, rowsBefore);
    return result;
  };
  try {
    for (const part of exportParts(abs, kind, options)) {
      const pending = process(part);
      pending.catch(() => {});
      inFlight.push(pending);
      while (inFlight.length >= ahead) yield await settle();
    }
    while (inFlight.length > 0) yield await settle();
  } finally {
    inFlight.length = 0;
  }
}

/** Fewer files than this, of fewer bytes than the next, are not worth starting threads for. */
const MIN_FILES_FOR_THREADS = 8;
const MIN_BYTES_FOR_THREADS = 4 * 1024 * 1024;

/**
 * How many reader threads to use: the env override, else one per core when there are at least two
 * and the corpus has enough files or bytes (`bytes` is only needed when there are few files).
 */
export function readerThreads(files: number, bytes: () => number = () => 0): number {
  if (!import.meta.url.endsWith('.js')) return 0;
  const env = process.env.LOKALPRESSE_READ_THREADS;
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, 16) : 0;
  }
  if (files < MIN_FILES_FOR_THREADS && bytes() < MIN_BYTES_FOR_THREADS) return 0;
  const cores = availableParallelism();
  return cores >= 2 ? Math.min(cores, 8) : 0;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function inProcessReader(setup: AnalyzerSetup, read: ReadOptions): FileReader {
  const analyze = createAnalyzer(setup);
  return {
    threads: 0,
    read: async (abs) => analyzeRead(await readInputFile(abs, read), analyze),
    readParts: (abs, kind, options = {}) =>
      inOrder(abs, kind, options, 1, async (part) => analyzeRead(readExportPart(part, kind, read), analyze)),
    close: async () => {},
  };
}

interface Pending {
  task: ReadTask;
  resolve: (reply: ReadReply & { ok: true }) => void;
  reject: (e: Error) => void;
}

/**
 * Young generation of a reader thread (half V8's default of 48 MB): the threads parse whole pages and
 * export parts, and their short-lived garbage otherwise adds tens of MB per thread to ingest's peak,
 * which on large corpora is a run's peak (the near-duplicate index grows meanwhile).
 */
const READER_LIMITS = { maxYoungGenerationSizeMb: 24 };

function threadReader(setup: AnalyzerSetup, read: ReadOptions, threads: number): FileReader {
  const script = new URL('./read-worker.js', import.meta.url);
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  let nextId = 0;
  let closed = false;
  /** Set when a thread failed before answering anything (it cannot start): no thread is started again. */
  let broken: Error | null = null;

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as Pending;
      busy.set(worker, job);
      worker.postMessage(job.task);
    }
  };
  const start = (): void => {
    const worker = new Worker(script, { workerData: { setup, read }, resourceLimits: READER_LIMITS });
    let answered = false;
    worker.on('message', (reply: ReadReply) => {
      answered = true;
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (job) {
        if (reply.ok) job.resolve(reply);
        else job.reject(new Error(reply.error));
      }
      dispatch();
    });
    // A worker that dies (out of memory, crash in native code) fails its task; a fresh one takes over.
    const fail = (error: Error): void => {
      const job = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      if (job) job.reject(new Error(`reader thread failed: ${error.message}`));
      if (!answered) {
        // It could not start (e.g. a data file it loads is broken): a fresh one would fail the same way.
        broken ??= new Error(`reader thread cannot start: ${error.message}`);
        for (const waiting of queue.splice(0)) waiting.reject(broken);
        return;
      }
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

  /** Queues a task; `urgent` tasks (slices of the file being waited for) go before later files. */
  const submit = (task: ReadTask, urgent: boolean): Promise<ReadReply & { ok: true }> =>
    new Promise((resolve, reject) => {
      if (broken) return reject(broken);
      const job = { task, resolve, reject };
      if (urgent) queue.unshift(job);
      else queue.push(job);
      dispatch();
    });

  const analyzeSlices = async (raw: ReadResult): Promise<AnalyzedRead> => {
    const slices: DraftArticle[][] = [];
    for (let i = 0; i < raw.drafts.length; i += SLICE) slices.push(raw.drafts.slice(i, i + SLICE));
    // Reversed so that after unshifting the first slice is first in the queue.
    const replies = await Promise.all(
      slices
        .map((drafts, i) => ({ drafts, i }))
        .reverse()
        .map(({ drafts, i }) =>
          submit({ id: nextId++, kind: 'analyze', drafts }, true).then((r) => ({ r, i })),
        ),
    );
    const analyses: Analysis[] = [];
    for (const { r } of replies.sort((a, b) => a.i - b.i)) {
      if (r.kind !== 'analyses') throw new Error('reader thread: unexpected reply');
      analyses.push(...r.analyses);
    }
    return {
      drafts: raw.drafts.map((draft, i) => ({ draft, analysis: analyses[i] as Analysis })),
      rejections: raw.rejections,
    };
  };

  return {
    threads,
    read: async (abs) => {
      const reply = await submit({ id: nextId++, kind: 'read', abs }, false);
      if (reply.kind === 'analyzed') return reply.result;
      if (reply.kind === 'raw') return analyzeSlices(reply.result);
      throw new Error('reader thread: unexpected reply');
    },
    readParts: (abs, kind, options = {}) =>
      inOrder(abs, kind, options, threads + 1, async (part) => {
        const reply = await submit({ id: nextId++, kind: 'part', part, fileKind: kind }, true);
        if (reply.kind !== 'analyzed') throw new Error('reader thread: unexpected reply');
        return reply.result;
      }),
    close: async () => {
      closed = true;
      const all = [...idle, ...busy.keys()];
      idle.length = 0;
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

export function createFileReader(setup: AnalyzerSetup, read: ReadOptions, files: string[]): FileReader {
  const threads = readerThreads(files.length, () => files.reduce((sum, f) => sum + sizeOf(f), 0));
  return threads > 0 ? threadReader(setup, read, threads) : inProcessReader(setup, read);
}
