import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { lineHashOfBytes } from './row-cache.js';

/** A processor turns one article's input lines into its output line. Pure, so it can run anywhere. */
export type Processor = (row: string[]) => string;

/** A module a stage's work lives in: `createProcessor(init)` builds the processor from plain data. */
export interface ProcessorModule {
  createProcessor(init: unknown): Processor;
}

export interface PoolSpec {
  /** URL of the processor module (`new URL('./process.js', import.meta.url).href`). */
  module: string;
  /** Plain, cloneable data the processor is built from (settings, file paths, a trained model). */
  init: unknown;
  /**
   * Young generation of each worker thread in MB (V8's default on 64-bit systems: 48, three times a
   * 16 MB semi-space). A smaller one bounds the short-lived garbage a worker holds; set by stages
   * whose workers keep little alive between articles (see score), since for others it costs CPU.
   */
  youngGenerationMb?: number;
}

/** An output line as it is written: its UTF-8 bytes (with the newline) and `lineHash` of its text. */
export interface ComputedLine {
  bytes: Buffer;
  hash: string;
}

/**
 * A batch of output lines encoded in one buffer, with each line's byte length and hash: what a worker
 * sends back. Encoding and hashing there, and moving the buffer instead of copying strings, leaves
 * the main thread (which writes every stage's output in order) only the writing.
 */
export interface EncodedBatch {
  bytes: Uint8Array;
  lengths: number[];
  hashes: string[];
}

export function encodeBatch(lines: readonly string[]): EncodedBatch {
  const lengths = lines.map((line) => Buffer.byteLength(line));
  let total = 0;
  for (const n of lengths) total += n;
  // Not from Buffer's shared pool, so the worker can hand the memory over instead of copying it.
  const bytes = Buffer.allocUnsafeSlow(total);
  const hashes: string[] = [];
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    const n = lengths[i] as number;
    bytes.write(lines[i] as string, at, n, 'utf8');
    const end = n > 0 && bytes[at + n - 1] === 0x0a ? at + n - 1 : at + n;
    hashes.push(lineHashOfBytes(bytes.subarray(at, end)));
    at += n;
  }
  return { bytes, lengths, hashes };
}

/** The lines of an encoded batch; their bytes are views of the batch's buffer. */
export function linesOfBatch(batch: EncodedBatch): ComputedLine[] {
  const all = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  const out: ComputedLine[] = [];
  let at = 0;
  for (let i = 0; i < batch.lengths.length; i++) {
    const n = batch.lengths[i] as number;
    out.push({ bytes: all.subarray(at, at + n), hash: batch.hashes[i] as string });
    at += n;
  }
  return out;
}

/** Rows per message to a worker: large enough that messaging costs little. */
const BATCH = 64;

/**
 * Workers to use: `LOKALPRESSE_WORKERS` when set, else one per core. Workers load compiled `.js`
 * modules only, so code running from TypeScript sources (tests, tsx) processes in the main thread.
 */
export function workerCount(spec: PoolSpec): number {
  if (spec.module.endsWith('.ts')) return 1;
  const env = Number(process.env.LOKALPRESSE_WORKERS);
  if (Number.isInteger(env) && env >= 1) return env;
  return Math.max(1, availableParallelism());
}

/** Maps rows through the processor in this thread (no workers started). */
export async function* inProcess(
  rows: AsyncIterable<string[]> | Iterable<string[]>,
  spec: PoolSpec,
): AsyncGenerator<ComputedLine> {
  const processor = ((await import(spec.module)) as ProcessorModule).createProcessor(spec.init);
  for await (const row of rows) yield* linesOfBatch(encodeBatch([processor(row)]));
}

/**
 * Maps rows through the processor on several worker threads and yields the output lines in input
 * order, so results do not depend on the number of workers. At most two batches per worker are in
 * flight: memory stays bounded however long the input is.
 */
export async function* mapRows(rows: AsyncIterable<string[]>, spec: PoolSpec): AsyncGenerator<ComputedLine> {
  const n = workerCount(spec);
  if (n <= 1) {
    yield* inProcess(rows, spec);
    return;
  }
  const workerUrl = new URL('./worker.js', import.meta.url);
  const resourceLimits = spec.youngGenerationMb ? { maxYoungGenerationSizeMb: spec.youngGenerationMb } : {};
  const workers = Array.from(
    { length: n },
    () => new Worker(workerUrl, { workerData: spec, resourceLimits }),
  );
  const pending = new Map<number, { resolve: (out: ComputedLine[]) => void; reject: (e: Error) => void }>();
  /** Why the pool cannot go on: a worker failed (e.g. its processor could not be built) or exited. */
  let failure: Error | null = null;
  const fail = (e: Error): void => {
    failure ??= e;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  for (const w of workers) {
    w.on('message', (m: { id: number; out?: EncodedBatch; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (!p) return;
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.out ? linesOfBatch(m.out) : []);
    });
    // A processor that cannot be built (an unreadable lexicon, a bad data file) fails its worker at
    // start, before any batch is answered: every batch in flight or sent later fails with its error.
    w.on('error', fail);
    w.on('exit', (code) => {
      if (code !== 0) fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
  }
  const inFlight: Array<Promise<ComputedLine[]>> = [];
  let nextId = 0;
  const send = (batch: string[][]): void => {
    const id = nextId++;
    const worker = workers[id % n] as Worker;
    const answer = new Promise<ComputedLine[]>((resolve, reject) => {
      if (failure) return reject(failure);
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, rows: batch });
    });
    // Awaited in order below; a batch that fails before its turn must not count as unhandled.
    answer.catch(() => {});
    inFlight.push(answer);
  };
  try {
    let batch: string[][] = [];
    for await (const row of rows) {
      batch.push(row);
      if (batch.length < BATCH) continue;
      send(batch);
      batch = [];
      while (inFlight.length >= 2 * n) yield* (await inFlight.shift()) as ComputedLine[];
    }
    if (batch.length > 0) send(batch);
    while (inFlight.length > 0) yield* (await inFlight.shift()) as ComputedLine[];
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
