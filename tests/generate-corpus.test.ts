import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, type Expected } from '../scripts/corpus/bundle.js';
import { generateCorpus, parseArgs } from '../scripts/generate-corpus.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.join(root, 'corpus');
const expected = JSON.parse(
  readFileSync(path.join(root, 'tests/fixtures/corpus-expected.json'), 'utf8'),
) as Expected;

const temps: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-test-'));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Relative `/`-separated paths of all files below a folder. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...listFiles(full, rel));
    else out.push(rel);
  }
  return out;
}

const read = (rel: string): Buffer => readFileSync(path.join(corpusDir, ...rel.split('/')));

function csvRecords(): string[][] {
  return parse(read('pressearchiv/export-2015-2016.csv'), {
    relax_column_count: true,
    bom: true,
  }) as string[][];
}

function shingles(text: string, n = 5): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

describe('generate-corpus: determinism', () => {
  let first: string;
  let second: string;
  beforeAll(async () => {
    first = tempDir();
    second = tempDir();
    await generateCorpus({ out: first, fixtures: path.join(first, 'fixtures') });
    await generateCorpus({ out: second, fixtures: path.join(second, 'fixtures') });
  });

  it('writes byte-identical corpora and fixtures for the same seed', () => {
    const a = listFiles(first);
    const b = listFiles(second);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(100);
    for (const rel of a)
      expect(readFileSync(path.join(second, rel)).equals(readFileSync(path.join(first, rel)))).toBe(true);
  });

  it('matches the committed corpus and fixtures (regenerate with npx tsx scripts/generate-corpus.ts)', () => {
    const generated = listFiles(first).filter((f) => !f.startsWith('fixtures/'));
    expect(listFiles(corpusDir)).toEqual(generated);
    for (const rel of generated)
      expect(read(rel).equals(readFileSync(path.join(first, rel))), rel).toBe(true);
    for (const name of ['corpus-expected.json', 'corpus-truth.csv']) {
      const committed = readFileSync(path.join(root, 'tests/fixtures', name));
      expect(committed.equals(readFileSync(path.join(first, 'fixtures', name))), name).toBe(true);
    }
  });

  it('gives a different corpus for another seed', () => {
    const other = buildBundle('another-seed');
    const mine = buildBundle(expected.seed);
    const csv = 'pressearchiv/export-2015-2016.csv';
    expect(other.files.get(csv)?.equals(mine.files.get(csv) ?? Buffer.alloc(0))).toBe(false);
  });
});

describe('generate-corpus: fixture matches what is on disk', () => {
  const files = listFiles(corpusDir);

  it('counts every input file', () => {
    expect(files.length).toBe(expected.inputs);
    expect(files.filter((f) => f.endsWith('.html')).length).toBe(expected.formats.html);
    expect(files.filter((f) => f.endsWith('.txt') && f.startsWith('text/')).length).toBe(
      expected.formats.txt,
    );
    expect(statSync(corpusDir).isDirectory()).toBe(true);
    const bytes = files.reduce((sum, f) => sum + statSync(path.join(corpusDir, f)).size, 0);
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
  });

  it('counts every readable article', () => {
    const html = files.filter((f) => f.endsWith('.html') && !f.endsWith('kaputt.html')).length;
    const text = files.filter((f) => f.startsWith('text/')).length;
    const csv = csvRecords()
      .slice(1)
      .filter((r) => r.length === 7).length;
    const jsonl = read('pressearchiv/nachtrag.jsonl').toString('utf8').trim().split('\n').length;
    const nexis = (
      read('pressearchiv/nexis-export.txt')
        .toString('utf8')
        .match(/^\s*\d+ of \d+ DOCUMENTS$/gm) ?? []
    ).length;
    expect(nexis).toBe(3);
    expect(html + text + csv + jsonl + nexis).toBe(expected.articles);
    expect(expected.articles).toBeGreaterThanOrEqual(260);
  });

  it('has a truth row for every article and the same month counts as the fixture', () => {
    const rows = parse(readFileSync(path.join(root, 'tests/fixtures/corpus-truth.csv')), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows.length).toBe(expected.articles);
    for (const cell of expected.municipality_month) {
      const n = rows.filter(
        (r) => r.municipality === cell.municipality && r.date?.startsWith(cell.month),
      ).length;
      expect(n, `${cell.municipality} ${cell.month}`).toBe(cell.articles);
      expect(cell.articles).toBeGreaterThan(0);
    }
    expect(expected.municipality_month.length).toBe(8 * 24);
    for (const u of expected.unrelated) {
      const row = rows.find(
        (r) => r.file === u.file && (r.record || null) === (u.record === null ? null : String(u.record)),
      );
      expect(row?.relevant).toBe('false');
    }
  });

  it('points every special case at an existing file', () => {
    const refs = [
      ...expected.rejected,
      ...expected.duplicates,
      ...expected.duplicates.map((d) => ({ file: d.duplicate_of_file })),
      expected.windows1252,
      ...expected.places,
      ...expected.clearly_negative,
      ...expected.clearly_positive,
    ];
    for (const r of refs) expect(files, r.file).toContain(r.file);
    expect(expected.places.some((p) => p.municipality === null)).toBe(true);
    expect(expected.clearly_negative.length).toBeGreaterThan(30);
    expect(expected.clearly_positive.length).toBeGreaterThan(30);
    expect(expected.unrelated.length).toBeGreaterThanOrEqual(4);
  });
});

