/**
 * Per-article reuse for the per-article stages. An output line of tokenize, tag or score depends
 * only on its input row and on what the processor is built from (settings, data files, a trained
 * model). Beside each output file the stage keeps an index, `.lokalpresse/<stage>.rows`: one line per
 * output line with a hash of the input row, the byte length of the output line and a hash of the
 * output line, closed by a trailer naming the key (a hash of everything the processor is built from)
 * and the size, mtime and inode of the output file the index describes. A later run with the same key
 * copies the lines of rows it has seen before from the previous output instead of computing them
 * again. Ingest writes the same index for `articles.jsonl` (its "input row" is the line itself).
 *
 * The hashes and lengths of the output lines let the next stage know its input rows without reading
 * them (`lineIdentities`): a re-run reads only the rows it must compute.
 *
 * The index is only a shortcut: when it is missing, unreadable, written for other settings or for
 * another output file than the one on disk, it is ignored and every row is computed.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, type Stats, statSync } from 'node:fs';
import { stageCacheFile } from './cache-files.js';

/** Where a stage's row index lives. */
export const rowIndexPath = (outDir: string, stage: string): string => stageCacheFile(outDir, stage, 'rows');

/** Hash of a list of strings (the lines of one article, or their hashes). */
export function rowHash(row: readonly string[]): string {
  const h = createHash('sha1');
  for (const part of row) {
    h.update(part);
    h.update('\u0000');
  }
  return h.digest('base64');
}

/** Hash of one line of a stage's output (without its newline). */
export const lineHash = (line: string): string => rowHash([line]);

/** `lineHash` of a line given as its UTF-8 bytes (without its newline): the same hash. */
export function lineHashOfBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).update('\u0000').digest('base64');
}

/**
 * Hash of one input row from the hashes of its lines: the same whether the lines were read and
 * hashed or their hashes were taken from the input files' indexes.
 */
export const rowHashOfLines = (lineHashes: readonly string[]): string =>
  lineHashes.length === 1 ? (lineHashes[0] as string) : rowHash(lineHashes);

/** What an index says about the output file it was written with. */
export interface RowIndexTrailer {
  format: 2;
  key: string;
  rows: number;
  size: number;
  mtimeMs: number;
  ino: number;
}

/** The trailer line closing an index, for the output file as it is on disk now. */
export function indexTrailer(key: string, rows: number, output: Stats): string {
  const trailer: RowIndexTrailer = {
    format: 2,
    key,
    rows,
    size: output.size,
    mtimeMs: output.mtimeMs,
    ino: output.ino,
  };
  return `${JSON.stringify(trailer)}\n`;
}

/** One index line: the row's hash, the byte length of its output line and that line's hash. */
export const indexLine = (hash: string, length: number, output: string): string =>
  `${hash}\t${length}\t${output}\n`;

/** One parsed index line, or null when it is damaged. */
function parseIndexLine(line: string): { hash: string; length: number; output: string } | null {
  const tab = line.indexOf('\t');
  const tab2 = line.indexOf('\t', tab + 1);
  if (tab <= 0 || tab2 <= tab + 1 || tab2 === line.length - 1) return null;
  const length = Number(line.slice(tab + 1, tab2));
  if (!Number.isInteger(length) || length < 1) return null;
  return { hash: line.slice(0, tab), length, output: line.slice(tab2 + 1) };
}

/** The previous output of a stage, readable by row hash. */
export interface PreviousRows {
  /** Rows indexed. */
  readonly size: number;
  /** Index of the previous row with this hash, or -1. */
  find(hash: string): number;
  offset(row: number): number;
  length(row: number): number;
  /** Hash of the previous output line of row `row`. */
  outputHash(row: number): string;
  /** Reads `length` bytes at `offset` of the previous output. */
  read(offset: number, length: number): Buffer;
  close(): void;
}

export type OpenResult = { ok: true; rows: PreviousRows } | { ok: false; why: string };

