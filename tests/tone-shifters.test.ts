import { describe, expect, it } from 'vitest';
import { loadToneLexicon, scoreTone, type ToneOptions } from '../src/score/tone/index.js';
import { isIncreasing, parseShifters, shifterKind } from '../src/score/tone/shifters.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const lexicon = loadToneLexicon({ builtin: true, files: [] });
const opts: ToneOptions = { neutralBand: [-0.3, 0.09] };
const off: ToneOptions = { ...opts, shifters: false };
const tone = (text: string, o: ToneOptions = opts) => scoreTone(tokenizeGerman(text), lexicon, o);
const terms = (text: string, o: ToneOptions = opts) =>
  Object.fromEntries(tone(text, o).terms.map((t) => [t.term, t.weight]));

describe('polarity shifters', () => {
  it('a noun of decrease reverses the negative word of its genitive', () => {
    const text = 'Die Stadt Bergheim meldet einen Rückgang der Arbeitslosigkeit um drei Prozent.';
    expect(tone(text, off).label).toBe('negative');
    const shifted = terms(text);
    expect(shifted['Rückgang+Arbeitslosigkeit']).toBeGreaterThan(0);
    // The pair is judged as one: neither word counts on its own any more.
    expect(shifted.Rückgang).toBeUndefined();
    expect(shifted.Arbeitslosigkeit).toBeUndefined();
    expect(tone(text).label).toBe('positive');
  });

  it('a noun of loss turns a positive word negative', () => {
    const text = 'Der Flüchtlingsrat beklagt den Verlust des Vertrauens in die Ausländerbehörde.';
    const shifted = terms(text);
    expect(shifted['Verlust+Vertrauens']).toBeLessThan(0);
    expect(shifted.Verlust).toBeUndefined();
    expect(terms(text, off).Vertrauens).toBeGreaterThan(0);
  });

  it('a verb governs the noun before it when the verb ends the clause', () => {
    const text = 'In Altena ist die Arbeitslosigkeit im vergangenen Jahr deutlich gesunken.';
    expect(terms(text)['gesunken+Arbeitslosigkeit']).toBeGreaterThan(0);
    expect(tone(text).label).toBe('positive');
    expect(
      terms('Der Streit um die Unterkunft wurde am Montag beigelegt.')['beigelegt+Streit'],
    ).toBeGreaterThan(0);
  });

  it('going back, a verb governs the head noun, not its genitive attribute', () => {
    const t = terms('Die Behörden haben eine Eskalation des Konflikts in der Unterkunft vermieden.');
    expect(t['vermieden+Eskalation']).toBeGreaterThan(0);
    // Without a polar head the attribute is what changes: fewer victims is good news.
    expect(terms('Die Zahl der Opfer ist im Kreis gesunken.')['gesunken+Opfer']).toBeGreaterThan(0);
  });

  it('a verb governs the noun after it', () => {
    const text = 'In Dortmund verhinderte die Polizei einen Anschlag auf die Notunterkunft.';
    expect(terms(text)['verhinderte+Anschlag']).toBeGreaterThan(0);
    expect(terms(text, off).Anschlag).toBeLessThan(0);
  });

  it('a separable verb shifts when its particle ends the clause', () => {
    const denied = 'Der Bürgermeister von Nordkirchen weist die Vorwürfe zurück.';
    expect(terms(denied)['weist zurück+Vorwürfe']).toBeGreaterThan(0);
    expect(terms(denied, off).Vorwürfe).toBeLessThan(0);
    const fewer = 'Die Arbeitslosigkeit in Bielefeld geht deutlich zurück.';
    expect(terms(fewer)['geht zurück+Arbeitslosigkeit']).toBeGreaterThan(0);
    // Without its particle at the end of the clause the verb is no shifter.
    const walks = 'Der Streit geht weiter, sagt der Sprecher.';
    expect(terms(walks).Streit).toBeLessThan(0);
    expect(
      terms('Der Sprecher weist die Vorwürfe nicht zurück.')['nicht weist zurück+Vorwürfe'],
    ).toBeLessThan(0);
  });

  it('a negated shifter leaves the word its own polarity', () => {
    const failed = 'Die Polizei konnte den Anschlag auf das Heim nicht verhindern.';
    expect(terms(failed)['nicht verhindern+Anschlag']).toBeLessThan(0);
    expect(tone(failed).label).toBe('negative');
    // `kein` reaches the governed word too; it must not count as a negated (positive) Arbeitslosigkeit.
    const none = 'Im Kreis gibt es keinen Rückgang der Arbeitslosigkeit.';
    expect(terms(none)['nicht Rückgang+Arbeitslosigkeit']).toBeLessThan(0);
    expect(tone(none).label).not.toBe('positive');
    expect(tone('Die Gefahr ist noch nicht gebannt.').label).toBe('negative');
  });

  it('an attribute of decrease or lack shifts the noun it modifies', () => {
    const better = 'Die sinkende Arbeitslosigkeit in Hamminkeln freut den Bürgermeister.';
    expect(terms(better)['sinkende+Arbeitslosigkeit']).toBeGreaterThan(0);
    expect(terms(better, off).Arbeitslosigkeit).toBeLessThan(0);
    // Also at the start of a sentence, where the attribute is capitalized.
    const worse = 'Mangelnde Hilfe für die Geflüchteten wird im Stadtrat kritisiert.';
    expect(terms(worse)['Mangelnde+Hilfe']).toBeLessThan(0);
    expect(tone(worse).label).toBe('negative');
    expect(tone(worse, off).label).not.toBe('negative');
  });

  it('`gegen` reverses the bad things a phrase opposes, not the good ones of a contest', () => {
    const sign = 'Die Kundgebung in Mülheim an der Ruhr war ein Zeichen gegen Rassismus und Hass.';
    expect(terms(sign)['gegen+Rassismus']).toBeGreaterThan(0);
    expect(terms(sign, off).Rassismus).toBeLessThan(0);
    const list = terms(
      'Der Sponsorenlauf der Gesamtschule in Bergheim richtet sich gegen Mobbing, Gewalt und Ausgrenzung.',
    );
    expect(list['gegen+Ausgrenzung']).toBeGreaterThan(0);
    expect(list['gegen+Gewalt']).toBeGreaterThan(0);
    // A comma that ends the phrase starts no list.
    expect(terms('Der Protest richtet sich gegen Gewalt, Krieg ist keine Lösung.').Krieg).toBeLessThan(0);
    const contest = 'Am Samstag spielt der Verein gegen den Tabellenführer.';
    expect(terms(contest).Tabellenführer).toBeGreaterThan(0);
    expect(tone(contest).terms).toEqual(tone(contest, off).terms);
  });

  it('a noun phrase is shifted up to its head noun', () => {
    const t = terms('Die Ärztin warnt vor einem Mangel an guter Hilfe für traumatisierte Kinder.');
    expect(t['Mangel+guter']).toBeLessThan(0);
    expect(t['Mangel+Hilfe']).toBeLessThan(0);
    expect(t.Mangel).toBeUndefined();
  });

  it('an attribute reaches only the noun after it', () => {
    // `fehlenden Mitteln`: Mitteln is not polar, and the attribute must not reach back to Hilfe.
    const text = 'Die Hilfe scheitert an fehlenden Mitteln.';
    expect(terms(text).Hilfe).toBeGreaterThan(0);
  });

  it('stays within its clause', () => {
    const t = terms('Die Gefahr bleibt groß, doch der Streit wurde beigelegt.');
    expect(t.Gefahr).toBeLessThan(0);
    expect(t['beigelegt+Streit']).toBeGreaterThan(0);
  });

  it('a noun shifter needs a link word to its phrase (`am Ende jubelten` is no ending of cheers)', () => {
    const text = 'Am Ende jubelten die Gäste aus Münster über den Auswärtssieg.';
    expect(terms(text).jubelten).toBeGreaterThan(0);
    expect(tone(text).terms.some((x) => x.term.includes('+'))).toBe(false);
  });

  it('a verb acts on nouns, not on adverbs beside it', () => {
    const text = 'Die Spieler sanken nach dem Abpfiff fassungslos zu Boden.';
    expect(terms(text).fassungslos).toBeLessThan(0);
    expect(tone(text).terms).toEqual(tone(text, off).terms);
  });

  it('with nothing polar in reach the shifter keeps its own weight', () => {
    const text = 'Nach Angaben des Landesamts hat die Gemeinde einen Verlust von zwei Millionen Euro.';
    expect(terms(text).Verlust).toBeLessThan(0);
    expect(tone(text).terms).toEqual(tone(text, off).terms);
  });
});

