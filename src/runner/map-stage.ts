import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AtomicFile } from '../io/atomic.js';
import { hashDataFiles, hashText, stableJson } from '../io/hash.js';
import { rowsOfFile, zipLines } from '../io/lines.js';
import { LinesAt } from '../io/lines-at.js';
import { programFingerprint } from './cache-files.js';
import { type ComputedLine, inProcess, mapRows, type PoolSpec } from './pool.js';
import {
  indexLine,
  indexTrailer,
  type LineIdentities,
  lineHash,
  lineIdentities,
  openPreviousRows,
  type PreviousRows,
  rowHashOfLines,
  rowIndexPath,
} from './row-cache.js';
import type { StageContext, StageName } from './stage.js';

/**
 * Fewer new rows than this are computed in the main thread: starting worker threads (which load
 * dictionaries and models) costs more than a handful of articles.
 */
const FEW_ROWS = 256;
/** Copies of consecutive reused lines are merged into reads of up to this many bytes. */
const COPY_CHUNK = 1 << 20;

/**
 * What a stage's output lines depend on besides their input rows: program version, the processor's
 * init (settings, file paths, a trained model), the stage's config part and the content of its data
 * files. Rows are reused only from an output written with the same key.
 */
export async function rowCacheKey(ctx: StageContext, stage: string, spec: PoolSpec): Promise<string> {
  // Imported here: the stage table imports every stage module, which imports this one.
  const { stages } = await import('./stages.js');
  const definition = stages[stage as StageName] as (typeof stages)[StageName] | undefined;
  const data = definition ? await hashDataFiles(definition.dataFiles(ctx)) : [];
  return hashText(
    stableJson({
      program: programFingerprint(),
      stage,
      // Plain JSON (key order is fixed by the code, which the program fingerprint covers): a trained
      // model can hold hundreds of thousands of numbers.
      init: hashText(JSON.stringify(spec.init) ?? 'null'),
      config: definition ? definition.configPart(ctx.config) : null,
      data,
    }),
  );
}

/** An input file of a per-article stage and the stage that wrote it (whose row index describes it). */
export interface StageInput {
  file: string;
  from: string;
}

/** One input row: what identifies it, and its lines (read only when the row must be computed). */
interface KeyedRow {
  hash: string;
  lines: () => string[];
}

/** The input rows read side by side from the files, each known by the hash of its lines. */
async function* rowsByContent(files: string[]): AsyncGenerator<KeyedRow> {
  const rows = files.length === 1 ? rowsOfFile(files[0] as string) : zipLines(files);
  for await (const row of rows) {
    const lines = row;
    yield { hash: rowHashOfLines(lines.map(lineHash)), lines: () => lines };
  }
}

/**
 * The input rows known by the identities the input files' row indexes give (see `lineIdentities`),
 * or null when an index is missing or does not describe its file (then the rows are read and hashed).
 * A row's lines are read only when asked for, by offset, so unchanged rows cost no reading.
 */
function rowsByIdentity(
  outDir: string,
  inputs: StageInput[],
): { rows: Generator<KeyedRow>; close(): void } | null {
  const files = inputs.map((i) => path.join(outDir, i.file));
  const found: LineIdentities[] = [];
  for (const [k, input] of inputs.entries()) {
    const identities = lineIdentities(rowIndexPath(outDir, input.from), files[k] as string);
    if (!identities) return null;
    found.push(identities);
  }
  const n = found[0]?.hashes.length ?? 0;
  if (found.some((f) => f.hashes.length !== n)) return null;
  const readers: LinesAt[] = [];
  const close = (): void => {
    for (const r of readers) r.close();
    readers.length = 0;
  };
  try {
    for (const f of files) readers.push(new LinesAt(f));
  } catch {
    close();
    return null;
  }
  function* rows(): Generator<KeyedRow> {
    const offsets = files.map(() => 0);
    for (let i = 0; i < n; i++) {
      const hash = rowHashOfLines(found.map((f) => f.hashes[i] as string));
      const at = [...offsets];
      const lines = (): string[] =>
        readers.map((r, k) => r.line(at[k] as number, (found[k] as LineIdentities).lengths[i] as number));
      for (let k = 0; k < found.length; k++)
        offsets[k] = (offsets[k] as number) + ((found[k] as LineIdentities).lengths[i] as number);
      yield { hash, lines };
    }
  }
  return { rows: rows(), close };
}

/**
 * First in, first out, in constant time per item: rows wait here for the line of an earlier row, and
 * with few rows to compute nearly the whole input can wait at once (Array#shift would copy it each time).
 */
