import { describe, expect, it } from 'vitest';
import { createKeyness } from '../src/aggregate/keyness.js';
import { NormTable } from '../src/aggregate/norm-table.js';
import { forEachContentNorm, hashRange } from '../src/aggregate/packed-norms.js';
import { contentWords, encodeTokens } from '../src/io/tokens-codec.js';
import type { Token } from '../src/records.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const packed = (sentences: Token[][]): string =>
  (JSON.parse(encodeTokens({ id: 'x', sentences })) as { s: string }).s;

/** What forEachContentNorm visits, as strings, with its word count. */
function visited(s: string): { words: number; norms: string[] } {
  const norms: string[] = [];
  const words = forEachContentNorm(s, (start, end, hash) => {
    expect(hash).toBe(hashRange(s, start, end));
    norms.push(s.slice(start, end));
  });
  return { words, norms };
}

const texts = [
  'In Hamminkeln haben Ehrenamtliche 2016 einen Runden Tisch gegründet. Die Flüchtlingshilfe, u. a. von der Caritas getragen, sucht Wohnungen für 120 Geflüchtete.',
  '„Wir schaffen das“, sagte die Bürgermeisterin. Bürger*innen können sich im Rathaus melden – z. B. montags.\n\nDANACH: Fragen?',
  'Der SC Preußen Münster gewinnt das Derby mit 2:1. Öffnungszeiten: Mo.–Fr. 8–12 Uhr.',
  '',
];

describe('content words read in place from the packed tokens', () => {
  for (const text of texts) {
    it(`visits what contentWords returns: ${text.slice(0, 30) || '(empty)'}`, () => {
      const s = packed(tokenizeGerman(text));
      expect(visited(s)).toEqual(contentWords({ id: 'x', s }));
    });
  }

  it('handles hand-made tokens: own norms, own stems, norm equal to the text, empty sentences', () => {
    const t = (text: string, norm: string, stem: string, word = true, stop = false): Token => ({
      text,
      norm,
      stem,
      word,
      stop,
    });
    const sentences: Token[][] = [
      [
        t('Geflüchtete', 'geflüchtete', 'gefluchtet'),
        t('die', 'die', 'die', true, true),
        t('.', '.', '.', false),
      ],
      [],
      [t('Asyl', 'Asyl', 'asyl'), t('Heime', 'heime', 'heime'), t('Ämter', 'ämter', 'ämter')],
      [t('x', 'x', 'x')],
    ];
    const s = packed(sentences);
    expect(s).toContain('\t\t');
    const result = visited(s);
    expect(result).toEqual(contentWords({ id: 'x', s }));
    expect(result.norms).toEqual(['geflüchtete', 'Asyl', 'heime', 'ämter', 'x']);
    expect(result.words).toBe(6);
  });

  it('counts keyness from the packed string as from the norms', () => {
    const quick = createKeyness();
    const slow = createKeyness();
    texts.forEach((text, i) => {
      const s = packed(tokenizeGerman(text));
      const place = i % 2 === 0 ? 'Hamminkeln' : null;
      quick.addPacked(place, s);
      const c = contentWords({ id: 'x', s });
      slow.addWords(place, c.words, c.norms);
    });
    expect(quick.counts()).toEqual(slow.counts());
    expect(quick.counts().get('Hamminkeln')?.terms.get('geflüchtete')).toBe(1);
    expect(quick.counts().get('Hamminkeln')?.terms.has('120')).toBe(false);
  });
});

describe('NormTable', () => {
  it('numbers each string once, looked up from ranges of other strings, past many rehashes', () => {
    const seen: string[] = [];
    const table = new NormTable((text) => seen.push(text) - 1);
    const words = Array.from({ length: 5000 }, (_, i) => `wort${i}ä`);
    const line = words.join(' ');
    let at = 0;
    for (const w of words) {
      expect(table.lookup(line, at, at + w.length)).toBe(seen.length - 1);
      at += w.length + 1;
    }
    expect(table.size).toBe(5000);
    // Every word again, as a string of its own: the same numbers, nothing new.
    for (const [i, w] of words.entries()) expect(table.lookup(w, 0, w.length)).toBe(i);
    expect(seen).toEqual(words);
    expect(table.lookup('', 0, 0)).toBe(5000);
    expect(table.lookup('wort1', 0, 5)).toBe(5001);
  });
});