function parseIndex(
  text: string,
  key: string | null,
): { trailer: RowIndexTrailer; lines: string[] } | string {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const last = lines.pop();
  if (last === undefined) return 'index is empty';
  let trailer: RowIndexTrailer;
  try {
    trailer = JSON.parse(last) as RowIndexTrailer;
  } catch {
    return 'index has no trailer (interrupted write)';
  }
  if (trailer.format !== 2) return 'index is of another format';
  if (key !== null && trailer.key !== key) return 'settings, data files or model changed';
  if (trailer.rows !== lines.length) return 'index is incomplete';
  return { trailer, lines };
}

/**
 * The index beside `outputFile`, parsed (checked against `key` unless it is null), when it describes
 * the file now on disk; otherwise why not.
 */
function indexOfOutput(
  indexFile: string,
  outputFile: string,
  key: string | null,
): { trailer: RowIndexTrailer; lines: string[] } | string {
  let text: string;
  let output: Stats;
  try {
    text = readFileSync(indexFile, 'utf8');
    output = statSync(outputFile);
  } catch {
    return 'no previous index';
  }
  const parsed = parseIndex(text, key);
  if (typeof parsed === 'string') return parsed;
  const { trailer } = parsed;
  if (trailer.size !== output.size || trailer.mtimeMs !== output.mtimeMs || trailer.ino !== output.ino)
    return 'the output file was replaced since the index was written';
  return parsed;
}

/**
 * Opens the previous output through its index when both belong together and were written with the
 * same key; otherwise says why not.
 */
export function openPreviousRows(indexFile: string, outputFile: string, key: string): OpenResult {
  const parsed = indexOfOutput(indexFile, outputFile, key);
  if (typeof parsed === 'string') return { ok: false, why: parsed };
  const { trailer, lines } = parsed;
  const n = lines.length;
  const offsets = new Float64Array(n);
  const lengths = new Uint32Array(n);
  const outputs: string[] = new Array(n);
  const byHash = new Map<string, number>();
  let at = 0;
  for (let i = 0; i < n; i++) {
    const parsed = parseIndexLine(lines[i] as string);
    if (!parsed) return { ok: false, why: `index line ${i + 1} is damaged` };
    offsets[i] = at;
    lengths[i] = parsed.length;
    outputs[i] = parsed.output;
    at += parsed.length;
    if (!byHash.has(parsed.hash)) byHash.set(parsed.hash, i);
  }
  if (at !== trailer.size) return { ok: false, why: 'index lengths do not add up to the output size' };
  let fd: number;
  try {
    fd = openSync(outputFile, 'r');
  } catch {
    return { ok: false, why: 'previous output cannot be opened' };
  }
  let open = true;
  return {
    ok: true,
    rows: {
      size: n,
      find: (hash) => byHash.get(hash) ?? -1,
      offset: (row) => offsets[row] as number,
      length: (row) => lengths[row] as number,
      outputHash: (row) => outputs[row] as string,
      read: (offset, length) => {
        const buffer = Buffer.allocUnsafe(length);
        let done = 0;
        while (done < length) {
          const got = readSync(fd, buffer, done, length - done, offset + done);
          if (got === 0) throw new Error(`${outputFile}: ended before byte ${offset + length}`);
          done += got;
        }
        return buffer;
      },
      close: () => {
        if (open) closeSync(fd);
        open = false;
      },
    },
  };
}

/** What identifies the lines of a stage's output without reading them: their hashes and lengths. */
export interface LineIdentities {
  hashes: string[];
  /** Byte length of each line, newline included (their sums are the lines' offsets). */
  lengths: Uint32Array;
}

/**
 * The hashes and lengths of `outputFile`'s lines from the index beside it, whatever settings it was
 * written with, or null when the index does not describe the file on disk.
 */
export function lineIdentities(indexFile: string, outputFile: string): LineIdentities | null {
  const parsed = indexOfOutput(indexFile, outputFile, null);
  if (typeof parsed === 'string') return null;
  const { trailer, lines } = parsed;
  const lengths = new Uint32Array(lines.length);
  const hashes: string[] = new Array(lines.length);
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = parseIndexLine(lines[i] as string);
    if (!line) return null;
    lengths[i] = line.length;
    hashes[i] = line.output;
    total += line.length;
  }
  return total === trailer.size ? { hashes, lengths } : null;
}
