import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Config } from '../config/schema.js';
import { createDuplicateFinder } from '../ingest/duplicates.js';
import { REJECTED_COLUMNS } from '../ingest/spec.js';
import { AtomicFile } from '../io/atomic.js';
import { type Cell, dialects, formatCsv } from '../io/csv.js';
import { zipLines } from '../io/lines.js';
import type { Article } from '../records.js';
import { compareWalkOrder } from './walk-order.js';

const PER_ARTICLE = ['articles.jsonl', 'tokens.jsonl', 'tags.jsonl'] as const;

interface Head {
  article: Article;
  lines: string[];
  next: () => Promise<IteratorResult<string[]>>;
}

function readRejected(dir: string): Array<{ file: string; record: number | null; row: Cell[] }> {
  const text = readFileSync(path.join(dir, 'rejected.csv'), 'utf8').replace(/^\uFEFF/, '');
  const delimiter = (text.split(/\r?\n/, 1)[0] ?? '').includes(';') ? ';' : ',';
  const rows = parse(text, { columns: true, delimiter, relax_quotes: true }) as Array<Record<string, string>>;
  return rows.map((r) => {
    const record = r.record ? Number(r.record) : null;
    return { file: r.file ?? '', record, row: [r.file ?? '', record, r.reason ?? ''] };
  });
}

/**
 * Merges the outputs of `lokalpresse run --shard i/n` (ingest, tokenize, tag on each machine) into
 * one output folder, in the order a single run would have met the inputs, and marks near-duplicates
 * again over the whole corpus (a story and its copy may have landed on different machines).
 * Scoring and aggregation then run on the merged folder, so the tables equal a single run's.
 */
export async function mergeShards(
  shardDirs: string[],
  outDir: string,
  config: Config,
): Promise<{ articles: number; rejected: number; duplicates: number }> {
  for (const dir of shardDirs) {
    for (const f of [...PER_ARTICLE, 'rejected.csv']) {
      if (!existsSync(path.join(dir, f))) {
        throw new Error(
          `merge: ${path.join(dir, f)} is missing; run \`lokalpresse run --shard i/n --out ${dir}\` there first`,
        );
      }
    }
  }
  mkdirSync(outDir, { recursive: true });
  const heads: Head[] = [];
  for (const dir of shardDirs) {
    const it = zipLines(PER_ARTICLE.map((f) => path.join(dir, f)))[Symbol.asyncIterator]();
    const first = await it.next();
    if (!first.done) {
      heads.push({
        article: JSON.parse(first.value[0] as string) as Article,
        lines: first.value,
        next: () => it.next(),
      });
    }
  }
  const outs = PER_ARTICLE.map((f) => new AtomicFile(path.join(outDir, f)));
  const duplicates = createDuplicateFinder(config.ingest.duplicates);
  const ids = new Set<string>();
  let articles = 0;
  let marked = 0;
  try {
    while (heads.length > 0) {
      let best = 0;
      for (let i = 1; i < heads.length; i++) {
        if (compareWalkOrder((heads[i] as Head).article, (heads[best] as Head).article) < 0) best = i;
      }
      const head = heads[best] as Head;
      const { article } = head;
      if (ids.has(article.id)) {
        throw new Error(
          `merge: the id "${article.id}" occurs in more than one shard; ids must be unique across the corpus`,
        );
      }
      ids.add(article.id);
      article.duplicate_of = duplicates.check(article.id, `${article.title}\n${article.text}`);
      if (article.duplicate_of) marked += 1;
      await (outs[0] as AtomicFile).write(`${JSON.stringify(article)}\n`);
      await (outs[1] as AtomicFile).write(`${head.lines[1]}\n`);
      await (outs[2] as AtomicFile).write(`${head.lines[2]}\n`);
      articles += 1;
      const next = await head.next();
      if (next.done) heads.splice(best, 1);
      else {
        head.lines = next.value;
        head.article = JSON.parse(next.value[0] as string) as Article;
      }
    }
    for (const o of outs) await o.commit();
  } catch (error) {
    for (const o of outs) o.abort();
    throw error;
  }
  // Rejections: every file's rows come from one shard, so a stable sort by file keeps their order.
  const rejected = shardDirs
    .flatMap(readRejected)
    .sort((a, b) => compareWalkOrder({ ...a, record: 0 }, { ...b, record: 0 }));
  const reject = new AtomicFile(path.join(outDir, 'rejected.csv'));
  await reject.write(
    formatCsv(
      REJECTED_COLUMNS,
      rejected.map((r) => r.row),
      dialects[config.output.csv_dialect],
    ),
  );
  await reject.commit();
  return { articles, rejected: rejected.length, duplicates: marked };
}
