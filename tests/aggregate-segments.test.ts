import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../scripts/generate-corpus.js';
import { KEYNESS_COLUMNS } from '../src/aggregate/keyness.js';
import { segmentCacheDir } from '../src/aggregate/spec.js';
import {
  groupSegments,
  planSegments,
  segmentFiles,
  segmentSettingsKey,
  type TokenSegment,
} from '../src/aggregate/token-segments.js';
import { buildTokenTables } from '../src/aggregate/token-tables.js';
import { parseConfig } from '../src/config/load.js';
import { dialects, formatCsv } from '../src/io/csv.js';
import { dataPath, packageRoot } from '../src/paths.js';
import { memoryLogger } from '../src/runner/log.js';
import { runStages } from '../src/runner/run.js';
import type { StageName } from '../src/runner/stage.js';

const STAGES: StageName[] = ['ingest', 'tokenize', 'tag', 'score', 'aggregate'];
const config = parseConfig({}, 'test');
/** Articles per corpus file. */
const PER_FILE = 20;

const root = mkdtempSync(path.join(tmpdir(), 'lp-segments-'));
const corpus = path.join(root, 'corpus');
const held = path.join(root, 'held');

/**
 * 1,200 generated articles in files of 20 (`teil-000.jsonl` …); two files, one early and one in the
 * middle, are held back to be added later.
 */
