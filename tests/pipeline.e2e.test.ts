import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { packageRoot } from '../src/paths.js';
import type { Article } from '../src/records.js';
import { memoryLogger } from '../src/runner/log.js';
import { MissingInputError, runStages, type StageOutcome } from '../src/runner/run.js';
import { stageOrder } from '../src/runner/stage.js';

interface Expected {
  articles: number;
  rejected: Array<{ file: string; record: number | null; reason_contains: string }>;
  duplicates: Array<{
    file: string;
    record: number | null;
    duplicate_of_file: string;
    duplicate_of_record: number | null;
  }>;
  windows1252: { file: string; title: string };
  municipality_month: Array<{ municipality: string; month: string; articles: number }>;
  clearly_negative: Array<{ file: string; record: number | null }>;
  clearly_positive: Array<{ file: string; record: number | null }>;
}

const expected = JSON.parse(
  readFileSync(path.join(packageRoot, 'tests/fixtures/corpus-expected.json'), 'utf8'),
) as Expected;
const truth = parse(readFileSync(path.join(packageRoot, 'tests/fixtures/corpus-truth.csv'), 'utf8'), {
  columns: true,
}) as Array<{ file: string; record: string; municipality: string; date: string; relevant: string }>;

/** Reads a table in the excel-de dialect (BOM, `;`). */
function readTable(file: string): Array<Record<string, string>> {
  const text = readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
}

const key = (file: string, record: number | string | null): string => `${file}#${record ?? ''}`;

