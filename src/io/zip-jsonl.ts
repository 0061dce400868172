import { checkSameId, zipLines } from './lines.js';

/**
 * Reads several JSON Lines files of the same articles side by side (every stage keeps the order of
 * ingest), checking that the ids line up, so no stage has to hold all articles in memory.
 */
export async function* zipJsonl<T extends unknown[]>(files: { [K in keyof T]: string }): AsyncGenerator<T> {
  for await (const lines of zipLines(files as string[])) {
    const values = lines.map((l) => JSON.parse(l) as { id: string });
    checkSameId(
      values.map((v) => v.id),
      (files as string[]).map((f) => f.replace(/^.*\//, '')).join(', '),
    );
    yield values as unknown as T;
  }
}
