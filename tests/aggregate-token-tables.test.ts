import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTokenTables, type TokenTablesInit } from '../src/aggregate/token-tables.js';
import { encodeTokens } from '../src/io/tokens-codec.js';
import { dataPath } from '../src/paths.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

interface Piece {
  id: string;
  municipality: string | null;
  relevant: boolean;
  duplicate_of?: string;
  text: string;
}

/** Writes articles.jsonl, tags.jsonl and tokens.jsonl for the pieces into a fresh folder. */
function outputFolder(pieces: Piece[], tokensOrder = pieces): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lp-token-tables-'));
  const lines = (rows: unknown[]): string => rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  writeFileSync(
    path.join(dir, 'articles.jsonl'),
    lines(
      pieces.map((p) => ({
        id: p.id,
        date: '2016-03-01',
        municipality: p.municipality,
        duplicate_of: p.duplicate_of ?? null,
      })),
    ),
  );
  const sentences = (p: Piece) => tokenizeGerman(p.text);
  writeFileSync(
    path.join(dir, 'tags.jsonl'),
    lines(
      pieces.map((p) => ({
        id: p.id,
        relevant: p.relevant,
        target_sentences: sentences(p)
          .map((s, i) => (s.some((t) => /flüchtl|geflüchtet|asyl/i.test(t.text)) ? i : -1))
          .filter((i) => i >= 0),
      })),
    ),
  );
  writeFileSync(
    path.join(dir, 'tokens.jsonl'),
    tokensOrder.map((p) => `${encodeTokens({ id: p.id, sentences: sentences(p) })}\n`).join(''),
  );
  return dir;
}

const init = (dir: string): TokenTablesInit => ({
  outDir: dir,
  kwicPath: path.join(dir, 'kwic.part'),
  targetsFile: dataPath('targets.yml'),
  dialect: 'excel-de',
  counting: { relevant_only: true, count_duplicates: false },
});

const pieces: Piece[] = [
  {
    id: 'a1',
    municipality: 'Altena',
    relevant: true,
    text: 'Die Stadt Altena nimmt weitere Flüchtlinge auf. Der Runde Tisch trifft sich am 3. Oktober im Rathaus.',
  },
  {
    id: 'a2',
    municipality: 'Altena',
    relevant: true,
    text: 'Ehrenamtliche Helfer*innen begleiten Geflüchtete zu Ämtern, z. B. zur Ausländerbehörde.',
  },
  {
    id: 'a3',
    municipality: 'Altena',
    relevant: true,
    duplicate_of: 'a2',
    text: 'Ehrenamtliche begleiten Geflüchtete.',
  },
  {
    id: 'b1',
    municipality: 'Münster',
    relevant: false,
    text: 'Der SC Preußen Münster gewinnt das Derby mit 2:1.',
  },
];

describe('token tables (keyness and kwic from tokens.jsonl)', () => {
  it('writes a kwic line per target word of counted articles only, and keyness rows per municipality', async () => {
    const dir = outputFolder(pieces);
    const tables = await buildTokenTables(init(dir));
    expect(tables.counted).toBe(2);
    const kwic = readFileSync(path.join(dir, 'kwic.part'), 'utf8');
    const rows = kwic
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(rows[0]).toBe('id;date;municipality;left;keyword;right');
    expect(rows.slice(1).map((r) => r.split(';')[4])).toEqual(['Flüchtlinge', 'Geflüchtete']);
    expect(kwic).not.toContain('a3;');
    expect(kwic).not.toContain('Preußen');
    // Keyness compares municipalities; with only Altena counted there is no rest to compare with.
    expect(tables.keyness).toEqual([]);
  });

  it('counts every article when relevant_only and count_duplicates say so', async () => {
    const dir = outputFolder(pieces);
    const tables = await buildTokenTables({
      ...init(dir),
      counting: { relevant_only: false, count_duplicates: true },
    });
    expect(tables.counted).toBe(4);
    const kwic = readFileSync(path.join(dir, 'kwic.part'), 'utf8');
    expect(kwic.match(/Geflüchtete;/g)).toHaveLength(2);
  });

  it('fails naming the files when tokens.jsonl is not in the order of articles.jsonl', async () => {
    const dir = outputFolder(pieces, [pieces[1], pieces[0], pieces[2], pieces[3]] as Piece[]);
    await expect(buildTokenTables(init(dir))).rejects.toThrow(/tokens\.jsonl/);
  });
});
