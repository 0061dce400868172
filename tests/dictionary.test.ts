import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDictionary, countHits, findHits, loadDictionary } from '../src/dictionary/index.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const tokens = (text: string) => tokenizeGerman(text).flat();

const spec = {
  fluechtlinge: ['flüchtling*', 'geflüchtete*', 'flüchtlinge'],
  unterkunft: ['*unterkunft', '*unterkünfte'],
  heim: ['*heim*'],
  gremien: ['runder tisch', 'runde* tisch*', 'rat der stadt'],
  helfer: ['helfer', 'ehrenamt*'],
  partei: ['=AfD', '=Grüne*'],
  affix: ['flücht*heim'],
};

describe('findHits', () => {
  const dict = compileDictionary(spec);

  it('matches prefix, suffix and infix globs on norms', () => {
    const hits = findHits(dict, tokens('Die Flüchtlinge zogen in die Notunterkunft, das Wohnheim ist voll.'));
    const keys = hits.map((h) => `${h.key}:${h.start}`);
    expect(keys).toContain('fluechtlinge:1');
    expect(keys).toContain('unterkunft:5');
    expect(keys).toContain('heim:8');
  });

  it('counts a key once per token even when several of its patterns match', () => {
    const hits = findHits(dict, tokens('Flüchtlinge'));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ key: 'fluechtlinge', start: 0, end: 1 });
  });

  it('matches phrases over consecutive tokens, incl. globs inside phrases', () => {
    const t = tokens('Der Runde Tisch tagte. Am runden Tischen saß der Rat der Stadt.');
    const hits = findHits(dict, t).filter((h) => h.key === 'gremien');
    expect(hits.map((h) => [h.start, h.end])).toEqual([
      [1, 3],
      [6, 8],
      [10, 13],
    ]);
    expect(findHits(dict, tokens('Der Tisch war rund.')).filter((h) => h.key === 'gremien')).toEqual([]);
  });

  it('matches all gender variants through unified norms', () => {
    const t = tokens('Helfer*innen, Helfer:innen, HelferInnen und Helferinnen kamen mit Geflüchtete*n.');
    const c = countHits(dict, [t]);
    expect(c.helfer).toBe(4);
    expect(c.fluechtlinge).toBe(1);
  });

  it('matches case-sensitive patterns against the surface text only', () => {
    const c = countHits(dict, [tokens('Die AfD und die Grünen stritten, die afd-Wähler nicht.')]);
    expect(c.partei).toBe(2);
  });

  it('matches start*end globs', () => {
    expect(countHits(dict, [tokens('Das Flüchtlingsheim und das Heim.')]).affix).toBe(1);
  });

  it('returns every key in countHits, with zero for absent ones', () => {
    const c = countHits(dict, []);
    expect(Object.keys(c).sort()).toEqual(Object.keys(spec).sort());
    expect(Object.values(c).every((v) => v === 0)).toBe(true);
  });
});

describe('compounds', () => {
  const words = { unterkunft: ['unterkunft'], flucht: ['flüchtling'], asyl: ['asyl*'], rat: ['rat'] };

  it('lets literal words match compound heads and modifiers only with the option', () => {
    const t = tokens('Die Flüchtlingsunterkunft am Stadtrand');
    expect(countHits(compileDictionary(words), [t])).toMatchObject({ unterkunft: 0, flucht: 0 });
    expect(countHits(compileDictionary(words, { compounds: true }), [t])).toMatchObject({
      unterkunft: 1,
      flucht: 1,
    });
  });

  it('matches parts of hyphenated compounds', () => {
    const t = tokens('Die Flüchtlings-Unterkunft und die Erst-Asyl-Stelle');
    const c = countHits(compileDictionary(words, { compounds: true }), [t]);
    expect(c).toMatchObject({ unterkunft: 1, flucht: 1, asyl: 1 });
  });

  it('does not let short words or short remainders match inside other words', () => {
    const d = compileDictionary({ kritik: ['kritik'], rat: ['rat'] }, { compounds: true });
    const c = countHits(d, [tokens('Der Kritiker heiratet, der Stadtrat berät.')]);
    expect(c).toMatchObject({ kritik: 0, rat: 0 });
  });
});

