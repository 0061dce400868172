import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LinesAt } from '../src/io/lines-at.js';
import {
  indexLine,
  indexTrailer,
  lineHash,
  lineIdentities,
  openPreviousRows,
  rowHash,
  rowHashOfLines,
} from '../src/runner/row-cache.js';

const root = mkdtempSync(path.join(tmpdir(), 'lp-row-identities-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const lines = [
  '{"id":"bielefeld-001","text":"Die Stadt Bielefeld öffnet eine Notunterkunft für Geflüchtete."}',
  '{"id":"muenster-002","text":"Bürger*innen in Münster-Coerde sammeln Spenden – „ein starkes Zeichen“."}',
  `{"id":"dortmund-003","text":"${'Lange Ratsdebatte über die Unterbringung. '.repeat(40)}"}`,
  '{"id":"altena-004","text":"Altena: Integrationsrat tagt am 3. Oktober."}',
];
const content = lines.map((l) => `${l}\n`).join('');

/** Writes the output file and an index describing it; returns both paths. */
function writeWithIndex(name: string): { file: string; index: string } {
  const file = path.join(root, `${name}.jsonl`);
  const index = path.join(root, `${name}.rows`);
  writeFileSync(file, content);
  const body = lines.map((l, i) => indexLine(`row-${i}`, Buffer.byteLength(`${l}\n`), lineHash(l))).join('');
  writeFileSync(index, body + indexTrailer('schluessel', lines.length, statSync(file)));
  return { file, index };
}

describe('LinesAt', () => {
  it('reads lines by offset and length, across windows, with umlauts and lines longer than the window', () => {
    const { file } = writeWithIndex('lines-at');
    // A window of 64 bytes: the third line (about 1.8 KB) is longer, multi-byte characters straddle windows.
    const reader = new LinesAt(file, 64);
    let offset = 0;
    const read: string[] = [];
    const offsets: number[] = [];
    for (const l of lines) {
      const length = Buffer.byteLength(`${l}\n`);
      offsets.push(offset);
      read.push(reader.line(offset, length));
      offset += length;
    }
    expect(read).toEqual(lines);
    // Out of order, and a line again: the window moves back.
    expect(reader.line(offsets[1] as number, Buffer.byteLength(`${lines[1]}\n`))).toBe(lines[1]);
    expect(reader.line(offsets[0] as number, Buffer.byteLength(`${lines[0]}\n`))).toBe(lines[0]);
    expect(() => reader.line(offset, 10)).toThrow(/ended before byte/);
    reader.close();
  });
});

describe('lineIdentities', () => {
  it('gives the hashes and lengths of the lines the index describes', () => {
    const { file, index } = writeWithIndex('described');
    const found = lineIdentities(index, file);
    expect(found?.hashes).toEqual(lines.map((l) => rowHash([l])));
    expect([...(found?.lengths ?? [])]).toEqual(lines.map((l) => Buffer.byteLength(`${l}\n`)));
    // Whatever key the index was written with: the key only guards the stage's own reuse.
    expect(openPreviousRows(index, file, 'anderer-schluessel')).toEqual({
      ok: false,
      why: 'settings, data files or model changed',
    });
  });

  it('gives nothing for a replaced file, a damaged or old-format index', () => {
    const replaced = writeWithIndex('replaced');
    writeFileSync(replaced.file, content.replace('Notunterkunft', 'Notunterkunft '));
    expect(lineIdentities(replaced.index, replaced.file)).toBeNull();

    const damaged = writeWithIndex('damaged');
    writeFileSync(damaged.index, 'kaputt\n');
    expect(lineIdentities(damaged.index, damaged.file)).toBeNull();

    const old = writeWithIndex('old');
    const trailer = { format: 1, key: 'k', rows: 4, ...sizeOf(old.file) };
    const body = lines.map((l, i) => `row-${i}\t${Buffer.byteLength(`${l}\n`)}\n`).join('');
    writeFileSync(old.index, `${body}${JSON.stringify(trailer)}\n`);
    expect(lineIdentities(old.index, old.file)).toBeNull();
    expect(lineIdentities(path.join(root, 'fehlt.rows'), old.file)).toBeNull();
  });

  it('makes a row of one line known by the line hash, a row of several by the hash of their hashes', () => {
    const [a, b] = [lines[0] as string, lines[1] as string];
    expect(rowHashOfLines([lineHash(a)])).toBe(rowHash([a]));
    expect(rowHashOfLines([lineHash(a), lineHash(b)])).toBe(rowHash([lineHash(a), lineHash(b)]));
    expect(rowHashOfLines([lineHash(a), lineHash(b)])).not.toBe(rowHashOfLines([lineHash(b), lineHash(a)]));
  });
});

function sizeOf(file: string): { size: number; mtimeMs: number; ino: number } {
  const st = statSync(file);
  return { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
}
