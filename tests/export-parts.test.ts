import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/schema.js';
import type { AnalyzedRead } from '../src/ingest/analyze.js';
import { exportParts, lastBoundary } from '../src/ingest/export-parts.js';
import { readInputFile } from '../src/ingest/read-file.js';
import { createFileReader } from '../src/ingest/read-pool.js';
import { packageRoot } from '../src/paths.js';

const places = JSON.parse(readFileSync(path.join(packageRoot, 'data', 'municipalities.json'), 'utf8'));
const setup = { places, outlets: {}, duplicates: { threshold: 0.8, shingle: 5, hashes: 128 }, minWords: 1 };
const read = { columns: configSchema.parse({}).ingest.columns, delimiter: 'auto' as const };

const towns = ['Altena', 'Bergheim', 'Bielefeld', 'Dortmund', 'Hamminkeln', 'Münster', 'Nordkirchen'];

/** A semicolon export as German press databases write it: quoted texts with line breaks and `;`. */
function csvExport(rows: number): string {
  const lines = ['id;datum;titel;text'];
  for (let i = 1; i <= rows; i++) {
    const town = towns[i % towns.length];
    const text = `${town}. Der Rat der Stadt ${town} hat am Dienstag über die Unterbringung von Geflüchteten beraten; die Verwaltung schlägt vor, die Turnhalle an der Schulstraße bis Ende März zu nutzen.\n\n„Wir brauchen eine Lösung, die auch für die Vereine trägt“, sagte Bürgermeisterin Müller. Beschluss Nr. ${i}.`;
    if (i === 37) lines.push(`${i};03.11.2015;Zu viele Felder;Kurzer Text ohne Umbruch;überzählig;noch eins`);
    else if (i === 71) lines.push(`${i};04.11.2015;Leerer Text;""`);
    else lines.push(`${i};0${(i % 9) + 1}.11.2015;"Bericht ${i} aus ${town}";"${text.replace(/"/g, '""')}"`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function jsonlExport(rows: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const town = towns[i % towns.length];
    if (i === 23) lines.push('{"id": "kaputt", "text": "abgeschnitten');
    else if (i === 24) lines.push('');
    else
      lines.push(
        JSON.stringify({
          id: `wa-${i}`,
          date: '2016-01-12',
          title: `Ehrenamtliche in ${town} ziehen Bilanz`,
          text: `${town}. Seit dem Herbst helfen in ${town} rund ${i} Ehrenamtliche bei Sprachkursen, Behördengängen und der Wohnungssuche.\nDer Runde Tisch trifft sich jeden zweiten Mittwoch.`,
        }),
      );
  }
  return `${lines.join('\n')}\n`;
}

const records = (results: AnalyzedRead[]) => ({
  drafts: results.flatMap((r) => r.drafts.map(({ draft, analysis }) => ({ draft, analysis }))),
  rejections: results.flatMap((r) => r.rejections),
});

async function collect(file: string, kind: 'delimited' | 'jsonl', partBytes: number) {
  const reader = createFileReader(setup, read, [file]);
  const out: AnalyzedRead[] = [];
  for await (const part of reader.readParts(file, kind, { partBytes })) out.push(part);
  await reader.close();
  return { parts: out.length, ...records(out) };
}

async function whole(file: string) {
  const reader = createFileReader(setup, read, [file]);
  const result = await reader.read(file);
  await reader.close();
  return records([result]);
}

describe('large exports read in parts', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lp-parts-'));

  it('give the same articles, rows and rejection reasons as reading a semicolon CSV whole', async () => {
    const file = path.join(dir, 'export.csv');
    writeFileSync(file, iconv.encode(csvExport(120), 'windows-1252'));
    const parts = await collect(file, 'delimited', 2048);
    expect(parts.parts).toBeGreaterThan(10);
    const all = await whole(file);
    expect(parts.drafts).toEqual(all.drafts);
    expect(parts.rejections).toEqual(all.rejections);
    expect(all.drafts).toHaveLength(118);
    expect(all.drafts[0]?.draft.encoding).toBe('windows-1252');
    expect(all.drafts.find((d) => d.draft.record === 100)?.draft.text).toContain('Beschluss Nr. 100.');
    expect(parts.rejections.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^row 37 \(line 110\): 6 fields, expected 4$/),
      expect.stringMatching(/^row 71 \(line 210\): empty text$/),
    ]);
  });

  it('give the same records and line numbers as reading a JSON Lines export whole', async () => {
    const file = path.join(dir, 'export.jsonl');
    writeFileSync(file, jsonlExport(200));
    const parts = await collect(file, 'jsonl', 1024);
    expect(parts.parts).toBeGreaterThan(20);
    const all = await whole(file);
    expect(parts.drafts).toEqual(all.drafts);
    expect(parts.rejections).toEqual([
      { record: 23, reason: expect.stringMatching(/^line 23: invalid JSON/) },
    ]);
    expect(parts.drafts.at(-1)?.draft.record).toBe(200);
  });

  it('never cut a part inside a quoted field, even when a quote is never closed', () => {
    const file = path.join(dir, 'quotes.csv');
    writeFileSync(file, `${csvExport(60)}999;01.01.2016;kaputt;"nie geschlossen\n${'x'.repeat(10_000)}`);
    for (const part of exportParts(file, 'delimited', { partBytes: 1024 })) {
      const text = part.bytes.toString('latin1');
      if (part.index > 0) expect(text.startsWith('id;datum;titel;text\r\n')).toBe(true);
      expect(part.headerLines).toBe(part.index > 0 ? 1 : 0);
    }
    const buf = Buffer.from('a;"b\nc";d\ne;f\n"offen\n');
    expect(lastBoundary(buf, 'delimited')).toBe(buf.indexOf('e;f') + 4);
    expect(lastBoundary(buf, 'jsonl')).toBe(buf.length);
  });

  it('accounts for every row of a whole file read with the same reader', async () => {
    const file = path.join(dir, 'export.csv');
    const direct = await readInputFile(file, read);
    expect(direct.drafts.length + direct.rejections.length).toBe(120);
  });
});