describe('generate-corpus: special inputs', () => {
  it('saves the windows-1252 page as windows-1252 bytes, not UTF-8', () => {
    const bytes = read(expected.windows1252.file);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.includes(Buffer.from([0xc3, 0xbc]))).toBe(false); // "ü" in UTF-8
    expect(bytes.includes(0xdf)).toBe(true); // "ß" in windows-1252
    expect(bytes.includes(0xfc)).toBe(true); // "ü" in windows-1252
    const html = iconv.decode(bytes, 'windows-1252');
    expect(html).toContain('<meta charset="windows-1252">');
    expect(html).toContain(`<h1>${expected.windows1252.title}</h1>`);
    expect(expected.windows1252.title).toMatch(/[äöü].*ß|ß.*[äöü]/);
  });

  it('makes kaputt.html undecodable binary', () => {
    const broken = expected.rejected.find((r) => r.file.endsWith('kaputt.html'));
    expect(broken).toBeDefined();
    const bytes = read(broken?.file ?? '');
    expect(bytes.includes(0)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('parses the CSV with csv-parse except the one damaged row', () => {
    const records = csvRecords();
    expect(records[0]).toEqual(['id', 'title', 'text', 'date', 'source', 'url', 'municipality']);
    const data = records.slice(1);
    const damaged = data.map((r, i) => ({ r, record: i + 1 })).filter(({ r }) => r.length !== 7);
    expect(damaged.length).toBe(1);
    const rejected = expected.rejected.find((r) => r.file === 'pressearchiv/export-2015-2016.csv');
    expect(damaged[0]?.record).toBe(rejected?.record);
    const good = data.filter((r) => r.length === 7);
    for (const r of good) expect(r[3]).toMatch(/^201[56]-\d\d-\d\d$/);
    expect(good.some((r) => r[6] === '')).toBe(true);
    expect(good.filter((r) => r[6] !== '').length).toBeGreaterThan(good.length / 2);
    // Quoting is exercised: texts with commas, straight double quotes and newlines.
    expect(good.some((r) => (r[2] ?? '').includes('"'))).toBe(true);
    expect(good.every((r) => (r[2] ?? '').includes(','))).toBe(true);
    expect(good.every((r) => (r[2] ?? '').includes('\n\n'))).toBe(true);
    // Without relaxing the column count, csv-parse refuses the file because of that row.
    expect(() => parse(read('pressearchiv/export-2015-2016.csv'))).toThrow();
  });

  it('prints the agency story twice with small differences, and nothing else is a near-duplicate', () => {
    const { texts } = buildBundle(expected.seed);
    const dup = expected.duplicates[0];
    const copy = texts.find((t) => t.file === dup?.file && t.record === dup?.record);
    const original = texts.find(
      (t) => t.file === dup?.duplicate_of_file && t.record === dup?.duplicate_of_record,
    );
    expect(copy && original).toBeTruthy();
    expect(copy?.title).not.toBe(original?.title);
    expect(copy?.text).not.toBe(original?.text);
    const sets = texts.map((t) => shingles(t.text));
    const pairIndex = [
      texts.indexOf(copy as (typeof texts)[number]),
      texts.indexOf(original as (typeof texts)[number]),
    ];
    expect(
      jaccard(sets[pairIndex[0] ?? 0] ?? new Set(), sets[pairIndex[1] ?? 0] ?? new Set()),
    ).toBeGreaterThan(0.8);
    let max = 0;
    for (let i = 0; i < sets.length; i++)
      for (let j = i + 1; j < sets.length; j++) {
        if (pairIndex.includes(i) && pairIndex.includes(j)) continue;
        max = Math.max(max, jaccard(sets[i] ?? new Set(), sets[j] ?? new Set()));
      }
    expect(max).toBeLessThan(0.5);
  });

  it('keeps unrelated articles free of refugee words and names the place in every relevant text', () => {
    const { texts } = buildBundle(expected.seed);
    const refugee = /flüchtl|geflücht|asyl|migra|zuwander/i;
    const unrelated = texts.filter((t) => !t.relevant);
    expect(unrelated.length).toBe(expected.unrelated.length);
    for (const t of unrelated) expect(`${t.title} ${t.text}`).not.toMatch(refugee);
    for (const t of texts.filter((x) => x.relevant)) expect(`${t.title} ${t.text}`).toMatch(refugee);
    const short: Record<string, string> = { 'Mülheim an der Ruhr': 'Mülheim' };
    for (const t of texts.filter((x) => x.municipality !== null && x.relevant)) {
      // Datelines may be in capitals ("BIELEFELD."), so compare case-insensitively.
      const place = (short[t.municipality ?? ''] ?? t.municipality ?? '').toLowerCase();
      expect(t.text.toLowerCase(), t.file).toContain(place);
    }
    const koeln = texts.find((t) => t.municipality === null);
    expect(koeln?.text).toContain('Köln-Mülheim');
    expect(koeln?.text).not.toContain('Mülheim an der Ruhr');
  });

  it('uses gender forms, abbreviations and ordinal dates', () => {
    const all = buildBundle(expected.seed)
      .texts.map((t) => t.text)
      .join('\n');
    for (const form of [
      'Helfer*innen',
      'Helfer:innen',
      'HelferInnen',
      'Bürger/innen',
      'z. B.',
      'u. a.',
      'Dr.',
      'Nr.',
      'St.',
    ])
      expect(all, form).toContain(form);
    expect(all).toMatch(
      /am \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)/,
    );
  });
});

describe('generate-corpus: benchmark mode', () => {
  it('writes exactly N JSONL lines of newspaper length', async () => {
    const out = tempDir();
    const result = await generateCorpus({ out, articles: 40, format: 'jsonl', seed: 'bench-test' });
    expect(result.mode).toBe('bench');
    const lines = readFileSync(path.join(out, 'articles.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(40);
    for (const line of lines) {
      const rec = JSON.parse(line) as { text: string; date: string; municipality: string };
      const words = rec.text.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(250);
      expect(words).toBeLessThanOrEqual(700);
      expect(rec.date).toMatch(/^201[56]-/);
    }
  });

  it('writes N JSONL lines through the command line', () => {
    const out = tempDir();
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'scripts/generate-corpus.ts'),
        '--out',
        out,
        '--articles',
        '7',
        '--format',
        'jsonl',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'articles.jsonl'), 'utf8').trimEnd().split('\n').length).toBe(7);
    expect(listFiles(out)).toEqual(['articles.jsonl']);
  });

  it('writes one file per article in numbered subfolders for html, and a parseable CSV', async () => {
    const out = tempDir();
    await generateCorpus({ out, articles: 12, format: 'html', seed: 'bench-test' });
    const files = listFiles(out);
    expect(files.length).toBe(12);
    expect(files.every((f) => /^html\/0000\/\d{7}\.html$/.test(f))).toBe(true);
    const csvOut = tempDir();
    await generateCorpus({ out: csvOut, articles: 9, format: 'csv', seed: 'bench-test' });
    const rows = parse(readFileSync(path.join(csvOut, 'articles.csv')), { columns: true }) as unknown[];
    expect(rows.length).toBe(9);
  });

  it('spreads mixed output over all four formats', async () => {
    const out = tempDir();
    const result = await generateCorpus({ out, articles: 8, format: 'mixed', seed: 'bench-test' });
    const files = listFiles(out);
    expect(files.filter((f) => f.startsWith('html/')).length).toBe(2);
    expect(files.filter((f) => f.startsWith('txt/')).length).toBe(2);
    expect(readFileSync(path.join(out, 'articles.jsonl'), 'utf8').trimEnd().split('\n').length).toBe(2);
    expect(result.mode === 'bench' && result.articles).toBe(8);
  });

  it('validates the command-line arguments', () => {
    expect(() => parseArgs(['--articles', '0'])).toThrow(/positive integer/);
    expect(() => parseArgs(['--format', 'pdf', '--articles', '3'])).toThrow(/one of/);
    expect(() => parseArgs(['--format', 'csv'])).toThrow(/needs --articles/);
    expect(parseArgs(['--out', '/tmp/x']).fixtures).toBeNull();
    expect(parseArgs([]).fixtures).toBe(path.join(root, 'tests', 'fixtures'));
  });
});
