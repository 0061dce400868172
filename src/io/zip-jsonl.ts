import { readJsonl } from './jsonl.js';

/**
 * Reads several JSON Lines files of the same articles side by side (every stage keeps the order of
 * ingest), checking that the ids line up, so no stage has to hold all articles in memory.
 */
export async function* zipJsonl<T extends unknown[]>(files: { [K in keyof T]: string }): AsyncGenerator<T> {
  const iterators = files.map((f) => readJsonl<{ id: string }>(f)[Symbol.asyncIterator]());
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
    const values = next.map((n) => n.value as { id: string });
    const id = values[0]?.id;
    const bad = values.findIndex((v) => v.id !== id);
    if (bad >= 0) {
      throw new Error(
        `${files[bad]}: article ${row} is "${values[bad]?.id}" but ${files[0]} has "${id}"; re-run the earlier stages`,
      );
    }
    yield values as unknown as T;
  }
}
