import { checkSameId, type ZipOptions, zipLines } from './lines.js';

/** How a stage's record line begins: JSON.stringify writes the id first. */
const ID_START = '{"id":"';

/**
 * The id of a record line, read from its start when it begins with a plain `{"id":"…"` (no escapes
 * in the id), else by parsing the line. Lets a reader check rows line up and parse only the records
 * it needs.
 */
export function lineId(line: string): string {
  if (line.startsWith(ID_START)) {
    const end = line.indexOf('"', ID_START.length);
    if (end >= 0 && line.lastIndexOf('\\', end) < ID_START.length) return line.slice(ID_START.length, end);
  }
  return (JSON.parse(line) as { id: string }).id;
}

/** The file names of `files`, as the id error names them. */
const namesOf = (files: string[]): string => files.map((f) => f.replace(/^.*\//, '')).join(', ');

/**
 * Reads several JSON Lines files of the same articles side by side (every stage keeps the order of
 * ingest), checking that the ids line up, so no stage has to hold all articles in memory.
 */
export async function* zipJsonl<T extends unknown[]>(
  files: { [K in keyof T]: string },
  opts: ZipOptions = {},
): AsyncGenerator<T> {
  const names = namesOf(files as string[]);
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

/**
 * The same rows unparsed: the ids are checked (read with `lineId`), and the reader parses only the
 * lines it needs (a table of relevant articles need not parse the tokens of the others).
 */
export async function* zipJsonlLines(files: string[], opts: ZipOptions = {}): AsyncGenerator<string[]> {
  const names = namesOf(files);
  for await (const lines of zipLines(files, opts)) {
    const ids = lines.map(lineId);
    const first = ids[0];
    if (ids.some((id) => id !== first)) checkSameId(ids, names);
    yield lines;
  }
}
