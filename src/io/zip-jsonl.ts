import { checkSameId, type ZipOptions, zipLines } from './lines.js';

/**
 * Reads several JSON Lines files of the same articles side by side (every stage keeps the order of
 * ingest), checking that the ids line up, so no stage has to hold all articles in memory.
 */
export async function* zipJsonl<T extends unknown[]>(
  files: { [K in keyof T]: string },
  opts: ZipOptions = {},
): AsyncGenerator<T> {
  const names = (files as string[]).map((f) => f.replace(/^.*\//, '')).join(', ');
  for await (const lines of zipLines(files as string[], opts)) {
    const values = lines.map((l) => JSON.parse(l) as { id: string });
    const first = values[0]?.id;
    if (values.some((v) => v.id !== first))
      checkSameId(
        values.map((v) => v.id),
        names,
      );
    yield values as unknown as T;
  }
}
