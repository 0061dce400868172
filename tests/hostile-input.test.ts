/**
 * Ingest on hostile corpora: every case runs the real ingest stage on a folder the test writes and
 * checks that the run finishes, that every input ends up as an article or as a row of rejected.csv
 * with a reason, that the good records of a damaged file are kept, and that in = out + rejected.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { runIngest } from '../src/ingest/stage.js';
import { packageRoot } from '../src/paths.js';
import type { Article } from '../src/records.js';
import { memoryLogger } from '../src/runner/log.js';
import type { StageResult } from '../src/runner/stage.js';

interface Outcome {
  result: StageResult;
  articles: Article[];
  rejected: Array<{ file: string; record: string; reason: string }>;
}

const SLOW = 180_000;

/** Writes the files (relative path -> content) into a fresh corpus folder. */
function corpus(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalpresse-hostile-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

async function ingest(corpusDir: string): Promise<Outcome> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'lokalpresse-hostile-out-'));
  const result = await runIngest({
    corpusDir,
    outDir,
    config: parseConfig({}, 'test'),
    configDir: packageRoot,
    codingsFile: null,
    log: memoryLogger(),
    articleCount: null,
  });
  const articlesText = readFileSync(path.join(outDir, 'articles.jsonl'), 'utf8').trim();
  const articles = articlesText === '' ? [] : articlesText.split('\n').map((l) => JSON.parse(l) as Article);
  const rejectedText = readFileSync(path.join(outDir, 'rejected.csv'), 'utf8').replace(/^\uFEFF/, '');
  const rejected = parse(rejectedText, { columns: true, delimiter: ';' }) as Outcome['rejected'];
  return { result, articles, rejected };
}

/** The bookkeeping every run must satisfy. */
function accountsForEverything(o: Outcome): void {
  expect(o.result.out).toBe(o.articles.length);
  expect(o.result.rejected).toBe(o.rejected.length);
  expect(o.result.in).toBe(o.result.out + o.result.rejected);
  for (const r of o.rejected) expect(r.reason.trim(), `${r.file} needs a reason`).not.toBe('');
}

const reasonOf = (o: Outcome, file: string): string | undefined =>
  o.rejected.find((r) => r.file === file)?.reason;

/** Self-written local news text, ~ n words. */
function germanText(words: number): string {
  const sentences = [
    'Der Integrationsrat der Stadt Münster hat am Dienstagabend über die Unterbringung von Geflüchteten beraten.',
    'In der Turnhalle an der Hammer Straße leben derzeit rund 120 Menschen, die meisten aus Syrien und dem Irak.',
    'Ehrenamtliche bieten zweimal in der Woche einen Sprachkurs an, die Nachfrage übersteigt das Angebot deutlich.',
    'Die Sozialdezernentin kündigte an, bis zum Frühjahr weitere Wohnungen anzumieten.',
    'Anwohner äußerten sich überwiegend positiv, einige fragten nach der Zahl der Betreuer.',
  ];
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const s = sentences[i % sentences.length] ?? '';
    out.push(s);
    n += s.split(' ').length;
  }
  return out.join(' ');
}

/** A plain-text article: headline line, blank line, body. */
const textFile = (title: string, words: number): string => `${title}\n\n${germanText(words)}\n`;

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
function randomBytes(n: number, seed: number): Buffer {
  const buf = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    buf[i] = x & 0xff;
  }
  return buf;
}

