import { describe, expect, it } from 'vitest';
import { compileDictionary, createDictionarySet, findHits, hitsInEach } from '../src/dictionary/index.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const query = compileDictionary(
  {
    fluechtlinge: ['flüchtling*', 'geflüchtete*', 'asylbewerber*', 'schutzsuchende'],
    unterkunft: ['*unterkunft'],
  },
  { compounds: true },
);
const actors = compileDictionary(
  {
    verwaltung: ['stadtverwaltung', 'sozialdezernent*', 'bürgermeister*'],
    parteien: ['=AfD', '=Grüne*', 'spd'],
    ehrenamt: ['helfer', 'ehrenamt*', 'runde* tisch'],
  },
  { compounds: true },
);
const codebook = compileDictionary(
  { wohnen: ['*unterkunft', 'wohnung*', 'turnhalle*'], sprache: ['sprachkurs*', 'deutsch kurs*', '*kurs*'] },
  { compounds: true },
);
const targets = compileDictionary({ ziel: ['flüchtling*', 'geflüchtete*', '=Asylbewerber'] });

const text = `Der Runde Tisch Flüchtlingshilfe traf sich im Rathaus. Bürgermeisterin Müller (SPD) dankte den Helfer*innen.
Die AfD kritisierte die Flüchtlings-Unterkunft; die Grünen und die afd-nahe Liste stritten über Sprachkurse.
Asylbewerber und asylbewerber: 120 Schutzsuchende wohnen in der Turnhalle, ab Mai in Wohnungen.
Kein Treffer hier.`;

describe('hitsInEach', () => {
  const set = createDictionarySet([query, actors, codebook, targets]);

  it('gives each dictionary the hits that findHits gives it', () => {
    for (const sentence of tokenizeGerman(text)) {
      const each = hitsInEach(set, sentence);
      expect(each).toEqual([query, actors, codebook, targets].map((d) => findHits(d, sentence)));
    }
  });

  it('finds phrases, compounds and case-sensitive patterns in their own dictionary only', () => {
    const keys = tokenizeGerman(text).map((s) => hitsInEach(set, s).map((hits) => hits.map((h) => h.key)));
    expect(keys).toEqual([
      [['fluechtlinge'], ['ehrenamt'], [], ['ziel']],
      [[], ['verwaltung', 'parteien', 'ehrenamt'], [], []],
      [['fluechtlinge', 'unterkunft'], ['parteien', 'parteien'], ['wohnen', 'sprache'], ['ziel']],
      // `=Asylbewerber` is case-sensitive: the lower-case repetition counts only for the query.
      [['fluechtlinge', 'fluechtlinge', 'fluechtlinge'], [], ['wohnen', 'wohnen'], ['ziel']],
      [[], [], [], []],
    ]);
  });

  it('answers the same on repeated words (cached) and on empty input', () => {
    const [first] = tokenizeGerman(text);
    const once = hitsInEach(set, first ?? []);
    expect(hitsInEach(set, first ?? [])).toEqual(once);
    expect(hitsInEach(set, [])).toEqual([[], [], [], []]);
  });
});
