import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { CsvDialectName } from '../config/schema.js';
import { compileDictionary, findHits, loadDictionary } from '../dictionary/index.js';
import { type Cell, dialects, formatCsv, formatCsvRows } from '../io/csv.js';
import { contentWords, decodeSentences, type EncodedTokensLine } from '../io/tokens-codec.js';
import { zipJsonl } from '../io/zip-jsonl.js';
import type { Article, ArticleTags, Token } from '../records.js';
import { type CountSettings, isCounted } from './counted.js';
import { createKeyness } from './keyness.js';
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
}

export interface TokenTables {
  /** Articles counted (the same filter as the municipality × period sums). */
  counted: number;
  /** Rows of keyness.csv. */
  keyness: Cell[][];
}

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

/** Reads articles, tags and tokens side by side; writes kwic.csv to `kwicPath` and returns keyness rows. */
export async function buildTokenTables(init: TokenTablesInit): Promise<TokenTables> {
  const dialect = dialects[init.dialect];
  const isTarget = targetPredicate(init.targetsFile);
  const keyness = createKeyness();
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
    await write(formatCsv(KWIC_COLUMNS, [], dialect));
    const files = ['articles.jsonl', 'tags.jsonl', 'tokens.jsonl'].map((f) => path.join(init.outDir, f)) as [
      string,
      string,
      string,
    ];
    for await (const [a, t, encoded] of zipJsonl<[Article, ArticleTags, EncodedTokensLine]>(files)) {
      if (!isCounted(a, t, init.counting)) continue;
      counted += 1;
      const content = contentWords(encoded);
      keyness.addWords(a.municipality, content.words, content.norms);
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
  return { counted, keyness: keyness.rows() };
}
