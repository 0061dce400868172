import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../src/io/jsonl.js';
import { findCut, readLineBatches, readLines, readRawLineBatches, zipLines } from '../src/io/lines.js';
import { lineId, zipJsonl, zipJsonlLines } from '../src/io/zip-jsonl.js';

const dir = mkdtempSync(path.join(tmpdir(), 'lp-lines-'));
let counter = 0;
function fileWith(content: string | Buffer): string {
  counter += 1;
  const file = path.join(dir, `f${counter}.txt`);
  writeFileSync(file, content);
  return file;
}

async function collect<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

/** What node's readline made of the file (the reader these functions replaced), blank lines dropped. */
async function viaReadline(file: string): Promise<string[]> {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const out: string[] = [];
  for await (const line of rl) if (line.trim() !== '') out.push(line);
  return out;
}

const CHUNKS = [1, 2, 3, 5, 7, 16, 64, 1 << 20];

const awkward: Array<[string, string]> = [
  ['plain', 'Altena\nBergheim\nBielefeld\n'],
  ['no final newline', 'Dortmund\nHamminkeln'],
  ['CRLF', 'Mülheim an der Ruhr\r\nMünster\r\nNordkirchen\r\n'],
  ['blank and whitespace lines', '\n\nErste Zeile\n   \n\t\r\n\u00a0\nZweite Zeile\n\n'],
  ['lone carriage return', 'Flüchtlinge\rGeflüchtete\r\nAsylbewerber'],
  ['empty file', ''],
  ['byte order mark', '\uFEFFErste Zeile\n\uFEFF\nZweite Zeile\n'],
  ['only line feeds', '\n\n\n'],
  ['umlauts, quotes and emoji', '„Willkommen“ in Größe\n€ 5 für Straßenfeste 🎉\nÄÖÜäöüß\n'],
];

describe('readLines', () => {
  for (const [name, content] of awkward) {
    it(`reads ${name} like readline did, whatever the chunk size`, async () => {
      const file = fileWith(content);
      const expected = await viaReadline(file);
      for (const chunkSize of CHUNKS) expect(await collect(readLines(file, { chunkSize }))).toEqual(expected);
    });
  }

  it('skips blank lines and strips CRLF', async () => {
    const file = fileWith('\r\nDie Stadt Altena\r\n\r\n  \r\nnimmt Geflüchtete auf\r\n');
    expect(await collect(readLines(file, { chunkSize: 4 }))).toEqual([
      'Die Stadt Altena',
      'nimmt Geflüchtete auf',
    ]);
  });

  it('keeps a multi-byte character split across chunks whole', async () => {
    // "ü" is two bytes, "„" three, "🎉" four: at chunk sizes 1–5 every one of them is cut somewhere.
    const text = 'Bürgermeister „Über“ 🎉 Flüchtlingsunterkünfte';
    const file = fileWith(`${text}\n${text}`);
    for (const chunkSize of [1, 2, 3, 4, 5, 6]) {
      const lines = await collect(readLines(file, { chunkSize }));
      expect(lines).toEqual([text, text]);
      expect(lines.join('')).not.toContain('\ufffd');
    }
  });

  it('reads a line many chunks long in one piece', async () => {
    const long = 'Unterbringung der Asylsuchenden in der Turnhalle. '.repeat(2000);
    const file = fileWith(`kurz\n${long}\nEnde\n`);
    const lines = await collect(readLines(file, { chunkSize: 64 }));
    expect(lines).toEqual(['kurz', long, 'Ende']);
  });

  it('yields one batch per chunk read, each with at least one line', async () => {
    const file = fileWith('eins\nzwei\ndrei\nvier\n\n\n\nfünf\n');
    const batches = await collect(readLineBatches(file, { chunkSize: 10 }));
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(b.length).toBeGreaterThan(0);
    expect(batches.flat()).toEqual(['eins', 'zwei', 'drei', 'vier', 'fünf']);
  });

  it('keeps blank lines in the raw batches (for line numbers)', async () => {
    const file = fileWith('a\n\nb\r\n');
    expect((await collect(readRawLineBatches(file, { chunkSize: 2 }))).flat()).toEqual(['a', '', 'b']);
  });

  it('decodes invalid UTF-8 the way the stream decoder did', async () => {
    const file = fileWith(Buffer.from([0x41, 0xc3, 0x0a, 0xff, 0x42, 0x0a, 0xe2, 0x80]));
    const expected = await viaReadline(file);
    for (const chunkSize of [1, 2, 3, 1024])
      expect(await collect(readLines(file, { chunkSize }))).toEqual(expected);
  });

  it('fails on a missing file', async () => {
    await expect(collect(readLines(path.join(dir, 'fehlt.jsonl')))).rejects.toThrow(/ENOENT/);
  });
});