class Queue<T> {
  private items: Array<T | undefined> = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    // Drop the consumed front now and then: memory stays proportional to the items waiting.
    if (this.head >= 4096 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

/** Writes output lines in input order, merging copies of consecutive previous lines into few reads. */
class OrderedWriter {
  private copyStart = 0;
  private copyEnd = 0;
  private copyRows: number[] = [];
  lines = 0;
  reused = 0;

  constructor(
    private readonly out: AtomicFile,
    private readonly index: AtomicFile,
    private readonly previous: PreviousRows | null,
    private readonly onLine: ((line: string) => void) | undefined,
    private readonly progress: (n: number) => void,
  ) {}

  /** A new line computed for a row. */
  async fresh(hash: string, line: ComputedLine): Promise<void> {
    await this.flushCopies();
    this.onLine?.(line.bytes.toString('utf8'));
    await this.out.write(line.bytes);
    await this.index.write(indexLine(hash, line.bytes.length, line.hash));
    this.lines += 1;
    this.progress(this.lines);
  }

  /** The previous line of row `row` of the previous output, copied. */
  async copy(hash: string, row: number): Promise<void> {
    const previous = this.previous as PreviousRows;
    const offset = previous.offset(row);
    const length = previous.length(row);
    if (this.copyRows.length > 0 && (offset !== this.copyEnd || this.copyEnd - this.copyStart >= COPY_CHUNK))
      await this.flushCopies();
    if (this.copyRows.length === 0) {
      this.copyStart = offset;
      this.copyEnd = offset;
    }
    this.copyEnd += length;
    this.copyRows.push(row);
    await this.index.write(indexLine(hash, length, previous.outputHash(row)));
    this.lines += 1;
    this.reused += 1;
    this.progress(this.lines);
  }

  async flushCopies(): Promise<void> {
    if (this.copyRows.length === 0) return;
    const previous = this.previous as PreviousRows;
    const bytes = previous.read(this.copyStart, this.copyEnd - this.copyStart);
    let at = 0;
    for (const row of this.copyRows) {
      const length = previous.length(row);
      // Every line ends where the index says: anything else means the index does not describe the file.
      if (bytes[at + length - 1] !== 0x0a) throw new Error('previous output does not match its index');
      if (this.onLine) this.onLine(bytes.toString('utf8', at, at + length));
      at += length;
    }
    this.copyRows = [];
    await this.out.write(bytes);
  }
}

/**
 * The body of a per-article stage: maps the rows of its input files (read side by side, one line of
 * each per article) through the stage's processor (on worker threads when compiled) into one output
 * file written atomically, reporting progress. Rows already seen by the previous run with the same
 * settings (see `row-cache.ts`) are copied from the previous output instead; when the input files'
 * row indexes describe them, unchanged rows are not even read. Returns the number of articles;
 * `onLine` sees each output line (for counts).
 */
export async function mapToFile(
  ctx: StageContext,
  stage: string,
  inputs: StageInput[],
  spec: PoolSpec,
  outFile: string,
  onLine?: (line: string) => void,
): Promise<number> {
  const outPath = path.join(ctx.outDir, outFile);
  const indexPath = rowIndexPath(ctx.outDir, stage);
  const key = await rowCacheKey(ctx, stage, spec);
  const opened = openPreviousRows(indexPath, outPath, key);
  const previous = opened.ok ? opened.rows : null;
  const out = new AtomicFile(outPath);
  mkdirSync(path.dirname(indexPath), { recursive: true });
  const index = new AtomicFile(indexPath);
  const writer = new OrderedWriter(out, index, previous, onLine, (n) =>
    ctx.log.progress(stage, n, ctx.articleCount),
  );
  const byIdentity = rowsByIdentity(ctx.outDir, inputs);
  const rows = byIdentity?.rows ?? rowsByContent(inputs.map((i) => path.join(ctx.outDir, i.file)));
  /** Rows read but not yet written: misses wait for their line, hits behind them wait their turn. */
  const waiting = new Queue<{ hash: string; row: number }>();
  const drainHits = async (): Promise<void> => {
    for (let first = waiting.peek(); first && first.row >= 0; first = waiting.peek()) {
      const hit = waiting.shift() as { hash: string; row: number };
      await writer.copy(hit.hash, hit.row);
    }
  };
  async function* misses(): AsyncGenerator<string[]> {
    for await (const { hash, lines } of rows) {
      const hit = previous ? previous.find(hash) : -1;
      if (hit >= 0 && waiting.size === 0) await writer.copy(hash, hit);
      else waiting.push({ hash, row: hit });
      if (hit < 0) yield lines();
    }
  }
  const take = async (line: ComputedLine): Promise<void> => {
    const slot = waiting.shift();
    if (!slot || slot.row >= 0) throw new Error(`${stage}: output out of step with its input`);
    await writer.fresh(slot.hash, line);
    await drainHits();
  };
  try {
    // Look ahead: a few new rows are computed here, many go to the worker pool.
    const source = misses()[Symbol.asyncIterator]();
    const first: string[][] = [];
    let ended = false;
    while (first.length < FEW_ROWS) {
      const next = await source.next();
      if (next.done) {
        ended = true;
        break;
      }
      first.push(next.value);
    }
    if (ended) {
      if (first.length > 0) for await (const line of inProcess(first, spec)) await take(line);
    } else {
      const all = async function* (): AsyncGenerator<string[]> {
        yield* first;
        first.length = 0;
        for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
      };
      for await (const line of mapRows(all(), spec)) await take(line);
    }
    await drainHits();
    if (waiting.size > 0) throw new Error(`${stage}: rows left without output`);
    await writer.flushCopies();
    previous?.close();
    byIdentity?.close();
    await out.commit();
  } catch (error) {
    previous?.close();
    byIdentity?.close();
    out.abort();
    index.abort();
    throw error;
  }
  try {
    await index.write(indexTrailer(key, writer.lines, statSync(outPath)));
    await index.commit();
  } catch (error) {
    // The output is complete; without its index the next run just computes every row.
    index.abort();
    ctx.log.warn(`${stage}: could not store the row index for the next run (${(error as Error).message})`);
  }
  if (previous) {
    ctx.log.info(
      `${stage}: ${writer.reused} of ${writer.lines} articles unchanged since the last run (reused), ${writer.lines - writer.reused} computed${byIdentity ? ' (only those read)' : ' (every input row read to compare)'}`,
    );
  } else if (opened.ok === false && opened.why !== 'no previous index') {
    ctx.log.info(`${stage}: every article computed (previous results not reusable: ${opened.why})`);
  }
  return writer.lines;
}

/** The processor module beside a stage module, `.ts` from sources and `.js` when compiled. */
export function processorModule(stageModuleUrl: string): string {
  return new URL(`./process${path.extname(stageModuleUrl)}`, stageModuleUrl).href;
}
