import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The non-empty lines of a text file, streamed. */
export async function* readLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield line;
}

/**
 * The lines of several files side by side (every stage keeps ingest's order). Throws when one file
 * ends before the others; the consumer checks that the records' ids line up.
 */
export async function* zipLines(files: string[]): AsyncGenerator<string[]> {
  const iterators = files.map((f) => readLines(f)[Symbol.asyncIterator]());
  let row = 0;
  for (;;) {
    const next = await Promise.all(iterators.map((it) => it.next()));
    const done = next.filter((n) => n.done).length;
    if (done === next.length) return;
    row += 1;
    if (done > 0) {
      throw new Error(
        `${files.join(', ')}: the files hold different numbers of articles (at article ${row}); re-run the earlier stages`,
      );
    }
    yield next.map((n) => n.value as string);
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