describe('zipLines', () => {
  it('reads files side by side, each in its own chunks', async () => {
    const a = fileWith('{"id":"a1"}\n{"id":"a2"}\n{"id":"a3"}\n');
    const b = fileWith('\r\n1\r\n\r\n2\r\n3');
    const rows = await collect(zipLines([a, b], { chunkSize: 3 }));
    expect(rows).toEqual([
      ['{"id":"a1"}', '1'],
      ['{"id":"a2"}', '2'],
      ['{"id":"a3"}', '3'],
    ]);
  });

  it('throws when one file ends first, naming the row', async () => {
    const a = fileWith('x\ny\nz\n');
    const b = fileWith('x\ny\n');
    for (const chunkSize of [1, 1024]) {
      await expect(collect(zipLines([a, b], { chunkSize }))).rejects.toThrow(
        `${a}, ${b}: the files hold different numbers of articles (at article 3); re-run the earlier stages`,
      );
    }
  });

  it('ends at once for empty files', async () => {
    expect(await collect(zipLines([fileWith(''), fileWith('\n')]))).toEqual([]);
  });

  it('lets the consumer stop early', async () => {
    const a = fileWith('1\n2\n3\n');
    const b = fileWith('1\n2\n3\n');
    const seen: string[] = [];
    for await (const [x] of zipLines([a, b], { chunkSize: 2 })) {
      seen.push(x as string);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['1', '2']);
  });
});

describe('zipJsonl and readJsonl', () => {
  it('checks that the ids line up', async () => {
    const a = fileWith('{"id":"a1"}\n{"id":"a2"}\n');
    const b = fileWith('{"id":"a1"}\n{"id":"a3"}\n');
    await expect(collect(zipJsonl<[{ id: string }, { id: string }]>([a, b]))).rejects.toThrow(
      `${path.basename(a)}, ${path.basename(b)}: article "a3" where "a2" was expected; re-run the earlier stages`,
    );
  });

  it('parses the records of several files', async () => {
    const a = fileWith('{"id":"a1","ort":"Altena"}\n{"id":"a2","ort":"Münster"}\n');
    const b = fileWith('{"id":"a1","n":1}\r\n{"id":"a2","n":2}');
    expect(await collect(zipJsonl<[{ ort: string }, { n: number }]>([a, b], { chunkSize: 5 }))).toEqual([
      [
        { id: 'a1', ort: 'Altena' },
        { id: 'a1', n: 1 },
      ],
      [
        { id: 'a2', ort: 'Münster' },
        { id: 'a2', n: 2 },
      ],
    ]);
  });

  it('reads records and names the line of a broken one, blank lines counted', async () => {
    const file = fileWith('{"ort":"Bergheim"}\n\n{"ort":"Bielefeld"}\n{"ort": kaputt}\n');
    for (const chunkSize of [3, 1024]) {
      const seen: unknown[] = [];
      await expect(
        (async () => {
          for await (const r of readJsonl(file, { chunkSize })) seen.push(r);
        })(),
      ).rejects.toThrow(`${file}, line 4: not valid JSON`);
      expect(seen).toEqual([{ ort: 'Bergheim' }, { ort: 'Bielefeld' }]);
    }
  });
});