beforeAll(async () => {
  const generated = path.join(root, 'generated');
  await generateCorpus({ out: generated, articles: 1200, format: 'jsonl' });
  const file = readdirSync(generated).find((n) => n.endsWith('.jsonl')) as string;
  const lines = readFileSync(path.join(generated, file), 'utf8').split('\n').filter(Boolean);
  mkdirSync(corpus, { recursive: true });
  mkdirSync(held, { recursive: true });
  for (let f = 0; f * PER_FILE < lines.length; f++) {
    const name = `teil-${String(f).padStart(3, '0')}.jsonl`;
    const dir = f === 7 || f === 31 ? held : corpus;
    writeFileSync(path.join(dir, name), `${lines.slice(f * PER_FILE, (f + 1) * PER_FILE).join('\n')}\n`);
  }
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(outDir: string, force = false): Promise<string[]> {
  const log = memoryLogger();
  await runStages(STAGES, {
    corpusDir: corpus,
    outDir,
    config,
    configDir: packageRoot,
    codingsFile: null,
    force,
    log,
  });
  return log.lines;
}

const segmentLine = (log: string[]): string =>
  log.find((l) => l.startsWith('aggregate: keyness and kwic from')) ?? '(no segment line)';

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');

async function plan(outDir: string): Promise<TokenSegment[]> {
  const key = await segmentSettingsKey({
    targetsFile: dataPath('targets.yml'),
    dialect: config.output.csv_dialect,
    counting: config.aggregate,
  });
  const segments = planSegments(outDir, key);
  if (segments === null) throw new Error('no segments planned');
  return segments;
}

describe('segment cache of the token tables', () => {
  const out = path.join(root, 'out');
  let before: TokenSegment[] = [];

  it('a first run computes every segment; the segments cover all rows in order', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(`${w.name}: ${w.message}`);
    };
    process.on('warning', onWarning);
    const log = await run(out).finally(() => process.off('warning', onWarning));
    // Assembling kwic.csv from many segments leaves no listener behind per segment.
    expect(warnings).toEqual([]);
    before = await plan(out);
    expect(segmentLine(log)).toBe(
      `aggregate: keyness and kwic from ${before.length} segments of the rows, 0 reused, ${before.length} computed`,
    );
    const rows = read(out, 'tokens.jsonl').split('\n').filter(Boolean).length;
    expect(rows).toBe(1160);
    expect(before.reduce((n, s) => n + s.rows, 0)).toBe(rows);
    // Content-defined lengths: several segments, none below the floor except the last.
    expect(before.length).toBeGreaterThan(5);
    for (const s of before.slice(0, -1)) expect(s.rows).toBeGreaterThanOrEqual(32);
    // Each segment starts where the one before ended, in all three files.
    for (let i = 1; i < before.length; i++) {
      const [prev, cur] = [before[i - 1] as TokenSegment, before[i] as TokenSegment];
      expect(cur.part.rowsBefore).toBe(prev.part.rowsBefore + prev.rows);
      for (let f = 0; f < 3; f++) expect(cur.part.ranges[f]?.start).toBe(prev.part.ranges[f]?.end);
    }
    // The same tables as one pass over all rows.
    const kwicPath = path.join(root, 'kwic-one-pass.csv');
    const onePass = await buildTokenTables({
      outDir: out,
      kwicPath,
      targetsFile: dataPath('targets.yml'),
      dialect: config.output.csv_dialect,
      counting: config.aggregate,
    });
    expect(read(out, 'kwic.csv')).toBe(readFileSync(kwicPath, 'utf8'));
    expect(read(out, 'keyness.csv')).toBe(
      formatCsv(KEYNESS_COLUMNS, onePass.keyness, dialects[config.output.csv_dialect]),
    );
    const dir = segmentCacheDir(out);
    expect(readdirSync(dir).sort()).toEqual(before.flatMap((s) => [`${s.key}.json`, `${s.key}.kwic`]).sort());
  });

  it('added files change only the segments they fall in, and the tables equal a fresh run', async () => {
    for (const name of readdirSync(held)) renameSync(path.join(held, name), path.join(corpus, name));
    const log = await run(out);
    const after = await plan(out);
    const old = new Set(before.map((s) => s.key));
    const computed = after.filter((s) => !old.has(s.key));
    // Forty new articles in two places: each lands in one segment (or splits it in two).
    expect(computed.length).toBeGreaterThanOrEqual(2);
    expect(computed.length).toBeLessThanOrEqual(4);
    expect(computed.reduce((n, s) => n + s.rows, 0)).toBeLessThan(after.reduce((n, s) => n + s.rows, 0) / 3);
    expect(segmentLine(log)).toBe(
      `aggregate: keyness and kwic from ${after.length} segments of the rows, ${after.length - computed.length} reused, ${computed.length} computed`,
    );
    // The entries of segments no longer in the rows are gone.
    expect(readdirSync(segmentCacheDir(out))).toHaveLength(after.length * 2);
    const fresh = path.join(root, 'fresh');
    await run(fresh, true);
    for (const file of ['keyness.csv', 'kwic.csv', 'articles.csv', 'municipality_period.csv'])
      expect(read(out, file), file).toBe(read(fresh, file));
    expect(read(out, 'kwic.csv').split('\n').length).toBeGreaterThan(100);
    expect(read(out, 'keyness.csv').split('\n').length).toBeGreaterThan(10);
  });

  it('a damaged or half-written entry is computed again, with the same tables', async () => {
    const segments = await plan(out);
    const dir = segmentCacheDir(out);
    const [a, b, c] = segments.map((s) => segmentFiles(dir, s.key));
    if (!a || !b || !c) throw new Error('too few segments');
    writeFileSync(a.counts, '{"format":1,"counted":');
    rmSync(b.kwic);
    // Counts that do not match the kwic rows stored (a kwic file cut short).
    writeFileSync(c.kwic, read(dir, path.basename(c.kwic)).slice(0, 10));
    const expected = { keyness: read(out, 'keyness.csv'), kwic: read(out, 'kwic.csv') };
    // Without articles.csv aggregate runs again; tokens, tags and articles are unchanged.
    rmSync(path.join(out, 'articles.csv'));
    const log = await run(out);
    expect(segmentLine(log)).toBe(
      `aggregate: keyness and kwic from ${segments.length} segments of the rows, ${segments.length - 3} reused, 3 computed`,
    );
    expect(read(out, 'keyness.csv')).toBe(expected.keyness);
    expect(read(out, 'kwic.csv')).toBe(expected.kwic);
  });

  it('other target terms or counting settings never reuse an entry', async () => {
    const key = (targets: string, count_duplicates: boolean) =>
      segmentSettingsKey({
        targetsFile: targets,
        dialect: 'excel-de',
        counting: { relevant_only: true, count_duplicates },
      });
    const targets = path.join(root, 'targets.yml');
    writeFileSync(targets, readFileSync(dataPath('targets.yml')));
    const base = await key(targets, false);
    expect(await key(dataPath('targets.yml'), false)).toBe(base);
    expect(await key(targets, true)).not.toBe(base);
    writeFileSync(targets, `${read(root, 'targets.yml')}\nzusatz:\n  - Ankerzentrum\n`);
    expect(await key(targets, false)).not.toBe(base);
  });

  it('without the row indexes the tables are built from all rows, the same', async () => {
    const expected = { keyness: read(out, 'keyness.csv'), kwic: read(out, 'kwic.csv') };
    rmSync(path.join(out, '.lokalpresse', 'tag.rows'));
    rmSync(path.join(out, 'articles.csv'));
    const log = await run(out);
    expect(log.some((l) => l.startsWith('aggregate: keyness and kwic from'))).toBe(false);
    expect(read(out, 'keyness.csv')).toBe(expected.keyness);
    expect(read(out, 'kwic.csv')).toBe(expected.kwic);
  });

  it('a forced run drops the cache and computes every segment', async () => {
    const log = await run(out, true);
    expect(segmentLine(log)).toMatch(/ 0 reused, \d+ computed$/);
    expect(existsSync(segmentCacheDir(out))).toBe(true);
  });
});

describe('sharing segments out to threads', () => {
  const segment = (tokenBytes: number, i: number): TokenSegment => ({
    key: `k${i}`,
    part: { ranges: [], rowsBefore: i, header: false },
    rows: 1,
    tokenBytes,
  });

  it('cuts runs of consecutive segments of about equal bytes, never an empty one', () => {
    const segments = [10, 10, 10, 10, 30, 10, 10, 10].map(segment);
    const groups = groupSegments(segments, 2);
    expect(groups.map((g) => g.map((s) => s.key))).toEqual([
      ['k0', 'k1', 'k2', 'k3'],
      ['k4', 'k5', 'k6', 'k7'],
    ]);
    expect(groupSegments(segments.slice(0, 1), 4)).toHaveLength(1);
    expect(groupSegments([], 2)).toEqual([]);
    expect(groupSegments(segments, 3).flat()).toEqual(segments);
  });
});
