/**
 * Benchmark corpora: N fictional articles of newspaper length (~300–600 words), written as a stream
 * so that 200,000 articles never sit in memory. jsonl/csv give one file; html/txt give one file per
 * article in numbered subfolders of at most 1000 files; mixed spreads the articles over all four.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { composeArticle } from './compose.js';
import { type Day, daysInMonth, iso } from './german-dates.js';
import { renderRheinErftRundblick, renderSauerlaenderBote, renderWestfalenAbendpost } from './html-pages.js';
import { MUNICIPALITIES, OUTLETS, type Outlet, slugify } from './outlets.js';
import { createRng, type Rng } from './prng.js';
import { type ArchiveRecord, csvHeader, csvRow, jsonlLine, textFile } from './records.js';
import { loadTemplates, type Templates, TOPICS, type Tone, UNRELATED_KINDS } from './templates.js';

export type BenchFormat = 'jsonl' | 'csv' | 'html' | 'txt' | 'mixed';
export const BENCH_FORMATS: readonly BenchFormat[] = ['jsonl', 'csv', 'html', 'txt', 'mixed'];

export interface BenchOptions {
  out: string;
  articles: number;
  format: BenchFormat;
  seed: string;
}

export interface BenchResult {
  articles: number;
  files: number;
  words: number;
}

interface BenchArticle {
  n: number;
  municipality: string;
  outlet: Outlet;
  date: Day;
  hour: number;
  minute: number;
  title: string;
  paragraphs: string[];
  author: string;
  caption: string;
  url: string;
}

const WEB_OUTLET: Record<string, Outlet> = {
  Altena: OUTLETS.sb,
  Bergheim: OUTLETS.rr,
  Hamminkeln: OUTLETS.nn,
  'Mülheim an der Ruhr': OUTLETS.rt,
};

function benchArticle(rng: Rng, templates: Templates, n: number): BenchArticle {
  const municipality = rng.pick(MUNICIPALITIES);
  const month = rng.int(0, 23);
  const y = 2015 + Math.floor(month / 12);
  const m = (month % 12) + 1;
  const date: Day = { y, m, d: rng.int(1, daysInMonth(y, m)) };
  const unrelated = rng.chance(0.08) ? rng.pick(UNRELATED_KINDS) : null;
  const tone: Tone = rng.pick(['positive', 'negative', 'neutral'] as const);
  const outlet = WEB_OUTLET[municipality] ?? OUTLETS.wap;
  const a = composeArticle(rng, templates, {
    municipality,
    date,
    topic: unrelated ? null : rng.pick(TOPICS),
    unrelated,
    tone,
    districtOnly: rng.chance(0.1),
    words: [300, 600],
    dateline: rng.pick(['plain', 'caps', 'tagged'] as const),
    datelineTag: outlet.tag,
  });
  const names = templates.common.names;
  const num = String(500_000 + n);
  return {
    n,
    municipality,
    outlet,
    date,
    hour: rng.int(5, 22),
    minute: rng.int(0, 59),
    title: a.title,
    paragraphs: a.paragraphs,
    author: `${rng.pick(rng.chance(0.5) ? names.first_f : names.first_m)} ${rng.pick(names.last)}`,
    caption: a.filler.expand(rng.pick(templates.common.captions)),
    url: `https://${outlet.domain}/archiv/${iso(date).split('-').join('/')}/${slugify(a.title)}-${num}.html`,
  };
}

const record = (a: BenchArticle): ArchiveRecord => ({
  id: `bench-${String(a.n).padStart(7, '0')}`,
  title: a.title,
  text: a.paragraphs.join('\n\n'),
  date: iso(a.date),
  source: a.outlet.name,
  url: a.url,
  municipality: a.municipality,
});

function page(a: BenchArticle, recent: BenchArticle[]): string {
  const input = {
    title: a.title,
    paragraphs: a.paragraphs,
    date: a.date,
    hour: a.hour,
    minute: a.minute,
    author: a.author,
    agency: null,
    url: a.url,
    section: a.outlet.key === 'wap' ? null : a.municipality,
    description: a.paragraphs[0] ?? '',
    teasers: recent.map((r) => ({ title: r.title, url: r.url, date: r.date })),
    comments: [],
    caption: a.caption,
    credit: a.author,
    imageUrl: `https://${a.outlet.domain}/bilder/${a.n}.jpg`,
    savedYear: 2017,
    charset: 'utf-8' as const,
    dateLine: a.n % 2 === 0 ? ('weekday' as const) : ('long' as const),
  };
  if (a.outlet.key === 'sb') return renderSauerlaenderBote(input);
  if (a.outlet.key === 'rr') return renderRheinErftRundblick(input);
  return renderWestfalenAbendpost(input);
}

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/** Writes N benchmark articles into `out` and returns counts. Same seed, same bytes. */
export async function generateBench(opts: BenchOptions): Promise<BenchResult> {
  if (!Number.isInteger(opts.articles) || opts.articles < 1)
    throw new Error('--articles must be a positive integer');
  const templates = loadTemplates();
  const root = createRng(`${opts.seed}/bench`);
  mkdirSync(opts.out, { recursive: true });
  const single = (name: string): WriteStream =>
    createWriteStream(path.join(opts.out, name), { encoding: 'utf8' });
  const wantsJsonl = opts.format === 'jsonl' || opts.format === 'mixed';
  const wantsCsv = opts.format === 'csv' || opts.format === 'mixed';
  const jsonl = wantsJsonl ? single('articles.jsonl') : null;
  const csv = wantsCsv ? single('articles.csv') : null;
  if (csv) await write(csv, csvHeader());
  let files = (jsonl ? 1 : 0) + (csv ? 1 : 0);
  let words = 0;
  const madeDirs = new Set<string>();
  const perFile = async (kind: 'html' | 'txt', index: number, content: string): Promise<void> => {
    const dir = path.join(opts.out, kind, String(Math.floor(index / 1000)).padStart(4, '0'));
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    await writeFile(path.join(dir, `${String(index).padStart(7, '0')}.${kind}`), content, 'utf8');
    files++;
  };
  const recent: BenchArticle[] = [];
  const counters = { html: 0, txt: 0 };
  const cycle: BenchFormat[] = ['jsonl', 'csv', 'html', 'txt'];
  for (let n = 0; n < opts.articles; n++) {
    const a = benchArticle(root.fork(String(n)), templates, n);
    words += a.paragraphs.reduce((sum, p) => sum + p.split(/\s+/).length, 0);
    const format = opts.format === 'mixed' ? (cycle[n % 4] ?? 'jsonl') : opts.format;
    if (format === 'jsonl' && jsonl) await write(jsonl, jsonlLine(record(a)));
    else if (format === 'csv' && csv) await write(csv, csvRow(record(a)));
    else if (format === 'html') await perFile('html', counters.html++, page(a, recent));
    else if (format === 'txt')
      await perFile(
        'txt',
        counters.txt++,
        textFile({
          header: n % 3 === 0 ? 'en' : 'de',
          title: a.title,
          date: a.date,
          source: a.outlet.name,
          municipality: a.municipality,
          author: a.author,
          url: a.url,
          paragraphs: a.paragraphs,
          crlf: false,
          bom: false,
        }),
      );
    recent.push(a);
    if (recent.length > 4) recent.shift();
  }
  if (jsonl) await close(jsonl);
  if (csv) await close(csv);
  return { articles: opts.articles, files, words };
}