describe('negating adjective endings', () => {
  it('-frei and -los reverse the noun they are built on', () => {
    expect(terms('Die Übergabe der Unterkunft verlief gewaltfrei.').gewaltfrei).toBeGreaterThan(0);
    expect(terms('Die Proteste vor dem Rathaus blieben gewaltlos.').gewaltlos).toBeGreaterThan(0);
    // Not the evaluative first part (`Skandal…`): a season without scandal is no scandal.
    expect(terms('Die Saison des Vereins verlief skandalfrei.').skandalfrei).toBeGreaterThan(0);
    expect(
      terms('Die Saison des Vereins verlief skandalfrei.', { ...opts, affixes: false }).skandalfrei,
    ).toBe(undefined);
  });

  it('a compound ending in a noun shifter reverses its first part', () => {
    expect(terms('Der Schuldenabbau der Gemeinde Hamminkeln kommt voran.').Schuldenabbau).toBeGreaterThan(0);
    expect(terms('Die Armutsbekämpfung bleibt ein Ziel des Kreises.').Armutsbekämpfung).toBeGreaterThan(0);
    // First parts that are not polar give nothing.
    expect(terms('Der Zeltabbau auf dem Festplatz beginnt im Mai.').Zeltabbau).toBeUndefined();
  });

  it('applies to lower-case adjectives only, and listed words keep their weight', () => {
    expect(terms('Der Einsatz der Polizei blieb erfolglos.').erfolglos).toBeLessThan(0);
    // A capitalized word ending in -los is a noun or name (`Carlos`), not an adjective.
    expect(terms('Der Trainer Carlos kam am Montag.').Carlos).toBeUndefined();
  });
});

