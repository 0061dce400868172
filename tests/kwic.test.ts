import { describe, expect, it } from 'vitest';
import { joinTokens, KWIC_COLUMNS, kwicLines } from '../src/aggregate/kwic.js';
import type { Token } from '../src/records.js';

/** Hand-made tokens: space-separated; tokens without a letter or digit are punctuation. */
function tokens(text: string): Token[] {
  return text.split(' ').map((w) => {
    const word = /[\p{L}\p{N}]/u.test(w);
    return { text: w, norm: w.toLowerCase(), stem: w.toLowerCase(), stop: !word, word };
  });
}

const isTarget = (t: Token): boolean => /^(flüchtling|geflüchtete|asylbewerber)/.test(t.norm);
const article = { id: 'wr-2016-0412', date: '2016-04-12', municipality: 'Hamminkeln' };

describe('kwic', () => {
  it('cuts windows inside the sentence and writes punctuation the German way', () => {
    const sentences = [
      tokens(
        'Im Rathaus sagte die Bürgermeisterin : „ Die Geflüchteten sind willkommen “ , und viele nickten .',
      ),
      tokens('Asylbewerber warten ( seit Monaten ) auf Termine .'),
    ];
    const rows = kwicLines(article, sentences, isTarget, 4);
    expect(rows).toEqual([
      [
        'wr-2016-0412',
        '2016-04-12',
        'Hamminkeln',
        'Bürgermeisterin: „Die',
        'Geflüchteten',
        'sind willkommen“,',
      ],
      ['wr-2016-0412', '2016-04-12', 'Hamminkeln', '', 'Asylbewerber', 'warten (seit Monaten'],
    ]);
    expect(rows[0]).toHaveLength(KWIC_COLUMNS.length);
  });

  it('uses eight tokens by default and finds several keywords in one sentence', () => {
    const s = tokens(
      'Nach Angaben der Stadt leben derzeit 312 Flüchtlinge in Hamminkeln , davon 40 Geflüchtete in Wohnungen .',
    );
    const rows = kwicLines({ ...article, date: null, municipality: null }, [s], isTarget);
    expect(rows.map((r) => r[4])).toEqual(['Flüchtlinge', 'Geflüchtete']);
    expect(rows[0]?.[3]).toBe('Nach Angaben der Stadt leben derzeit 312');
    expect(rows[0]?.[5]).toBe('in Hamminkeln, davon 40 Geflüchtete in Wohnungen');
    expect(rows[1]?.[3]).toBe('derzeit 312 Flüchtlinge in Hamminkeln, davon 40');
    expect(rows[1]?.[5]).toBe('in Wohnungen.');
    expect(rows[0]?.[1]).toBeNull();
  });

  it('returns no lines without a target term and joins an empty list to an empty string', () => {
    expect(kwicLines(article, [tokens('Der Stadtrat tagt am Dienstag .')], isTarget)).toEqual([]);
    expect(joinTokens([])).toBe('');
    expect(joinTokens(tokens('Kosten : 1,2 Mio . Euro !'))).toBe('Kosten: 1,2 Mio. Euro!');
  });
});
