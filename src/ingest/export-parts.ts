/**
 * Large CSV/TSV/JSONL exports are read in parts, so that memory does not grow with the size of one
 * file (a press-database export of a whole state can be gigabytes). A part ends at a record boundary:
 * a line break for JSON Lines; for delimited files a line break outside quotes (an even number of `"`
 * since the part began). Delimited parts after the first get the header row put in front, so each
 * part parses on its own, on any thread; line numbers stay those of the whole file.
 *
 * UTF-16 files, whose line breaks are two bytes, are read whole.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Bytes per part (a part grows to the next record boundary): 2 MiB, or `LOKALPRESSE_PART_BYTES`
 * (at least 1 KiB; tests use small parts). Each reader thread holds a part several times over (bytes,
 * text, records, the copy sent back): on 20,000 articles in one export, 8 MiB parts peaked at 856 MB
 * with two reader threads, 2 MiB parts at 551 MB and ran as fast.
 */
export const PART_BYTES = partBytesSetting(process.env.LOKALPRESSE_PART_BYTES);
/** Files at least this large (four parts) are read in parts. */
export const STREAM_MIN_BYTES = 4 * PART_BYTES;

function partBytesSetting(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1024 ? n : 2 * 1024 * 1024;
}

export type ExportKind = 'delimited' | 'tsv' | 'jsonl';

export interface ExportPart {
  /** 0-based number of the part in the file. */
  index: number;
  /** The part's bytes; for delimited parts after the first, the header row and a line break first. */
  bytes: Buffer;
  /** Lines of the file before the part's first line (the header line put in front not counted). */
  lineOffset: number;
  /** Lines of the header row put in front of the part (0: none, the first part). */
  headerLines: number;
}

export interface PartOptions {
  partBytes?: number;
}

const LF = 0x0a;
const QUOTE = 0x22;

/** Whether the file's first bytes say UTF-16 or UTF-32 (a BOM, or NUL bytes among the first 4 KB). */
export function isWideEncoding(head: Buffer): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)))
    return true;
  return head.subarray(0, 4096).includes(0);
}

function countLines(buf: Buffer, end: number): number {
  let n = 0;
  let at = buf.indexOf(LF, 0);
  while (at >= 0 && at < end) {
    n++;
    at = buf.indexOf(LF, at + 1);
  }
  return n;
}

/**
 * Index just after the last record boundary in `buf` (0 when there is none). For delimited text a
 * line break counts only outside quotes, counted from the start of `buf` (which starts a record).
 */
export function lastBoundary(buf: Buffer, kind: ExportKind): number {
  if (kind === 'jsonl') return buf.lastIndexOf(LF) + 1;
  let inQuotes = false;
  let last = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (b === LF && !inQuotes) last = i + 1;
  }
  return last;
}

/** End of the first record (the header row), after its line break; 0 when there is none. */
function headerEnd(buf: Buffer): number {
  let inQuotes = false;
  let sawText = false;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (b === LF && !inQuotes) {
      if (sawText) return i + 1;
    } else if (b !== 0x0d && b !== 0x20 && b !== 0x09) sawText = true;
  }
  return 0;
}

/**
 * The parts of an export file, read one after another (only one part and the carry-over are in
 * memory). When no boundary is found within four part sizes (a quote that is never closed), the part
 * is cut at its last line break and the parser names the broken row.
 */
export function* exportParts(
  abs: string,
  kind: ExportKind,
  options: PartOptions = {},
): Generator<ExportPart> {
  const partBytes = Math.max(1024, options.partBytes ?? PART_BYTES);
  const fd = openSync(abs, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    let header: Buffer | null = null;
    let lineOffset = 0;
    let index = 0;
    let eof = false;
    while (!eof || carry.length > 0) {
      let buf = carry;
      let cut = 0;
      // Read until the buffer holds a full part and a boundary, or the file ends.
      while (!eof) {
        if (buf.length >= partBytes) {
          cut = lastBoundary(buf, kind);
          if (cut > 0) break;
          if (buf.length >= 4 * partBytes) {
            cut = buf.lastIndexOf(LF) + 1;
            if (cut > 0) break;
          }
        }
        const chunk = Buffer.allocUnsafe(partBytes);
        const n = readSync(fd, chunk, 0, partBytes, null);
        if (n === 0) eof = true;
        else buf = buf.length === 0 ? chunk.subarray(0, n) : Buffer.concat([buf, chunk.subarray(0, n)]);
      }
      if (eof) cut = buf.length;
      if (cut === 0) break;
      const body = buf.subarray(0, cut);
      carry = Buffer.from(buf.subarray(cut));
      const first = index === 0;
      if (first && kind !== 'jsonl') {
        const end = headerEnd(body);
        header = Buffer.from(body.subarray(0, end > 0 ? end : body.length));
        if (header.length > 0 && header[header.length - 1] !== LF)
          header = Buffer.concat([header, Buffer.from('\n')]);
      }
      const withHeader = !first && header !== null;
      const bytes = withHeader ? Buffer.concat([header as Buffer, body]) : body;
      yield {
        index,
        bytes,
        lineOffset,
        headerLines: withHeader ? countLines(header as Buffer, (header as Buffer).length) : 0,
      };
      lineOffset += countLines(body, body.length);
      index++;
    }
  } finally {
    closeSync(fd);
  }
}