describe('findCut', () => {
  it('finds the line boundary at or after a byte offset, counting lines on the bytes', async () => {
    const file = fileWith('{"a":1}\n\n{"b":"Größe"}\n{"c":3}');
    for (const chunkSize of [1, 3, 1024]) {
      expect(await findCut(file, (c) => c.offset >= 5, { chunkSize })).toEqual({ offset: 8, lines: 1 });
      expect(await findCut(file, (c) => c.offset >= 9, { chunkSize })).toEqual({ offset: 9, lines: 1 });
      expect(await findCut(file, (c) => c.lines >= 2, { chunkSize })).toEqual({ offset: 25, lines: 2 });
      // Never: the end of the file, its last line counted without a final line feed.
      expect(await findCut(file, () => false, { chunkSize })).toEqual({ offset: 32, lines: 3 });
    }
  });

  it('gives up where readers could count differently', async () => {
    expect(await findCut(fileWith('{"a":1}\r\n{"b":2}\r\n'), () => false)).toBeNull();
    expect(await findCut(fileWith('{"a":1}\n   \n{"b":2}\n'), () => false)).toBeNull();
    expect(await findCut(fileWith('{"a":1}\n\u00a0\n'), () => false)).toBeNull();
  });

  it('reads lines from the cut on, as zipLines does for a later part', async () => {
    const a = fileWith('{"id":1}\n{"id":2}\n{"id":3}\n');
    const b = fileWith('\n{"id":1}\n{"id":2}\n{"id":3}');
    const ca = await findCut(a, (c) => c.lines >= 2);
    const cb = await findCut(b, (c) => c.lines >= 2);
    expect(await collect(readLines(a, { start: ca?.offset ?? 0 }))).toEqual(['{"id":3}']);
    expect(await collect(readLines(a, { start: 0, end: ca?.offset ?? 0, chunkSize: 3 }))).toEqual([
      '{"id":1}',
      '{"id":2}',
    ]);
    const rows = await collect(
      zipLines([a, b], { ranges: [{ start: ca?.offset ?? 0 }, { start: cb?.offset ?? 0 }], rowsBefore: 2 }),
    );
    expect(rows).toEqual([['{"id":3}', '{"id":3}']]);
  });
});

describe('lineId and zipJsonlLines', () => {
  it('reads the id from the start of a line, or parses the line when it must', () => {
    expect(lineId('{"id":"münster-12","text":"Die Stadt…"}')).toBe('münster-12');
    expect(lineId('{"id":"a\\"b","s":""}')).toBe('a"b');
    expect(lineId('{"id":"a\\\\","s":"x"}')).toBe('a\\');
    expect(lineId('{"words":3,"id":"später"}')).toBe('später');
    expect(lineId('{ "id": "mit Leerzeichen" }')).toBe('mit Leerzeichen');
  });

  it('yields the lines of rows whose ids line up, and names the files when they do not', async () => {
    const a = fileWith('{"id":"a1","ort":"Altena"}\n{"id":"a2","ort":"Münster"}\n');
    const b = fileWith('{"id":"a1","n":1}\n{"id":"a2","n":2}\n');
    expect(await collect(zipJsonlLines([a, b]))).toEqual([
      ['{"id":"a1","ort":"Altena"}', '{"id":"a1","n":1}'],
      ['{"id":"a2","ort":"Münster"}', '{"id":"a2","n":2}'],
    ]);
    const c = fileWith('{"id":"a1"}\n{"id":"a3"}\n');
    await expect(collect(zipJsonlLines([a, c]))).rejects.toThrow(
      `${path.basename(a)}, ${path.basename(c)}: article "a3" where "a2" was expected; re-run the earlier stages`,
    );
  });
});
