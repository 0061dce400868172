/**
 * Measures ingest on the dev sets by running the real ingest stage on their folders of saved pages:
 * main text (title + text in articles.jsonl) against snippet gold, and publication days.
 *
 *   npm run eval:ingest -- --data ../shared/devsets
 */

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatDateScore, scoreDates } from './eval/dates-score.js';
import { scoreExtraction } from './eval/extraction-score.js';
import { devsetDir, readArticles, readJsonlFile, runPipeline } from './eval/pipeline.js';

interface ExtractionGold {
  file: string;
  with: string[];
  without: string[];
}
interface DateGold {
  file: string;
  date: string;
}

const argv = process.argv.slice(2);
const f3 = (x: number): string => x.toFixed(3);

async function extraction(): Promise<void> {
  const dir = devsetDir(argv, 'extraction');
  const gold = readJsonlFile<ExtractionGold>(path.join(dir, 'gold.jsonl'));
  const started = performance.now();
  const { outDir, seconds } = await runPipeline(path.join(dir, 'pages'), ['ingest']);
  const wall = performance.now() - started;
  const byFile = new Map(readArticles(outDir).map((a) => [a.file.replace(/^.*\//, ''), a]));
  const items = gold.map((g) => {
    const a = byFile.get(g.file);
    return { text: a ? `${a.title}\n${a.text}` : '', with: g.with, without: g.without };
  });
  const s = scoreExtraction(items);
  console.log('Main text (extraction dev set, via `lokalpresse ingest`)');
  console.log(`  pages ${gold.length}, articles ${byFile.size}`);
  console.log(`  precision ${f3(s.precision)}  recall ${f3(s.recall)}  F1 ${f3(s.f1)}`);
  console.log(
    `  ingest ${(seconds.ingest ?? 0).toFixed(2)} s for ${gold.length} pages = ${(((seconds.ingest ?? 0) * 1000) / gold.length).toFixed(1)} ms a page on average (wall ${(wall / 1000).toFixed(2)} s)`,
  );
}

async function dates(): Promise<void> {
  const dir = devsetDir(argv, 'dates');
  const gold = readJsonlFile<DateGold>(path.join(dir, 'gold.jsonl'));
  const { outDir } = await runPipeline(path.join(dir, 'pages'), ['ingest']);
  const byFile = new Map(readArticles(outDir).map((a) => [a.file.replace(/^.*\//, ''), a]));
  const s = scoreDates(
    gold.map((g) => {
      const a = byFile.get(g.file);
      return { gold: g.date, predicted: a?.date ?? null, basis: a?.date_basis ?? 'none' };
    }),
  );
  console.log('\nPublication date (dates dev set, via `lokalpresse ingest`)');
  console.log(formatDateScore(s).replace(/^/gm, '  '));
}

await extraction();
await dates();
