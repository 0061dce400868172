import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read at once: lines asked for in file order come from one read. */
const WINDOW = 1 << 20;

/**
 * Reads lines of a file by offset and length (known from an index), through a window of the file
 * kept in memory: lines asked for in file order cost one read per window, lines skipped cost nothing.
 * A line longer than the window is read on its own.
 */
export class LinesAt {
  private readonly fd: number;
  private buffer: Buffer;
  /** File offset of the window's first byte and the number of bytes in it. */
  private start = 0;
  private filled = 0;

  constructor(
    private readonly file: string,
    window = WINDOW,
  ) {
    this.buffer = Buffer.allocUnsafe(window);
    this.fd = openSync(file, 'r');
  }

  /** The line of `length` bytes (its newline included) at `offset`, decoded, without the newline. */
  line(offset: number, length: number): string {
    if (offset >= this.start && offset + length <= this.start + this.filled)
      return this.text(offset - this.start, length);
    if (length > this.buffer.length) this.buffer = Buffer.allocUnsafe(length);
    this.start = offset;
    this.filled = 0;
    while (this.filled < this.buffer.length) {
      const got = readSync(
        this.fd,
        this.buffer,
        this.filled,
        this.buffer.length - this.filled,
        offset + this.filled,
      );
      if (got === 0) break;
      this.filled += got;
    }
    if (this.filled < length) throw new Error(`${this.file}: ended before byte ${offset + length}`);
    return this.text(0, length);
  }

  private text(at: number, length: number): string {
    const end = this.buffer[at + length - 1] === 0x0a ? at + length - 1 : at + length;
    return this.buffer.toString('utf8', at, end);
  }

  close(): void {
    closeSync(this.fd);
  }
}
