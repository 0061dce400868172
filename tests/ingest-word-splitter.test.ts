import { describe, expect, it } from 'vitest';
import { createWordSplitter } from '../src/ingest/word-splitter.js';

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
