import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { temporaryName } from '../io/atomic.js';
import { findCut, type LineReadOptions } from '../io/lines.js';
import { createKeyness } from './keyness.js';
import {
  TOKEN_TABLE_FILES,
  type TokenPart,
  type TokenPartResult,
  type TokenTables,
  type TokenTablesInit,
} from './token-tables.js';

/** All rows as one part. */
export const WHOLE: TokenPart = { ranges: [], rowsBefore: 0, header: true };

/**
 * Cuts the article rows into up to `parts` runs of about equal size of tokens.jsonl (the bulk of the
 * work), at the same row in all three files; only the bytes are scanned. One part (all rows) when the
 * files are small, cannot be counted on the bytes (see `findCut`) or hold different numbers of rows
 * up to a cut: reading them whole reports that as before.
 */
export async function planTokenParts(
  outDir: string,
  parts: number,
  opts: Pick<LineReadOptions, 'chunkSize'> = {},
): Promise<TokenPart[]> {
  if (parts < 2) return [WHOLE];
  const files = TOKEN_TABLE_FILES.map((f) => path.join(outDir, f));
  const tokensFile = files[2] as string;
  const size = (await stat(tokensFile)).size;
  /** Byte offsets of each cut in the three files, and the rows before it. */
  const cuts: Array<{ offsets: number[]; rows: number }> = [];
  for (let i = 1; i < parts; i++) {
    const target = (size * i) / parts;
    const tokens = await findCut(tokensFile, (c) => c.offset >= target, opts);
    if (tokens === null) return [WHOLE];
    const previous = cuts.at(-1)?.rows ?? 0;
    if (tokens.lines <= previous || tokens.offset >= size) continue;
    const offsets: number[] = [];
    for (const file of files.slice(0, 2)) {
      const cut = await findCut(file, (c) => c.lines >= tokens.lines, opts);
      if (cut === null || cut.lines !== tokens.lines) return [WHOLE];
      offsets.push(cut.offset);
    }
    offsets.push(tokens.offset);
    cuts.push({ offsets, rows: tokens.lines });
  }
  if (cuts.length === 0) return [WHOLE];
  return [{ offsets: [0, 0, 0], rows: 0 }, ...cuts].map((from, i) => {
    const to = cuts[i];
    return {
      ranges: from.offsets.map((start, f) => (to ? { start, end: to.offsets[f] as number } : { start })),
      rowsBefore: from.rows,
      header: i === 0,
    };
  });
}

/** Runs one part of the token tables (in this thread, or on a worker). */
export type PartRunner = (init: TokenTablesInit) => Promise<TokenPartResult>;

/**
 * Builds the token tables from parts run side by side: the first part writes kwic.csv's head and
 * rows to `init.kwicPath`, the others to temporary files appended after it in order (kwic stays in
 * corpus order); the keyness counts are summed. The same tables as one pass over all rows.
 * `onTemporary` learns each temporary file (to remove on an interrupt) and when it is gone.
 */
export async function buildInParts(
  init: TokenTablesInit,
  parts: TokenPart[],
  run: PartRunner,
  onTemporary: (file: string) => { done(): void } = () => ({ done: () => {} }),
): Promise<TokenTables> {
  const kwicPaths = parts.map((_, i) =>
    i === 0 ? init.kwicPath : temporaryName(path.join(path.dirname(init.kwicPath), `kwic.csv.part${i}`)),
  );
  const tracked = kwicPaths.slice(1).map((f) => onTemporary(f));
  try {
    const results = await Promise.all(
      parts.map((part, i) => run({ ...init, kwicPath: kwicPaths[i] as string, part })),
    );
    for (const file of kwicPaths.slice(1)) {
      await pipeline(createReadStream(file), createWriteStream(init.kwicPath, { flags: 'a' }));
    }
    const keyness = createKeyness();
    let counted = 0;
    for (const r of results) {
      keyness.merge({ counts: () => r.counts });
      counted += r.counted;
    }
    return { counted, keyness: keyness.rows() };
  } finally {
    for (const file of kwicPaths.slice(1)) rmSync(file, { force: true });
    for (const t of tracked) t.done();
  }
}
