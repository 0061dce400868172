import { open } from 'node:fs/promises';

/** Bytes read at a time: large enough that the per-chunk work is negligible, small enough to stay bounded. */
const CHUNK_BYTES = 1 << 20;

export interface LineReadOptions {
  /** Bytes read per chunk (default 1 MiB); tests make it tiny to hit every boundary case. */
  chunkSize?: number;
  /** Byte offset to start at (a line start, e.g. from `findCut`); default 0. */
  start?: number;
  /** Byte offset to stop before (a line start); default the end of the file. */
  end?: number;
}

/**
 * UTF-8 decoder for complete lines: faster than `Buffer#toString` on German text, and like the stream
 * decoder readline used it keeps a byte order mark and puts U+FFFD for bytes that are not UTF-8.
 */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A blank line (only whitespace, as `String.prototype.trim` sees it); a quick look first. */
function isBlank(line: string): boolean {
  if (line.length === 0) return true;
  const c = line.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return line.trim() === '';
}

/**
 * Appends the lines of `text` (one piece between two line feeds, or the file's last) to `into`.
 * A carriage return before the line feed belongs to the break (CRLF); one anywhere else breaks the
 * line too, as node's readline does.
 */
function pushLine(text: string, into: string[]): void {
  let line = text;
  if (line.charCodeAt(line.length - 1) === 0x0d) line = line.slice(0, -1);
  if (line.indexOf('\r') < 0) into.push(line);
  else for (const part of line.split('\r')) into.push(part);
}

/**
 * Every line of a text file, blank ones included, in batches: one array per chunk read (empty
 * batches are not yielded). Lines are split on the bytes, so a UTF-8 character is never cut, and
 * only complete lines are decoded, one at a time; a line longer than a chunk is gathered piece by piece and joined
 * once, so memory is one chunk plus the longest line.
 */
export async function* readRawLineBatches(
  file: string,
  opts: LineReadOptions = {},
): AsyncGenerator<string[]> {
  const size = Math.max(1, Math.floor(opts.chunkSize ?? CHUNK_BYTES));
  const end = opts.end ?? Number.POSITIVE_INFINITY;
  let position = opts.start ?? 0;
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(size);
    /** Copies of the bytes of the line not yet ended. */
    let pending: Buffer[] = [];
    for (;;) {
      const want = Math.min(size, end - position);
      if (want <= 0) break;
      const { bytesRead } = await handle.read(buf, 0, want, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const chunk = buf.subarray(0, bytesRead);
      const first = chunk.indexOf(0x0a);
      if (first < 0) {
        pending.push(Buffer.from(chunk));
        continue;
      }
      const lines: string[] = [];
      if (pending.length > 0) {
        pending.push(chunk.subarray(0, first));
        pushLine(utf8.decode(Buffer.concat(pending)), lines);
        pending = [];
      } else {
        pushLine(utf8.decode(chunk.subarray(0, first)), lines);
      }
      // Each complete line decoded on its own: short-lived strings (a decoded chunk would be one
      // large object the young-generation collector cannot free, and every line a slice of it).
      let start = first + 1;
      for (;;) {
        const nl = chunk.indexOf(0x0a, start);
        if (nl < 0) break;
        pushLine(utf8.decode(chunk.subarray(start, nl)), lines);
        start = nl + 1;
      }
      if (start < bytesRead) pending.push(Buffer.from(chunk.subarray(start)));
      yield lines;
    }
    // The last line without a final line feed.
    if (pending.length > 0) {
      const lines: string[] = [];
      pushLine(utf8.decode(Buffer.concat(pending)), lines);
      yield lines;
    }
  } finally {
    await handle.close();
  }
}

/** The non-empty lines of a text file in batches (one per chunk read, never empty). */
export async function* readLineBatches(file: string, opts: LineReadOptions = {}): AsyncGenerator<string[]> {
  for await (const raw of readRawLineBatches(file, opts)) {
    const lines = raw.filter((l) => !isBlank(l));
    if (lines.length > 0) yield lines;
  }
}

/** The non-empty lines of a text file, streamed. */
export async function* readLines(file: string, opts: LineReadOptions = {}): AsyncGenerator<string> {
  for await (const batch of readLineBatches(file, opts)) yield* batch;
}

/** A place to cut a file between lines: `lines` lines (none of them blank) lie before byte `offset`. */
export interface LineCut {
  offset: number;
  lines: number;
}

