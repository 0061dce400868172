/**
 * Checks that ingest reads saved pages the same with htmlparser2 (its parser) as with parse5: for
 * every page of the dates and extraction dev sets it compares the draft article of both parsers
 * field by field, and scores publication dates against the gold day under each parser.
 *
 *   npx tsx scripts/bench/parser-check.ts [--data DIR]
 *
 * Extraction F1 per parser: `npx tsx scripts/eval-extraction.ts --parser parse5|htmlparser2`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { decodeBytes } from '../../src/ingest/decode.js';
import { loadHtml } from '../../src/ingest/html/load.js';
import type { DraftArticle } from '../../src/ingest/read-file.js';
import { readHtmlPage } from '../../src/ingest/read-page.js';
import { type DatePrediction, formatDateScore, scoreDates } from '../eval/dates-score.js';

const dataArg = process.argv.indexOf('--data');
const data = dataArg >= 0 ? (process.argv[dataArg + 1] ?? '') : '../shared/devsets';

const FIELDS: Array<keyof DraftArticle> = ['title', 'date', 'date_basis', 'source', 'url', 'author', 'text'];

function pagesOf(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...pagesOf(abs));
    else if (/\.html?$/i.test(e.name)) out.push(abs);
  }
  return out.sort();
}

function main(): void {
  const datesDir = path.join(data, 'dates');
  const goldFile = path.join(datesDir, 'gold.jsonl');
  const pages = [...pagesOf(path.join(datesDir, 'pages')), ...pagesOf(path.join(data, 'extraction'))];
  if (pages.length === 0) {
    console.log(`skipped: no saved pages under ${data} (pass --data DIR)`);
    return;
  }
  const parsers = { parse5: (html: string) => cheerio.load(html), htmlparser2: loadHtml };
  const drafts = new Map<string, { parse5: DraftArticle; htmlparser2: DraftArticle }>();
  const ms = { parse5: 0, htmlparser2: 0 };
  const differing = new Map<string, number>();
  for (const file of pages) {
    const decoded = decodeBytes(readFileSync(file), { kind: 'html' });
    if (!decoded.ok) continue;
    let t = performance.now();
    const a = readHtmlPage(decoded.text, decoded.encoding, parsers.parse5);
    ms.parse5 += performance.now() - t;
    t = performance.now();
    const b = readHtmlPage(decoded.text, decoded.encoding, parsers.htmlparser2);
    ms.htmlparser2 += performance.now() - t;
    drafts.set(path.relative(data, file), { parse5: a, htmlparser2: b });
    for (const f of FIELDS) if (a[f] !== b[f]) differing.set(f, (differing.get(f) ?? 0) + 1);
  }
  console.log(`${drafts.size} pages read with both parsers`);
  console.log(
    `ms per page (decode excluded): parse5 ${(ms.parse5 / drafts.size).toFixed(1)}, htmlparser2 ${(ms.htmlparser2 / drafts.size).toFixed(1)}`,
  );
  console.log(`pages whose field differs: ${FIELDS.map((f) => `${f} ${differing.get(f) ?? 0}`).join(', ')}`);
  if (!existsSync(goldFile)) return;
  const gold = readFileSync(goldFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { file: string; date: string });
  for (const parser of ['parse5', 'htmlparser2'] as const) {
    const items: DatePrediction[] = gold.map((row) => {
      const d = drafts.get(path.join('dates', 'pages', row.file))?.[parser];
      return { gold: row.date, predicted: d?.date ?? null, basis: d?.date_basis ?? 'none', ms: 0 };
    });
    console.log(`\ndates through ingest's page reader, ${parser}`);
    console.log(formatDateScore(scoreDates(items)).split('\n').slice(0, 2).join('\n'));
  }
}

main();
