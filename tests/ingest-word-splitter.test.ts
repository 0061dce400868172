import { describe, expect, it } from 'vitest';
import { countWords } from '../src/ingest/analyze.js';
import { createChunkCounter, createWordSplitter } from '../src/ingest/word-splitter.js';

const samples = [
  'Flüchtlinge in Mülheim an der Ruhr: 1.200 Plätze, „Willkommen“ – sagt die Bürgermeisterin!',
  '  führt  zu   Straßen\tund\nGässchen  ',
  'Emoji 🙂 zwischen Wörtern, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢-Buchstaben und ein einsames \ud800 Surrogat',
  "L'hébergement des réfugiés — d’accord? ’nen Kaffee",
  'قدمت المدينة خططا جديدة، وپیشنهاد\u200cها',
  '',
  '...!!!',
];

describe('createWordSplitter', () => {
  it('gives the same words as a split on the negated class', () => {
    for (const cls of [/[\p{L}\p{N}]/u, /[\p{L}\p{M}'’\u200c]/u]) {
      const split = createWordSplitter(cls);
      const negated = new RegExp(`[^${cls.source.slice(1, -1)}]+`, 'u');
      for (const text of samples) {
        expect(split(text), text).toEqual(text.split(negated).filter((w) => w !== ''));
      }
    }
  });

  it('keeps astral letters inside a word', () => {
    expect(createWordSplitter(/\p{L}/u)('ab𝔘𝔫c d')).toEqual(['ab𝔘𝔫c', 'd']);
  });

  it('refuses global regexes, whose lastIndex would make tests flip', () => {
    expect(() => createWordSplitter(/\p{L}/gu)).toThrow(/without g/);
  });
});

describe('countWords (ingest.min_words)', () => {
  /** The definition: whitespace-separated chunks that hold at least one letter or digit. */
  const reference = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

  it('counts whitespace-separated chunks with a letter or digit, as the plain definition does', () => {
    const awkward = [
      ...samples,
      'Am 3.\u00a0Oktober – also heute – kamen 40 Geflüchtete; „Wir schaffen das“, sagte sie … ',
      'Helfer*innen,Bürger/innen und HelferInnen:\r\n– – –\t§ 23 Abs. 1',
      '\u2003Geviert\u2009schmal\u202fschmal\u3000ideographisch\u2028Zeile\u2029Absatz',
      '¹²³ ½ ٣ 🙂🙂 x',
      '\ufeffBOM am Anfang',
    ];
    for (const text of awkward) expect(countWords(text), JSON.stringify(text)).toBe(reference(text));
  });

  it('counts chunks by any character class it is given', () => {
    const letters = createChunkCounter(/\p{L}/u);
    expect(letters('40 Plätze, 12 Betten und 3 Container')).toBe(4);
  });
});
