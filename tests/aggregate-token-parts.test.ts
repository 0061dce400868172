import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInParts, planTokenParts, WHOLE } from '../src/aggregate/token-parts.js';
import { buildTokenPart, buildTokenTables, type TokenTablesInit } from '../src/aggregate/token-tables.js';
import { encodeTokens } from '../src/io/tokens-codec.js';
import { dataPath } from '../src/paths.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const places = ['Altena', 'Bergheim', 'Bielefeld', 'Dortmund', null];
const sentences = [
  'Die Stadt nimmt weitere Flüchtlinge auf.',
  'Ehrenamtliche Helfer begleiten Geflüchtete zur Ausländerbehörde.',
  'Der Stadtrat berät über die Turnhalle als Notunterkunft.',
  'In der Unterkunft leben zurzeit 120 Asylbewerber.',
  'Das Sommerfest im Begegnungscafé war gut besucht.',
  'Die Polizei ermittelt nach einem Brandanschlag.',
];

/** n articles in articles.jsonl, tags.jsonl and tokens.jsonl, in a fresh folder. */
function outputFolder(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lp-token-parts-'));
  const articles: string[] = [];
  const tags: string[] = [];
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `art-${i}`;
    const municipality = places[i % places.length] as string | null;
    const text = Array.from(
      { length: 1 + (i % 5) },
      (_, j) => sentences[(i * 7 + j * 3) % sentences.length],
    ).join(' ');
    const toks = tokenizeGerman(`${municipality ?? 'Irgendwo'}: ${text}`);
    articles.push(
      JSON.stringify({
        id,
        date: `2016-0${1 + (i % 9)}-01`,
        municipality,
        duplicate_of: i % 11 === 5 ? 'art-0' : null,
      }),
    );
    tags.push(
      JSON.stringify({
        id,
        relevant: i % 7 !== 3,
        target_sentences: toks
          .map((s, k) => (s.some((t) => /flüchtl|geflüchtet|asyl/i.test(t.text)) ? k : -1))
          .filter((k) => k >= 0),
      }),
    );
    tokens.push(encodeTokens({ id, sentences: toks }).trimEnd());
  }
  writeFileSync(path.join(dir, 'articles.jsonl'), `${articles.join('\n')}\n`);
  writeFileSync(path.join(dir, 'tags.jsonl'), `${tags.join('\n')}\n`);
  writeFileSync(path.join(dir, 'tokens.jsonl'), `${tokens.join('\n')}\n`);
  return dir;
}

const init = (dir: string, kwic: string): TokenTablesInit => ({
  outDir: dir,
  kwicPath: path.join(dir, kwic),
  targetsFile: dataPath('targets.yml'),
  dialect: 'excel-de',
  counting: { relevant_only: true, count_duplicates: false },
});

describe('token tables in parts', () => {
  it('cuts the rows at the same article in all three files', async () => {
    const dir = outputFolder(60);
    const parts = await planTokenParts(dir, 3, { chunkSize: 100 });
    expect(parts).toHaveLength(3);
    expect(parts.map((p) => p.header)).toEqual([true, false, false]);
    const rows = parts.map((p) => p.rowsBefore);
    expect(rows[0]).toBe(0);
    expect(rows[1]).toBeGreaterThan(0);
    expect(rows[2]).toBeGreaterThan(rows[1] as number);
    // Each later part starts where the one before ends, at a line start of the same article.
    const files = ['articles.jsonl', 'tags.jsonl', 'tokens.jsonl'].map((f) =>
      readFileSync(path.join(dir, f)),
    );
    for (let i = 1; i < parts.length; i++) {
      files.forEach((bytes, f) => {
        const start = (parts[i]?.ranges[f]?.start ?? -1) as number;
        expect(parts[i - 1]?.ranges[f]?.end).toBe(start);
        expect(bytes[start - 1]).toBe(0x0a);
        const line = bytes.subarray(start, bytes.indexOf(0x0a, start)).toString('utf8');
        expect(JSON.parse(line).id).toBe(`art-${rows[i]}`);
      });
    }
    expect(parts.at(-1)?.ranges.every((r) => r.end === undefined)).toBe(true);
  });

  it('builds the same kwic.csv and keyness rows as one pass', async () => {
    const dir = outputFolder(60);
    const whole = await buildTokenTables(init(dir, 'kwic-whole.csv'));
    for (const n of [2, 3, 4]) {
      const parts = await planTokenParts(dir, n, { chunkSize: 64 });
      expect(parts).toHaveLength(n);
      const temporaries: string[] = [];
      const split = await buildInParts(init(dir, `kwic-${n}.csv`), parts, buildTokenPart, (file) => {
        temporaries.push(file);
        return { done: () => {} };
      });
      expect(split).toEqual(whole);
      expect(whole.keyness.length).toBeGreaterThan(0);
      expect(readFileSync(path.join(dir, `kwic-${n}.csv`), 'utf8')).toBe(
        readFileSync(path.join(dir, 'kwic-whole.csv'), 'utf8'),
      );
      // The later parts went through temporary files beside kwic.csv, removed at the end.
      expect(temporaries).toHaveLength(n - 1);
      const left = readdirSync(dir);
      for (const t of temporaries) expect(left).not.toContain(path.basename(t));
    }
  });

  it('reads the files whole when they cannot be cut on the bytes', async () => {
    const few = outputFolder(1);
    expect(await planTokenParts(few, 2)).toEqual([WHOLE]);
    // A carriage return could be a line break of its own: not counted on the bytes.
    const crlf = outputFolder(10);
    const tags = path.join(crlf, 'tags.jsonl');
    writeFileSync(tags, readFileSync(tags, 'utf8').replace(/\n/g, '\r\n'));
    expect(await planTokenParts(crlf, 2, { chunkSize: 32 })).toEqual([WHOLE]);
    // Fewer articles than tokens up to the cut: one pass, which reports the files out of step.
    const short = outputFolder(10);
    const articles = path.join(short, 'articles.jsonl');
    writeFileSync(articles, readFileSync(articles, 'utf8').split('\n').slice(0, 3).join('\n'));
    expect(await planTokenParts(short, 2, { chunkSize: 32 })).toEqual([WHOLE]);
    expect(await planTokenParts(short, 1)).toEqual([WHOLE]);
  });

  it('names the row of the first part out of step, counting the rows of the parts before', async () => {
    const dir = outputFolder(20);
    const parts = await planTokenParts(dir, 2, { chunkSize: 32 });
    expect(parts).toHaveLength(2);
    // One more tags line at the end: the second part finds it.
    appendFileSync(path.join(dir, 'tags.jsonl'), '{"id":"art-20","relevant":true,"target_sentences":[]}\n');
    await expect(buildInParts(init(dir, 'kwic.csv'), parts, buildTokenPart)).rejects.toThrow(
      /hold different numbers of articles \(at article 21\)/,
    );
  });
});