const bin = path.join(packageRoot, 'bin', 'lokalpresse.js');
const built = existsSync(path.join(packageRoot, 'dist', 'ingest', 'export-parts.js'));

describe.skipIf(!built)('ingest of exports larger than the part size (built CLI, reader threads)', () => {
  it('writes the same articles.jsonl and rejected.csv as reading them whole', () => {
    const corpus = mkdtempSync(path.join(tmpdir(), 'lp-parts-corpus-'));
    mkdirSync(path.join(corpus, 'exporte'));
    writeFileSync(path.join(corpus, 'exporte', 'wa.csv'), iconv.encode(csvExport(300), 'windows-1252'));
    writeFileSync(path.join(corpus, 'exporte', 'wn.jsonl'), jsonlExport(300));
    const run = (env: Record<string, string>) => {
      const out = mkdtempSync(path.join(tmpdir(), 'lp-parts-out-'));
      const r = spawnSync(process.execPath, [bin, 'ingest', '--corpus', corpus, '--out', out], {
        cwd: packageRoot,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(r.status, r.stderr).toBe(0);
      return out;
    };
    const parts = run({ LOKALPRESSE_PART_BYTES: '4096', LOKALPRESSE_READ_THREADS: '2' });
    const wholeRun = run({});
    for (const file of ['articles.jsonl', 'rejected.csv']) {
      expect(readFileSync(path.join(parts, file), 'utf8'), file).toBe(
        readFileSync(path.join(wholeRun, file), 'utf8'),
      );
    }
    // 300 CSV rows less 2 rejected, 300 JSONL lines less a broken and an empty one.
    expect(readFileSync(path.join(parts, 'articles.jsonl'), 'utf8').trim().split('\n')).toHaveLength(596);
  }, 120_000);
});
