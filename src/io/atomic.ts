import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import path from 'node:path';

/** A temporary file not yet committed or aborted. */
interface OpenTemporary {
  readonly finalPath: string;
  abort(): void;
}

/** Temporary files not yet committed or aborted, so an interrupt can remove them. */
const open = new Set<OpenTemporary>();

/**
 * Registers a temporary file another thread writes (`tempPath`, to become `finalPath`), so an
 * interrupt removes it like the atomic files of this thread; `done()` once it is renamed or removed.
 */
export function trackTemporary(finalPath: string, tempPath: string): { done(): void } {
  const entry: OpenTemporary = {
    finalPath,
    abort: () => {
      rmSync(tempPath, { force: true });
      open.delete(entry);
    },
  };
  open.add(entry);
  return { done: () => open.delete(entry) };
}

/** Aborts every atomic file still open (on Ctrl-C); returns the final names that were not written. */
export function abortOpenFiles(): string[] {
  const names = [...open].map((f) => f.finalPath);
  for (const f of [...open]) f.abort();
  return names;
}

/** Whether a file name is one of our temporary names (`.name.PID.STAMP.tmp`). */
export const isTempName = (name: string): boolean => /^\..+\.\d+\.[0-9a-z]+\.tmp$/.test(name);

/**
 * A temporary name beside `finalPath` (`.name.PID.STAMP.tmp`): a run removes such leftovers of an
 * interrupted run before it starts.
 */
export const temporaryName = (finalPath: string): string =>
  path.join(
    path.dirname(finalPath),
    `.${path.basename(finalPath)}.${process.pid}.${Date.now().toString(36)}.tmp`,
  );

/** Small chunks are gathered up to this many bytes before they go to the stream together (a longer chunk goes as it is). */
const GATHER_BYTES = 64 * 1024;

/**
 * Writes a file under a temporary name in the same folder and renames it into place when done, so a
 * crash never leaves half a file under the real name.
 */
export class AtomicFile {
  readonly tempPath: string;
  private readonly stream: WriteStream;
  private failed: Error | null = null;
  /**
   * Small chunks written but not yet passed to the stream (one stream write per line costs more than
   * the line), as bytes: a view that continues the one before in the same memory (lines of one
   * batch) joined to it. Strings are encoded as they come: joining many short strings, some with
   * characters beyond Latin-1 (German quotation marks, dashes), cost about five times as much as
   * encoding each and concatenating the bytes.
   */
  private gathered: Buffer[] = [];
  private gatheredSize = 0;

  constructor(readonly finalPath: string) {
    this.tempPath = temporaryName(finalPath);
    this.stream = createWriteStream(this.tempPath);
    open.add(this);
    this.stream.on('error', (error) => {
      this.failed = error;
    });
  }

  /** Writes a chunk, waiting when the stream's buffer is full. Small chunks are gathered first. */
  async write(chunk: string | Buffer): Promise<void> {
    if (this.failed) throw this.failed;
    if (chunk.length >= GATHER_BYTES) {
      await this.flush();
      if (!this.stream.write(chunk)) await once(this.stream, 'drain');
      return;
    }
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const last = this.gathered[this.gathered.length - 1];
    if (
      last !== undefined &&
      last.buffer === bytes.buffer &&
      last.byteOffset + last.length === bytes.byteOffset
    )
      this.gathered[this.gathered.length - 1] = Buffer.from(
        last.buffer,
        last.byteOffset,
        last.length + bytes.length,
      );
    else this.gathered.push(bytes);
    this.gatheredSize += bytes.length;
    if (this.gatheredSize >= GATHER_BYTES) await this.flush();
  }

  /** Passes the gathered chunks to the stream as one. */
  private async flush(): Promise<void> {
    if (this.gathered.length === 0) return;
    const parts = this.gathered;
    const joined = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    this.gathered = [];
    this.gatheredSize = 0;
    if (!this.stream.write(joined)) await once(this.stream, 'drain');
  }

  /** Closes the temporary file and renames it to the final name. */
  async commit(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failed) throw this.failed;
    renameSync(this.tempPath, this.finalPath);
    open.delete(this);
  }

  /** Closes and removes the temporary file. */
  abort(): void {
    this.stream.destroy();
    rmSync(this.tempPath, { force: true });
    open.delete(this);
  }
}

/** Opens several atomic files; commits all or aborts all. */
export async function withAtomicFiles<T>(
  paths: string[],
  body: (files: AtomicFile[]) => Promise<T>,
): Promise<T> {
  const files = paths.map((p) => new AtomicFile(p));
  try {
    const result = await body(files);
    for (const f of files) await f.commit();
    return result;
  } catch (error) {
    for (const f of files) f.abort();
    throw error;
  }
}