describe('ingest on hostile input', () => {
  it('rejects random bytes named .html with a reason', async () => {
    const dir = corpus({
      'zufall.html': randomBytes(64 * 1024, 7),
      'zufall-ohne-nul.html': Buffer.from(randomBytes(64 * 1024, 11).map((b) => (b === 0 ? 1 : b))),
      'gut.html': page('Sprachcafé öffnet', germanText(80)),
    });
    const o = await ingest(dir);
    accountsForEverything(o);
    expect(o.articles.map((a) => a.file)).toEqual(['gut.html']);
    expect(reasonOf(o, 'zufall.html')).toMatch(/binary|not text/);
    expect(reasonOf(o, 'zufall-ohne-nul.html')).toMatch(/binary|not text|plausible/);
  });

  it('rejects empty files of every type', async () => {
    const dir = corpus({ 'leer.html': '', 'leer.csv': '', 'leer.jsonl': '', 'leer.txt': '' });
    const o = await ingest(dir);
    accountsForEverything(o);
    expect(o.articles).toHaveLength(0);
    expect(o.rejected.map((r) => r.reason)).toEqual(['empty file', 'empty file', 'empty file', 'empty file']);
  });

  it(
    'rejects a 50 MB page with a size reason instead of parsing it',
    async () => {
      const paragraph = `<p>${germanText(60)}</p>\n`;
      const big = page('Ratsprotokoll', paragraph.repeat(Math.ceil((50 * 1024 * 1024) / paragraph.length)));
      const dir = corpus({ 'riesig.html': big, 'normal.html': page('Ratssitzung', germanText(90)) });
      const o = await ingest(dir);
      accountsForEverything(o);
      expect(o.articles.map((a) => a.file)).toEqual(['normal.html']);
      expect(reasonOf(o, 'riesig.html')).toMatch(/larger than .* MB/);
    },
    SLOW,
  );

  it(
    'survives 100,000 nested elements',
    async () => {
      const deep = `${'<div>'.repeat(100_000)}<p>${germanText(60)}</p>${'</div>'.repeat(100_000)}`;
      const deepSpans = `<p>${'<span>'.repeat(100_000)}${germanText(60)}${'</span>'.repeat(100_000)}</p>`;
      const unclosed = `<p>${'<b><i>'.repeat(50_000)}${germanText(60)}</p>`;
      const dir = corpus({
        'tief-div.html': `<html><head><title>Tief</title></head><body>${deep}</body></html>`,
        'tief-span.html': `<html><body>${deepSpans}</body></html>`,
        'offen.html': `<html><body>${unclosed}</body></html>`,
      });
      const o = await ingest(dir);
      accountsForEverything(o);
      expect(o.result.in).toBe(3);
      for (const file of ['tief-div.html', 'tief-span.html', 'offen.html']) {
        const article = o.articles.find((a) => a.file === file);
        const reason = reasonOf(o, file);
        // Either the text is recovered or the page is rejected for its nesting, never for a crash.
        if (article) expect(article.text).toContain('Integrationsrat');
        else expect(reason).toMatch(/nested/);
      }
    },
    SLOW,
  );

  it('reads invalid UTF-8 and keeps the words around the bad bytes', async () => {
    const good = Buffer.from(page('Willkommensfest in Bielefeld', germanText(60)), 'utf8');
    const broken = Buffer.concat([
      good.subarray(0, 300),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      good.subarray(300),
    ]);
    const csv = Buffer.concat([
      Buffer.from('id;title;date;text\n1;Sprachkurs startet;2016-03-01;', 'utf8'),
      Buffer.from(germanText(30), 'utf8'),
      Buffer.from([0xe2, 0x82]),
      Buffer.from(
        ' Ende.\n2;Spendenlauf;2016-03-02;Die Schüler liefen für die Flüchtlingshilfe in Dortmund.\n',
      ),
    ]);
    const o = await ingest(corpus({ 'kaputt.html': broken, 'kaputt.csv': csv }));
    accountsForEverything(o);
    expect(o.articles.find((a) => a.file === 'kaputt.html')?.text).toContain('Integrationsrat');
    expect(o.articles.filter((a) => a.file === 'kaputt.csv').map((a) => a.title)).toEqual([
      'Sprachkurs startet',
      'Spendenlauf',
    ]);
  });

  it('decodes UTF-16 with and without byte order mark', async () => {
    const text = `id\ttitle\ttext\n7\tÜbergangsheim in Altena\t${germanText(40)}\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const html = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(page('Größere Räume', germanText(50)), 'utf16le'),
    ]);
    const o = await ingest(
      corpus({
        'le.tsv': le,
        'be.tsv': be,
        'ohne-bom.tsv': Buffer.from(text, 'utf16le'),
        'seite.html': html,
      }),
    );
    accountsForEverything(o);
    for (const file of ['le.tsv', 'be.tsv', 'ohne-bom.tsv']) {
      const a = o.articles.find((x) => x.file === file);
      expect(a?.title, file).toBe('Übergangsheim in Altena');
      expect(a?.encoding, file).toMatch(/utf-?16/i);
    }
    expect(o.articles.find((a) => a.file === 'seite.html')?.title).toBe('Größere Räume');
  });

  it('keeps the good rows of a CSV with broken quoting and ragged rows', async () => {
    const body = germanText(20);
    const csv = [
      'id,title,date,text',
      `a1,Neue Kita,2016-01-04,"${body}"`,
      `a2,"Fest im ""Haus der Vielfalt""",2016-01-05,"${body}"`,
      `a3,Zu viele Felder,2016-01-06,"${body}",überzählig,noch eins`,
      `a4,Zu wenige`,
      `a5,"Offenes Anführungszeichen,2016-01-07,${body}`,
      `a6,Nach dem Fehler,2016-01-08,"${body}"`,
    ].join('\n');
    const o = await ingest(corpus({ 'export.csv': csv }));
    accountsForEverything(o);
    const ids = o.articles.map((a) => a.id);
    expect(ids).toContain('a1');
    expect(ids).toContain('a2');
    expect(o.articles.find((a) => a.id === 'a2')?.title).toBe('Fest im "Haus der Vielfalt"');
    // Every data row is accounted for, one way or the other, with its record number.
    expect(o.result.in).toBeGreaterThanOrEqual(4);
    for (const r of o.rejected) expect(r.file).toBe('export.csv');
    expect(o.rejected.length).toBeGreaterThan(0);
  });

  it('keeps the good lines of a JSONL file with a broken line', async () => {
    const line = (id: string, title: string): string =>
      JSON.stringify({ id, title, date: '2015-11-02', text: germanText(25) });
    const jsonl = [
      line('j1', 'Containerdorf geplant'),
      '{"id": "j2", "title": "abgeschnitten", "text": "Die Stadt',
      line('j3', 'Runder Tisch'),
      '[1, 2, 3]',
      '',
      line('j4', 'Patenschaften gesucht'),
    ].join('\n');
    const o = await ingest(corpus({ 'export.jsonl': jsonl }));
    accountsForEverything(o);
    expect(o.articles.map((a) => a.id)).toEqual(['j1', 'j3', 'j4']);
    expect(o.rejected.map((r) => r.record)).toEqual(expect.arrayContaining(['2', '4']));
  });

  it('rejects PDF, DOCX and other unknown types with that reason', async () => {
    const o = await ingest(
      corpus({
        'bericht.pdf': Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
        'protokoll.docx': Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(200, 3)]),
        'foto.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
        OHNE_ENDUNG: 'Die Stadt Hamminkeln lädt zur Bürgerversammlung.',
      }),
    );
    accountsForEverything(o);
    expect(o.articles).toHaveLength(0);
    expect(reasonOf(o, 'bericht.pdf')).toMatch(/unsupported file type \.pdf.*PDF/i);
    expect(reasonOf(o, 'protokoll.docx')).toMatch(/unsupported file type \.docx/);
    expect(reasonOf(o, 'foto.jpg')).toMatch(/unsupported file type \.jpg/);
    expect(reasonOf(o, 'OHNE_ENDUNG')).toMatch(/unsupported file type \(no extension\)/);
  });

  it('reports unreadable entries instead of failing or hanging', async () => {
    // Tests run as root, where chmod 000 does not stop reading; a dangling symbolic link, a link to
    // itself, a named pipe (reading it would block forever) and a folder named like a page are
    // unreadable as files for every user. chmod 000 is added when the tests do not run as root.
    const dir = corpus({ 'gut.txt': textFile('Gut lesbar', 40) });
    symlinkSync(path.join(dir, 'gibt-es-nicht.html'), path.join(dir, 'verwaist.html'));
    symlinkSync('selbst.html', path.join(dir, 'selbst.html'));
    execFileSync('mkfifo', [path.join(dir, 'rohr.html')]);
    mkdirSync(path.join(dir, 'ordner.html'));
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) {
      writeFileSync(path.join(dir, 'gesperrt.html'), page('Gesperrt', germanText(40)));
      chmodSync(path.join(dir, 'gesperrt.html'), 0);
    }
    const o = await ingest(dir);
    accountsForEverything(o);
    expect(o.articles.map((a) => a.file)).toEqual(['gut.txt']);
    expect(reasonOf(o, 'verwaist.html')).toMatch(/ENOENT|no such file/i);
    expect(reasonOf(o, 'selbst.html')).toMatch(/ELOOP|symbolic links/i);
    expect(reasonOf(o, 'rohr.html')).toMatch(/not a regular file/);
    if (!asRoot) expect(reasonOf(o, 'gesperrt.html')).toMatch(/EACCES|permission/i);
  });

  it('stops at symbolic link loops and reads each folder once', async () => {
    const dir = corpus({ 'a/bericht.txt': textFile('Bericht', 40), 'b/notiz.txt': textFile('Notiz', 30) });
    symlinkSync('..', path.join(dir, 'a', 'hoch'));
    symlinkSync(path.join(dir, 'b'), path.join(dir, 'a', 'zu-b'));
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'b', 'zu-a'));
    const o = await ingest(dir);
    accountsForEverything(o);
    expect(o.articles.map((a) => a.file).sort()).toEqual(['a/bericht.txt', 'b/notiz.txt']);
    expect(o.rejected.length).toBeGreaterThan(0);
    for (const r of o.rejected) expect(r.reason).toMatch(/already visited|inside the corpus/);
  });

  it('reads deep folders up to the limit and reports deeper ones', async () => {
    const shallow = `${Array.from({ length: 30 }, (_, i) => `e${i}`).join('/')}/tief.txt`;
    const deep = `${Array.from({ length: 150 }, () => 'x').join('/')}/zu-tief.txt`;
    const o = await ingest(corpus({ [shallow]: textFile('Tief', 40), [deep]: textFile('Zu tief', 40) }));
    accountsForEverything(o);
    expect(o.articles.map((a) => a.file)).toEqual([shallow]);
    expect(o.rejected).toHaveLength(1);
    expect(o.rejected[0]?.reason).toMatch(/nested deeper than \d+ levels/);
  });

  it('handles file names with spaces, umlauts and CSV metacharacters', async () => {
    const nfd = 'Mu\u0308nster Rathaus.txt';
    const o = await ingest(
      corpus({
        'Bürgerversammlung in Bergheim – Teil 1.html': page('Bürgerversammlung', germanText(60)),
        [nfd]: textFile('Rathaus', 40),
        'Straße; "Zitat", neu.csv': '',
        'Ärger über Lärm.jsonl': `${JSON.stringify({ title: 'Ärger über Lärm', text: germanText(30) })}\n`,
      }),
    );
    accountsForEverything(o);
    const files = o.articles.map((a) => a.file).sort();
    expect(files).toEqual(
      ['Bürgerversammlung in Bergheim – Teil 1.html', nfd, 'Ärger über Lärm.jsonl'].sort(),
    );
    expect(o.articles.find((a) => a.file === 'Ärger über Lärm.jsonl')?.id).toBe('Ärger über Lärm#1');
    expect(reasonOf(o, 'Straße; "Zitat", neu.csv')).toBe('empty file');
  });
});
