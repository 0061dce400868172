import { type LineReadOptions, readRawLineBatches } from './lines.js';

/** Reads a JSON Lines file written by a stage, one parsed record at a time. */
export async function* readJsonl<T>(file: string, opts: LineReadOptions = {}): AsyncGenerator<T> {
  let n = 0;
  for await (const batch of readRawLineBatches(file, opts)) {
    for (const line of batch) {
      n += 1;
      if (line.trim() === '') continue;
      let value: T;
      try {
        value = JSON.parse(line) as T;
      } catch (error) {
        throw new Error(`${file}, line ${n}: not valid JSON (${(error as Error).message})`);
      }
      yield value;
    }
  }
}

/** One JSON line. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