describe('words of growth', () => {
  it('growth of something bad is bad news: the growth word does not count against it', () => {
    const text = 'Die Wohnungsnot in Dortmund wächst.';
    // Without the rule the positive `wächst` all but cancels the shortage.
    expect(Math.abs(tone(text, off).tone)).toBeLessThan(0.1);
    const grown = terms(text);
    expect(grown['wächst+Wohnungsnot']).toBeLessThan(-0.3);
    expect(grown.wächst).toBeUndefined();
    expect(tone(text).tone).toBeLessThan(-0.2);
  });

  it('an attributive growth adjective and a noun of growth keep the negative word they govern', () => {
    expect(terms('Wachsende Fremdenfeindlichkeit bereitet der Stadt Sorgen.')).toHaveProperty(
      'Wachsende+Fremdenfeindlichkeit',
    );
    const violence = terms('Der Zuwachs an Gewalt beunruhigt die Polizei in Bielefeld.');
    expect(violence['Zuwachs+Gewalt']).toBeLessThan(0);
    expect(violence.Zuwachs).toBeUndefined();
  });

  it('growth of something good or neutral stays good news', () => {
    const help = terms('In Altena wächst die Hilfsbereitschaft.');
    expect(help.wächst).toBeGreaterThan(0);
    expect(help.Hilfsbereitschaft).toBeGreaterThan(0);
    expect(tone('Die Stadt steigert die Hilfe für Flüchtlinge.').label).toBe('positive');
    expect(terms('Der Umsatz der Stadtwerke ist gewachsen.').gewachsen).toBeGreaterThan(0);
  });

  it('negated growth governs nothing', () => {
    const text = 'Die Wohnungsnot in Münster ist im Herbst nicht gewachsen.';
    expect(Object.keys(terms(text)).some((t) => t.includes('+'))).toBe(false);
    expect(terms(text).Wohnungsnot).toBeLessThan(0);
  });
});

describe('shifter list', () => {
  it('parses kinds and prefixes and rejects what it cannot use', () => {
    const s = parseShifters('# comment\nrückgang\tnoun\nverhinder*\tverb\ndes\tlink\n');
    expect(s.nouns.exact.has('rückgang')).toBe(true);
    expect([...s.verbs.prefixes.values()]).toEqual([['verhinder']]);
    expect(s.links.has('des')).toBe(true);
    expect(() => parseShifters('senk*\tverb\n')).toThrow(/prefix/);
    expect(() => parseShifters('rückgang\tnomen\n')).toThrow(/unknown kind/);
    expect(parseShifters('weist zurück\tparticle\n').particles.get('zurück')?.has('weist')).toBe(true);
    expect(() => parseShifters('zurück\tparticle\n')).toThrow(/particle/);
    const growth = parseShifters('rückgang\tnoun\nzuwachs\tnoun\tincrease\n');
    expect(growth.nouns.exact.has('zuwachs')).toBe(true);
    expect(isIncreasing(growth, 'zuwachs')).toBe(true);
    expect(isIncreasing(growth, 'rückgang')).toBe(false);
    expect(() => parseShifters('zuwachs\tnoun\tmore\n')).toThrow(/third column/);
  });

  it('takes noun shifters only when written capitalized', () => {
    const [sentence] = tokenizeGerman('Das Ende kam, und ende gut.');
    const ende = (sentence ?? []).filter((t) => t.norm === 'ende');
    expect(ende.map((t) => shifterKind(lexicon.shifters, t))).toEqual(['noun', null]);
    const [verb] = tokenizeGerman('Die Zahl sinkt.');
    const sinkt = (verb ?? []).find((t) => t.norm === 'sinkt');
    expect(sinkt && shifterKind(lexicon.shifters, sinkt)).toBe('verb');
  });
});