/**
 * The first line boundary where `stop` says yes, scanning the bytes only (nothing is decoded), or
 * the end of the file. Null when the count could differ from what the readers see: a carriage
 * return, or a line starting with a space or a non-ASCII byte (which could be a blank line). Lines
 * a stage writes (JSON objects) are always countable.
 */
export async function findCut(
  file: string,
  stop: (cut: LineCut) => boolean,
  opts: Pick<LineReadOptions, 'chunkSize'> = {},
): Promise<LineCut | null> {
  const size = Math.max(1, Math.floor(opts.chunkSize ?? CHUNK_BYTES));
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(size);
    let position = 0;
    let lines = 0;
    /** Whether the current line has bytes (and so counts once it ends). */
    let inLine = false;
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, size, position);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      if (chunk.indexOf(0x0d) >= 0) return null;
      let at = 0;
      while (at < bytesRead) {
        if (!inLine) {
          const c = chunk[at] as number;
          if (c === 0x0a) {
            // An empty line: no line to count, but a boundary all the same.
            at += 1;
            const cut = { offset: position + at, lines };
            if (stop(cut)) return cut;
            continue;
          }
          if (c <= 0x20 || c >= 0x7f) return null;
          inLine = true;
        }
        const nl = chunk.indexOf(0x0a, at);
        if (nl < 0) break;
        at = nl + 1;
        inLine = false;
        lines += 1;
        const cut = { offset: position + at, lines };
        if (stop(cut)) return cut;
      }
      position += bytesRead;
    }
    return { offset: position, lines: inLine ? lines + 1 : lines };
  } finally {
    await handle.close();
  }
}

/** Next lines of one file for `zipLines`: the current batch and the position in it. */
interface Cursor {
  it: AsyncIterator<string[]>;
  batch: string[];
  at: number;
  done: boolean;
}

/** Moves to a batch with a line left, unless the file has ended; false at the end. */
async function fill(c: Cursor): Promise<boolean> {
  while (!c.done && c.at >= c.batch.length) {
    const next = await c.it.next();
    if (next.done) c.done = true;
    else {
      c.batch = next.value;
      c.at = 0;
    }
  }
  return !c.done;
}

export interface ZipOptions {
  chunkSize?: number;
  /** Part of each file to read (byte offsets at line starts, as `findCut` finds them); default all. */
  ranges?: Array<{ start: number; end?: number }>;
  /** Rows before the first one read (when reading a later part), for the row named in errors. */
  rowsBefore?: number;
}

/**
 * The lines of several files side by side (every stage keeps ingest's order). Throws when one file
 * ends before the others; the consumer checks that the records' ids line up.
 */
export async function* zipLines(files: string[], opts: ZipOptions = {}): AsyncGenerator<string[]> {
  const cursors: Cursor[] = files.map((f, i) => ({
    it: readLineBatches(f, { chunkSize: opts.chunkSize, ...opts.ranges?.[i] })[Symbol.asyncIterator](),
    batch: [],
    at: 0,
    done: false,
  }));
  let row = opts.rowsBefore ?? 0;
  try {
    for (;;) {
      // Only when a batch is used up is there anything to wait for.
      let ready = 0;
      const waits: Array<Promise<boolean>> = [];
      for (const c of cursors) {
        if (c.at < c.batch.length) ready += 1;
        else waits.push(fill(c));
      }
      if (waits.length > 0) for (const ok of await Promise.all(waits)) if (ok) ready += 1;
      if (ready === 0) return;
      row += 1;
      if (ready < cursors.length) {
        throw new Error(
          `${files.join(', ')}: the files hold different numbers of articles (at article ${row}); re-run the earlier stages`,
        );
      }
      const lines = new Array<string>(cursors.length);
      for (let i = 0; i < cursors.length; i++) {
        const c = cursors[i] as Cursor;
        lines[i] = c.batch[c.at] as string;
        c.at += 1;
      }
      yield lines;
    }
  } finally {
    // Closes the files when the consumer stops early or a file failed.
    await Promise.allSettled(cursors.map((c) => c.it.return?.(undefined)));
  }
}

/** Throws when the records of one article row do not share an id (files out of step). */
export function checkSameId(ids: string[], what: string): void {
  const first = ids[0];
  const bad = ids.findIndex((id) => id !== first);
  if (bad >= 0)
    throw new Error(
      `${what}: article "${ids[bad]}" where "${first}" was expected; re-run the earlier stages`,
    );
}

/** The lines of one file as one-line rows, for a processor pool. */
export async function* rowsOfFile(file: string): AsyncGenerator<string[]> {
  for await (const line of readLines(file)) yield [line];
}
