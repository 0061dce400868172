import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveConfigPath } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { AtomicFile } from '../io/atomic.js';
import { type Cell, dialects, formatCsvRows } from '../io/csv.js';
import { jsonLine } from '../io/jsonl.js';
import type { Article, Rejection } from '../records.js';
import { inShard } from '../runner/shard.js';
import type { StageContext, StageDefinition, StageResult } from '../runner/stage.js';
import { createDuplicateFinder } from './duplicates.js';
import { detectLanguage } from './language.js';
import { assignMunicipality, compilePlaces, type PlaceConfig } from './municipality.js';
import { type DraftArticle, readInputFile } from './read-file.js';
import { walkCorpus } from './walk.js';

export const ARTICLES_FILE = 'articles.jsonl';
export const REJECTED_FILE = 'rejected.csv';
export const REJECTED_COLUMNS = ['file', 'record', 'reason'];

const countWords = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Keeps ids unique: an id seen before gets `~2`, `~3` … appended. */
function uniqueIds(): (candidate: string) => string {
  const seen = new Map<string, number>();
  return (candidate) => {
    const n = (seen.get(candidate) ?? 0) + 1;
    seen.set(candidate, n);
    return n === 1 ? candidate : `${candidate}~${n}`;
  };
}

/** The default id: the file path without extension, plus `#record` inside multi-article files. */
function defaultId(file: string, record: number | null): string {
  const base = file.replace(/\.[^./]+$/, '');
  return record === null ? base : `${base}#${record}`;
}

function loadPlaces(ctx: StageContext): PlaceConfig[] {
  const file = resolveConfigPath(ctx.configDir, ctx.config.ingest.places);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PlaceConfig[];
  } catch (error) {
    throw new Error(`ingest.places: cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Reads every file of the corpus into `articles.jsonl`; what yields no article goes to `rejected.csv`. */
export async function runIngest(ctx: StageContext): Promise<StageResult> {
  const { config } = ctx;
  const dialect = dialects[config.output.csv_dialect];
  const gazetteer = compilePlaces(loadPlaces(ctx));
  const outlets = config.ingest.outlets;
  const duplicates = createDuplicateFinder(config.ingest.duplicates);
  const nextId = uniqueIds();
  const articlesOut = new AtomicFile(path.join(ctx.outDir, ARTICLES_FILE));
  const rejectedOut = new AtomicFile(path.join(ctx.outDir, REJECTED_FILE));
  let inputs = 0;
  let articles = 0;
  let rejected = 0;
  const duplicatesFound: string[] = [];
  try {
    await rejectedOut.write((dialect.bom ? '\uFEFF' : '') + formatCsvRows([REJECTED_COLUMNS], dialect));
    const reject = async (r: Rejection): Promise<void> => {
      inputs += 1;
      rejected += 1;
      const row: Cell[] = [r.file, r.record, r.reason];
      await rejectedOut.write(formatCsvRows([row], dialect));
    };
    const accept = async (file: string, draft: DraftArticle): Promise<void> => {
      inputs += 1;
      if (draft.text === '') return reject({ file, record: draft.record, reason: 'empty text' });
      const words = countWords(draft.text);
      if (words < config.ingest.min_words) {
        return reject({
          file,
          record: draft.record,
          reason: `text too short: ${words} words, ingest.min_words is ${config.ingest.min_words}`,
        });
      }
      const id = nextId(draft.inputId ?? defaultId(file, draft.record));
      const title = draft.title || (draft.text.split('\n')[0] ?? '').slice(0, 120);
      const place = assignMunicipality(
        gazetteer,
        { metadata: draft.municipalityField, source: draft.source, title, text: draft.text },
        outlets,
      );
      const duplicateOf = duplicates.check(id, `${title}\n${draft.text}`);
      if (duplicateOf) duplicatesFound.push(id);
      const article: Article = {
        id,
        file,
        record: draft.record,
        title,
        date: draft.date,
        date_basis: draft.date_basis,
        source: draft.source,
        url: draft.url,
        author: draft.author,
        municipality: place.municipality,
        municipality_basis: place.basis,
        language: detectLanguage(`${title}\n${draft.text}`),
        text: draft.text,
        duplicate_of: duplicateOf,
        encoding: draft.encoding,
      };
      articles += 1;
      await articlesOut.write(jsonLine(article));
    };
    const entries = walkCorpus(ctx.corpusDir).filter((e) => inShard(e.rel, ctx.shard ?? null));
    let filesDone = 0;
    for (const entry of entries) {
      filesDone += 1;
      ctx.log.progress('ingest', filesDone, entries.length);
      if (entry.kind === 'problem') {
        await reject({ file: entry.rel, record: null, reason: entry.reason });
        continue;
      }
      if (path.basename(entry.rel).startsWith('.')) {
        await reject({
          file: entry.rel,
          record: null,
          reason: 'hidden file (name starts with a dot), not read',
        });
        continue;
      }
      let result: ReturnType<typeof readInputFile>;
      try {
        result = readInputFile(entry.abs, {
          columns: config.ingest.columns,
          delimiter: config.ingest.delimiter,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await reject({ file: entry.rel, record: null, reason: `could not be processed: ${message}` });
        continue;
      }
      for (const r of result.rejections)
        await reject({ file: entry.rel, record: r.record, reason: r.reason });
      for (const draft of result.drafts) await accept(entry.rel, draft);
    }
    await articlesOut.commit();
    await rejectedOut.commit();
  } catch (error) {
    articlesOut.abort();
    rejectedOut.abort();
    throw error;
  }
  ctx.log.info(
    `ingest: ${inputs} inputs -> ${articles} articles + ${rejected} rejected (${duplicatesFound.length} marked as duplicates)`,
  );
  return { in: inputs, out: articles, rejected, details: { duplicates: duplicatesFound.length } };
}

export const ingestStage: StageDefinition = {
  name: 'ingest',
  describe: 'reading the corpus',
  reads: [],
  writes: [ARTICLES_FILE, REJECTED_FILE],
  readsCorpus: true,
  configPart: (config: Config) => ({ ingest: config.ingest, csv: config.output.csv_dialect }),
  dataFiles: (ctx) => [resolveConfigPath(ctx.configDir, ctx.config.ingest.places)],
  run: runIngest,
};