describe('lokalpresse run on the bundled corpus', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'lokalpresse-e2e-'));
  const { config, dir } = loadConfig(path.join(packageRoot, 'pipeline.config.json'), { explicit: true });
  const options = (force = false) => ({
    corpusDir: path.join(packageRoot, 'corpus'),
    outDir: out,
    config,
    configDir: dir,
    codingsFile: null,
    force,
    log: memoryLogger(),
  });
  let outcomes: StageOutcome[] = [];
  let articles: Article[] = [];
  const byKey = new Map<string, Article>();

  beforeAll(async () => {
    outcomes = await runStages(stageOrder, options());
    articles = readFileSync(path.join(out, 'articles.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Article);
    for (const a of articles) byKey.set(key(a.file, a.record), a);
  }, 180_000);

  it('accounts for every input: articles plus rejections add up', () => {
    const ingest = outcomes.find((o) => o.stage === 'ingest');
    expect(ingest?.status).toBe('ran');
    const rejected = readTable(path.join(out, 'rejected.csv'));
    expect(articles.length).toBe(expected.articles);
    expect(ingest?.result.out).toBe(articles.length);
    expect(ingest?.result.rejected).toBe(rejected.length);
    expect(ingest?.result.in).toBe(articles.length + rejected.length);
    for (const r of expected.rejected) {
      const row = rejected.find((x) => x.file === r.file && (x.record ?? '') === String(r.record ?? ''));
      expect(row, `${r.file} should be rejected`).toBeDefined();
      expect(row?.reason).toContain(r.reason_contains);
    }
    const table = readTable(path.join(out, 'articles.csv'));
    expect(table.length).toBe(articles.length);
  });

  it('marks the agency story printed by two outlets as a duplicate of the first copy', () => {
    for (const d of expected.duplicates) {
      const copy = byKey.get(key(d.file, d.record));
      const first = byKey.get(key(d.duplicate_of_file, d.duplicate_of_record));
      expect(first?.duplicate_of).toBeNull();
      expect(copy?.duplicate_of).toBe(first?.id);
    }
    expect(articles.filter((a) => a.duplicate_of !== null).length).toBe(expected.duplicates.length);
  });

  it('decodes the windows-1252 page with correct umlauts', () => {
    const a = byKey.get(key(expected.windows1252.file, null));
    expect(a?.title).toBe(expected.windows1252.title);
    expect(a?.text).not.toMatch(/Ã|�/);
    expect(a?.encoding).toMatch(/1252|latin|8859/i);
  });

  it('assigns municipalities and dates as the generator wrote them', () => {
    let placeRight = 0;
    let dateRight = 0;
    for (const t of truth) {
      const a = byKey.get(key(t.file, t.record === '' ? null : t.record));
      if (!a) continue;
      if ((a.municipality ?? '') === t.municipality) placeRight += 1;
      if ((a.date ?? '') === t.date) dateRight += 1;
    }
    expect(placeRight / truth.length).toBeGreaterThanOrEqual(0.95);
    expect(dateRight / truth.length).toBeGreaterThanOrEqual(0.97);
  });

  it('has the expected number of articles for a known municipality and month', () => {
    const table = readTable(path.join(out, 'articles.csv'));
    const cell = expected.municipality_month.find((m) => m.municipality === 'Altena' && m.articles >= 2);
    expect(cell).toBeDefined();
    if (!cell) return;
    const n = table.filter(
      (r) => r.municipality === cell.municipality && r.date?.startsWith(cell.month),
    ).length;
    expect(n).toBe(cell.articles);
  });

  it('labels clearly negative articles negative and clearly positive ones positive', () => {
    const table = readTable(path.join(out, 'articles.csv'));
    const label = (f: string, r: number | null) =>
      table.find((x) => x.file === f && x.record === (r === null ? '' : String(r)))?.tone_label;
    const neg = expected.clearly_negative.map((x) => label(x.file, x.record));
    const pos = expected.clearly_positive.map((x) => label(x.file, x.record));
    expect(neg[0]).toBe('negative');
    expect(neg.filter((l) => l === 'negative').length / neg.length).toBeGreaterThanOrEqual(0.8);
    expect(pos.filter((l) => l === 'positive').length / pos.length).toBeGreaterThanOrEqual(0.8);
  });

  it('codes the main topic as the generator meant it, once common categories are weighed down', () => {
    const table = readTable(path.join(out, 'articles.csv'));
    const keyOf: Record<string, string> = {
      housing: 'wohnen',
      education: 'bildung',
      work: 'arbeit',
      language: 'sprache',
      volunteering: 'ehrenamt',
      encounter: 'begegnung',
      safety: 'sicherheit',
      conflict: 'protest',
      administration: 'verwaltung',
      health: 'gesundheit',
    };
    const coded = truth.filter((t) => (t as Record<string, string>).topic);
    const right = coded.filter((t) => {
      const row = table.find((r) => r.file === t.file && r.record === t.record);
      return row?.topic === keyOf[(t as Record<string, string>).topic ?? ''];
    }).length;
    expect(right / coded.length).toBeGreaterThanOrEqual(0.85);
  });

  it('writes the municipality × period table with confidence intervals and shares', () => {
    const rows = readTable(path.join(out, 'municipality_period.csv'));
    const places = new Set(rows.map((r) => r.municipality));
    for (const m of [
      'Altena',
      'Bergheim',
      'Bielefeld',
      'Dortmund',
      'Hamminkeln',
      'Mülheim an der Ruhr',
      'Münster',
      'Nordkirchen',
    ]) {
      expect(places.has(m), m).toBe(true);
    }
    for (const r of rows) {
      const shares = ['share_negative', 'share_neutral', 'share_positive'].map((c) =>
        Number((r[c] ?? '').replace(',', '.')),
      );
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
      if (Number(r.articles) >= 2) {
        const [lo, mean, hi] = ['tone_ci_low', 'tone_mean', 'tone_ci_high'].map((c) =>
          Number((r[c] ?? '').replace(',', '.')),
        );
        expect(lo).toBeLessThanOrEqual(mean as number);
        expect(hi).toBeGreaterThanOrEqual(mean as number);
      }
    }
  });

  it('re-runs scoring alone and leaves the ingest output untouched', async () => {
    const before = statSync(path.join(out, 'articles.jsonl')).mtimeMs;
    const skipped = await runStages(['score'], options());
    expect(skipped[0]?.status).toBe('skipped');
    const forced = await runStages(['score'], options(true));
    expect(forced.map((o) => [o.stage, o.status])).toEqual([['score', 'ran']]);
    expect(statSync(path.join(out, 'articles.jsonl')).mtimeMs).toBe(before);
    const again = await runStages(stageOrder, options());
    expect(again.find((o) => o.stage === 'ingest')?.status).toBe('skipped');
  });

  it('says which command to run first when an earlier output is missing', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'lokalpresse-empty-'));
    await expect(runStages(['score'], { ...options(), outDir: empty })).rejects.toThrow(MissingInputError);
    await expect(runStages(['score'], { ...options(), outDir: empty })).rejects.toThrow(
      /lokalpresse tokenize/,
    );
  });
});