describe('loadDictionary', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dict-'));

  it('reads quanteda-style YAML with nested keys flattened', () => {
    const f = path.join(dir, 'd.yml');
    writeFileSync(
      f,
      'migration:\n  - migrant*\n  - zuwander*\nakteure:\n  polizei:\n    - polizei*\n  kirche:\n    - kirchengemeinde*\n    - pfarrer\n',
    );
    expect(loadDictionary(f)).toEqual({
      migration: ['migrant*', 'zuwander*'],
      'akteure.polizei': ['polizei*'],
      'akteure.kirche': ['kirchengemeinde*', 'pfarrer'],
    });
  });

  it('reads LIWC .dic files', () => {
    const f = path.join(dir, 'd.dic');
    writeFileSync(
      f,
      '%\n1\tposemo\n2\tnegemo\n%\nfreude*\t1\nangst\t2\nhoffnungslos\t2 1\nrunder tisch\t1\n',
    );
    expect(loadDictionary(f)).toEqual({
      posemo: ['freude*', 'hoffnungslos', 'runder tisch'],
      negemo: ['angst', 'hoffnungslos'],
    });
  });

  it('reads CSV and TSV with or without a header', () => {
    const c = path.join(dir, 'd.csv');
    writeFileSync(c, 'category,pattern\nschule,schul*\nschule,"kita*"\nsport,fußball*\n');
    expect(loadDictionary(c)).toEqual({ schule: ['schul*', 'kita*'], sport: ['fußball*'] });
    const t = path.join(dir, 'd.tsv');
    writeFileSync(t, 'schule\tschul*\nsport\tturnhalle\n');
    expect(loadDictionary(t)).toEqual({ schule: ['schul*'], sport: ['turnhalle'] });
  });

  it('tells the lines of .dic, .csv and .tsv files it skips, with their line numbers', () => {
    const skippedIn = (file: string, text: string): { spec: unknown; lines: string[] } => {
      const f = path.join(dir, file);
      writeFileSync(f, text);
      const lines: string[] = [];
      const spec = loadDictionary(f, (line, why) => lines.push(`${line}: ${why}`));
      return { spec, lines };
    };
    const dic = skippedIn('kaputt.dic', '%\n1\tposemo\n%\nfreude*\t1\nangst\t7\nhoffnung\n');
    expect(dic.spec).toEqual({ posemo: ['freude*'] });
    expect(dic.lines).toEqual([
      '5: category 7 of "angst" is not declared between the % lines',
      '6: "hoffnung" has no category number',
    ]);
    // After a quoted field over two lines, the rows below keep their line numbers.
    const csv = skippedIn(
      'kaputt.csv',
      'kategorie,muster\nschule,schul*\nkita*\n\nsport,"fußball\nverein"\nsport\n,turnhalle\n',
    );
    expect(csv.spec).toEqual({ schule: ['schul*'], sport: ['fußball\nverein'] });
    expect(csv.lines).toEqual([
      '3: needs a category and a pattern, separated by ","',
      '7: needs a category and a pattern, separated by ","',
      '8: needs a category and a pattern, separated by ","',
    ]);
    const tsv = skippedIn('kaputt.tsv', 'schule schul*\nsport\tturnhalle\n');
    expect(tsv.spec).toEqual({ sport: ['turnhalle'] });
    expect(tsv.lines).toEqual(['1: needs a category and a pattern, separated by "tab"']);
  });

  it('rejects unknown formats and broken LIWC files', () => {
    const f = path.join(dir, 'd.txt');
    writeFileSync(f, 'x');
    expect(() => loadDictionary(f)).toThrow(/unknown dictionary format/);
    const g = path.join(dir, 'e.dic');
    writeFileSync(g, 'freude\t1\n');
    expect(() => loadDictionary(g)).toThrow(/LIWC/);
  });
});
