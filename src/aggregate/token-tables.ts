import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { CsvDialectName } from '../config/schema.js';
import { compileDictionary, findHits, loadDictionary } from '../dictionary/index.js';
import { type Cell, dialects, formatCsv, formatCsvRows } from '../io/csv.js';
import { decodeSentences, type EncodedTokensLine } from '../io/tokens-codec.js';
import { zipJsonlLines } from '../io/zip-jsonl.js';
import type { Article, ArticleTags, Token } from '../records.js';
import { type CountSettings, isCounted } from './counted.js';
import { createKeyness, type Keyness, type TermCounts } from './keyness.js';
import { KWIC_COLUMNS, kwicLines } from './kwic.js';

/**
 * The tables aggregate builds from the tokens (keyness and keyword in context), apart from the rest so
 * they can be built on a second thread while the main thread writes articles.csv and the sums. Plain
 * data: it is passed to a worker thread.
 */
export interface TokenTablesInit {
  outDir: string;
  /** Where kwic.csv is written; the caller renames it into place once every table is complete. */
  kwicPath: string;
  /** The target-terms dictionary (`tag.targets`), resolved. */
  targetsFile: string;
  dialect: CsvDialectName;
  /** Which articles count (`aggregate.relevant_only`, `aggregate.count_duplicates`). */
  counting: CountSettings;
  /** The rows to read when the tables are built in parts (`planTokenParts`); default all. */
  part?: TokenPart;
}

/** One part of the article rows: byte ranges of articles.jsonl, tags.jsonl and tokens.jsonl. */
export interface TokenPart {
  ranges: Array<{ start: number; end?: number }>;
  /** Rows before this part (for the row named in errors). */
  rowsBefore: number;
  /** Whether this part's kwic file starts the table (byte order mark and header). */
  header: boolean;
}

/** What one part yields: its kwic rows are in its kwic file, its keyness counts are merged later. */
export interface TokenPartResult {
  counted: number;
  counts: Map<string, TermCounts>;
}

export interface TokenTables {
  /** Articles counted (the same filter as the municipality × period sums). */
  counted: number;
  /** Rows of keyness.csv. */
  keyness: Cell[][];
}

/** The files the token tables read, in the order of `TokenPart.ranges`. */
export const TOKEN_TABLE_FILES = ['articles.jsonl', 'tags.jsonl', 'tokens.jsonl'] as const;

/** kwic rows formatted and written at once. */
const KWIC_BATCH = 2000;

/** Whether a token is a target term, cached by normalized form. */
export function targetPredicate(targetsFile: string): (t: Token) => boolean {
  const dict = compileDictionary(loadDictionary(targetsFile), { compounds: true });
  const cache = new Map<string, boolean>();
  return (t) => {
    let hit = cache.get(t.norm);
    if (hit === undefined) {
      hit = t.word && findHits(dict, [t]).length > 0;
      cache.set(t.norm, hit);
    }
    return hit;
  };
}

/**
 * Reads articles, tags and tokens side by side (the rows of `init.part`, or all); writes the kwic rows
 * to `kwicPath`, counts keyness terms into `keyness` and returns the number of articles counted.
 */
export async function scanTokens(
  init: TokenTablesInit,
  keyness: Keyness,
  isTarget: (t: Token) => boolean = targetPredicate(init.targetsFile),
): Promise<number> {
  const dialect = dialects[init.dialect];
  const part = init.part;
  const kwic = createWriteStream(init.kwicPath);
  let failed: Error | null = null;
  kwic.on('error', (error) => {
    failed = error;
  });
  const write = async (chunk: string): Promise<void> => {
    if (failed) throw failed;
    if (!kwic.write(chunk)) await once(kwic, 'drain');
  };
  let counted = 0;
  /** kwic rows not yet written: formatted and written a few thousand at a time, not per article. */
  let pending: Cell[][] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    await write(formatCsvRows(rows, dialect));
  };
  try {
    if (part?.header ?? true) await write(formatCsv(KWIC_COLUMNS, [], dialect));
    const files = TOKEN_TABLE_FILES.map((f) => path.join(init.outDir, f));
    const rows = zipJsonlLines(files, { ranges: part?.ranges, rowsBefore: part?.rowsBefore });
    for await (const [articleLine, tagsLine, tokensLine] of rows as AsyncIterable<[string, string, string]>) {
      // Parsed only as far as needed: the tags tell relevance, the article whether it is a copy.
      const t = JSON.parse(tagsLine) as ArticleTags;
      if (init.counting.relevant_only && !t.relevant) continue;
      const a = JSON.parse(articleLine) as Article;
      if (!isCounted(a, t, init.counting)) continue;
      counted += 1;
      const encoded = JSON.parse(tokensLine) as EncodedTokensLine;
      if (typeof encoded.s !== 'string') throw new Error(`tokens of ${encoded.id}: not in the packed format`);
      keyness.addPacked(a.municipality, encoded.s);
      if (t.target_sentences.length > 0) {
        const sentences = decodeSentences(encoded, t.target_sentences);
        for (const row of kwicLines(a, sentences, isTarget)) pending.push(row);
        if (pending.length >= KWIC_BATCH) await flush();
      }
    }
    await flush();
    kwic.end();
    await once(kwic, 'finish');
    if (failed) throw failed;
  } catch (error) {
    kwic.destroy();
    throw error;
  }
  return counted;
}

/** Reads articles, tags and tokens side by side; writes kwic.csv to `kwicPath` and returns keyness rows. */
export async function buildTokenTables(init: TokenTablesInit): Promise<TokenTables> {
  const keyness = createKeyness();
  const counted = await scanTokens(init, keyness);
  return { counted, keyness: keyness.rows() };
}

/** One part of the tables (`init.part`): kwic rows to `kwicPath`, keyness counts returned. */
export async function buildTokenPart(init: TokenTablesInit): Promise<TokenPartResult> {
  const keyness = createKeyness();
  const counted = await scanTokens(init, keyness);
  return { counted, counts: keyness.counts() };
}
