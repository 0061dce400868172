/**
 * Measures main-text extraction on the extraction dev set (saved web pages with snippet gold).
 *
 *   npx tsx scripts/eval-extraction.ts [--data DIR] [--mode main|raw|readability]
 *     [--parser htmlparser2|parse5] [--worst N]
 *
 * DIR defaults to ../shared/devsets and must hold `extraction/gold.jsonl` and `extraction/pages/`.
 * Prints precision, recall, F1, median and p95 ms per page (parse + extraction; wall-clock and
 * process CPU time, which is steadier on a shared machine) and the
 * counts by extraction method. `--worst N` lists the N pages with most errors (for tuning only).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../src/ingest/decode.js';
import { loadHtml } from '../src/ingest/html/load.js';
import { extractMainText } from '../src/ingest/html/main-text.js';
import { type ExtractionItem, percentiles, scoreExtraction, scorePage } from './eval/extraction-score.js';

type Mode = 'main' | 'raw' | 'readability';

/** The first pages are run once untimed so JIT warm-up does not count as extraction time. */
const WARM_UP = 20;

interface GoldRow {
  file: string;
  url: string | null;
  with: string[];
  without: string[];
}

interface Args {
  data: string;
  mode: Mode;
  worst: number;
  /** Parser behind cheerio in main mode: htmlparser2 (loadHtml, the default) or parse5 (cheerio.load). */
  parser: 'htmlparser2' | 'parse5';
}

function parseArgs(argv: string[]): Args {
  const args: Args = { data: '../shared/devsets', mode: 'main', worst: 0, parser: 'htmlparser2' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--data' && v) {
      args.data = v;
      i++;
    } else if (a === '--mode' && (v === 'main' || v === 'raw' || v === 'readability')) {
      args.mode = v;
      i++;
    } else if (a === '--parser' && (v === 'htmlparser2' || v === 'parse5')) {
      args.parser = v;
      i++;
    } else if (a === '--worst' && v) {
      args.worst = Number.parseInt(v, 10) || 0;
      i++;
    } else {
      throw new Error(`unknown or incomplete argument: ${a}`);
    }
  }
  return args;
}

/** Local fallback: UTF-8 when valid, else the charset declared in a <meta> tag, else windows-1252. */
function decodeLocally(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    const head = buf.subarray(0, 4096).toString('latin1');
    const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
    const label = m?.[1] && iconv.encodingExists(m[1]) ? m[1] : 'windows-1252';
    return iconv.decode(buf, label);
  }
}

/** The project's decoder (BOM, declared charset, sniffing); the local fallback when it refuses. */
function decodePage(buf: Buffer): string {
  const r = decodeBytes(buf, { kind: 'html' });
  return r.ok ? r.text : decodeLocally(buf);
}

function extract(args: Args, html: string, url: string | null): { text: string; method: string } {
  const mode = args.mode;
  if (mode === 'raw') {
    const $ = cheerio.load(html);
    $('script, style, noscript, template').remove();
    return { text: `${$('title').first().text()}\n${$('body').text()}`, method: 'raw' };
  }
  if (mode === 'readability') {
    const { document } = parseHTML(html);
    // linkedom's document is DOM-compatible enough for Readability; the type packages differ.
    const article = new Readability(
      document as unknown as ConstructorParameters<typeof Readability>[0],
    ).parse();
    return { text: `${article?.title ?? ''}\n${article?.textContent ?? ''}`, method: 'readability' };
  }
  const $ = args.parser === 'parse5' ? cheerio.load(html) : loadHtml(html);
  const r = extractMainText($, { url });
  return { text: `${r.title}\n${r.text}`, method: r.method };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = path.join(args.data, 'extraction');
  const goldPath = path.join(dir, 'gold.jsonl');
  if (!existsSync(goldPath)) {
    console.log(`eval-extraction: skipped, no dev set at ${goldPath} (pass --data DIR)`);
    return;
  }
  const rows = readFileSync(goldPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldRow);
  const items: Array<ExtractionItem & { file: string }> = [];
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const methods = new Map<string, number>();
  for (const row of rows) {
    const file = path.join(dir, 'pages', row.file);
    if (!existsSync(file)) continue;
    const html = decodePage(readFileSync(file));
    if (items.length < WARM_UP) extract(args, html, row.url ?? null);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = extract(args, html, row.url ?? null);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
    methods.set(r.method, (methods.get(r.method) ?? 0) + 1);
    items.push({ file: row.file, text: r.text, with: row.with, without: row.without });
  }
  const s = scoreExtraction(items);
  const t = percentiles(times);
  const cpu = percentiles(cpuTimes);
  console.log(
    `mode ${args.mode}${args.mode === 'main' ? ` (${args.parser})` : ''}, ${s.pages} pages, ${s.tp + s.fn} wanted + ${s.fp + s.tn} unwanted snippets`,
  );
  console.log(`precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}`);
  console.log(`TP ${s.tp}  FN ${s.fn}  FP ${s.fp}`);
  console.log(`ms per page (wall): median ${t.median.toFixed(2)}  p95 ${t.p95.toFixed(2)}`);
  console.log(`ms per page (cpu):  median ${cpu.median.toFixed(2)}  p95 ${cpu.p95.toFixed(2)}`);
  console.log(
    `methods: ${[...methods.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([m, n]) => `${m} ${n}`)
      .join(', ')}`,
  );
  if (args.worst > 0) {
    const ranked = items
      .map((it) => ({ file: it.file, c: scorePage(it) }))
      .sort((a, b) => b.c.fn + b.c.fp - (a.c.fn + a.c.fp))
      .slice(0, args.worst);
    for (const r of ranked) console.log(`  ${r.file}  FN ${r.c.fn}  FP ${r.c.fp}`);
  }
}

await main();
