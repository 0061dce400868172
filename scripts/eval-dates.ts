/**
 * Measures publication-date extraction on the dates dev set (saved web pages with a gold day).
 *
 *   npx tsx scripts/eval-dates.ts [--data DIR] [--mode full|baseline] [--errors]
 *
 * DIR defaults to ../shared/devsets and must hold `dates/gold.jsonl` and `dates/pages/`.
 * `--mode baseline` uses only the JSON-LD/meta date of `readPageMetadata`; `full` (default) runs
 * `extractPublicationDate`. Prints accuracy, precision, coverage, counts by basis and the median ms
 * per page for decode + cheerio.load + metadata + dates. `--errors` lists wrong dates (for tuning only).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as cheerio from 'cheerio';
import { extractPublicationDate, parseDateText } from '../src/ingest/dates/index.js';
import { decodeBytes } from '../src/ingest/decode.js';
import { readPageMetadata } from '../src/ingest/html/metadata.js';
import { type DatePrediction, formatDateScore, median, sameDay, scoreDates } from './eval/dates-score.js';

interface Args {
  data: string;
  mode: 'full' | 'baseline';
  errors: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { data: '../shared/devsets', mode: 'full', errors: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--data' && v) {
      args.data = v;
      i++;
    } else if (a === '--mode' && (v === 'full' || v === 'baseline')) {
      args.mode = v;
      i++;
    } else if (a === '--errors') {
      args.errors = true;
    } else {
      throw new Error(`unknown or incomplete argument: ${a}`);
    }
  }
  return args;
}

interface GoldRow {
  file: string;
  url: string | null;
  date: string;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const dir = path.join(args.data, 'dates');
  const goldFile = path.join(dir, 'gold.jsonl');
  if (!existsSync(goldFile)) {
    console.log(`skipped: no dates dev set at ${goldFile} (pass --data DIR)`);
    return;
  }
  const gold = readFileSync(goldFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldRow);

  const items: DatePrediction[] = [];
  const dateMs: number[] = [];
  let undecodable = 0;
  for (const row of gold) {
    const buf = readFileSync(path.join(dir, 'pages', row.file));
    const t0 = performance.now();
    const decoded = decodeBytes(buf, { kind: 'html' });
    if (!decoded.ok) {
      undecodable++;
      items.push({ gold: row.date, predicted: null, basis: 'undecodable', ms: performance.now() - t0 });
      continue;
    }
    const $ = cheerio.load(decoded.text);
    const t1 = performance.now();
    const metadata = readPageMetadata($);
    let predicted: string | null;
    let basis: string;
    if (args.mode === 'baseline') {
      predicted = metadata.datePublished ? parseDateText(metadata.datePublished) : null;
      basis = predicted ? 'metadata' : 'none';
    } else {
      const r = extractPublicationDate($, { url: row.url ?? metadata.url, metadata });
      predicted = r.date;
      basis = r.basis;
    }
    const t2 = performance.now();
    dateMs.push(t2 - t1);
    items.push({ gold: row.date, predicted, basis, ms: t2 - t0 });
    if (args.errors && predicted !== null && !sameDay(row.date, predicted)) {
      console.log(`WRONG ${row.file}  gold ${row.date}  got ${predicted} (${basis})`);
    }
  }
  console.log(`dates dev set, mode ${args.mode}${undecodable ? `, ${undecodable} undecodable` : ''}`);
  console.log(formatDateScore(scoreDates(items)));
  console.log(`median ms metadata + dates only ${(median(dateMs) ?? 0).toFixed(2)}`);
}

main();
