import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** Reads a JSON Lines file written by a stage, one parsed record at a time. */
export async function* readJsonl<T>(file: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as T;
    } catch (error) {
      throw new Error(`${file}, line ${n}: not valid JSON (${(error as Error).message})`);
    }
  }
}

/** One JSON line. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
