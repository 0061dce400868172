import { describe, expect, it } from 'vitest';
import { normalizeToken, tokenizeGerman } from '../src/tokenize/german.js';

const norms = (text: string): string[][] => tokenizeGerman(text).map((s) => s.map((t) => t.norm));

describe('sentence splitting', () => {
  it('keeps abbreviations inside the sentence', () => {
    const s = norms(
      'Laut Dr. Kaya kamen z. B. aus der St. Marien-Gemeinde bzw. dem Verein Nr. 4 ca. 30 Leute, u. a. Prof. Lenz. Danach wurde gegessen.',
    );
    expect(s).toHaveLength(2);
    expect(s[0]).toContain('dr.');
    expect(s[0]).toContain('bzw.');
    expect(s[1]?.[0]).toBe('danach');
  });

  it('keeps ordinals and dates inside the sentence', () => {
    const s = norms('Am 3. Oktober und am 14.03.2016 tagte der Rat im 19. Jh. zum 2. Mal. Es regnete.');
    expect(s).toHaveLength(2);
    expect(s[0]).toContain('3.');
    expect(s[0]).toContain('14.03.2016');
    expect(s[0]).toContain('jh.');
  });

  it('ends a sentence after a number when a sentence opener follows', () => {
    const s = norms('Verletzt wurden 3. Die Polizei ermittelt.');
    expect(s).toHaveLength(2);
    expect(s[1]?.[0]).toBe('die');
  });

  it('ends sentences at ! ? … and .. and glues closing quotes', () => {
    const s = tokenizeGerman('„Wir schaffen das!“ Der Saal jubelte.. Wirklich? »Ja.« Gut so…');
    expect(s.map((x) => x.map((t) => t.text).join(' '))).toEqual([
      '„ Wir schaffen das ! “',
      'Der Saal jubelte ..',
      'Wirklich ?',
      '» Ja . «',
      'Gut so …',
    ]);
  });

  it('does not split when the next word is lower-case or after usw. mid-sentence', () => {
    expect(norms('Er sagte nur... naja, egal. Äpfel, Birnen usw. wurden verteilt.')).toHaveLength(2);
    expect(norms('Äpfel, Birnen usw. Die Tafel half.')).toHaveLength(2);
    expect(norms('Der Umbau kostet 3 Mio. Die Stadt zahlt.')).toHaveLength(2);
    expect(norms('Die Hauptstr. ist ab Mo. gesperrt.')).toEqual([
      ['die', 'hauptstr.', 'ist', 'ab', 'mo.', 'gesperrt', '.'],
    ]);
  });

  it('splits at blank lines and at headline lines', () => {
    const s = norms('Brand in Unterkunft\nIn der Nacht brannte es.\n\nlokales kurz gemeldet');
    expect(s).toEqual([
      ['brand', 'in', 'unterkunft'],
      ['in', 'der', 'nacht', 'brannte', 'es', '.'],
      ['lokales', 'kurz', 'gemeldet'],
    ]);
  });
});

describe('tokens', () => {
  it('keeps hyphenated compounds as one token with a lower-case norm', () => {
    const [s] = tokenizeGerman('Die Flüchtlings-Unterkunft in Dortmund-Nordstadt ist voll.');
    const texts = s?.map((t) => t.text);
    expect(texts).toContain('Flüchtlings-Unterkunft');
    expect(s?.find((t) => t.text === 'Dortmund-Nordstadt')?.norm).toBe('dortmund-nordstadt');
  });

  it('unifies gender forms to the generic form', () => {
    const [s] = tokenizeGerman(
      'Helfer*innen, Helfer:innen, Helfer_innen, HelferInnen, Helfer/innen, Helfer/-innen, Helferinnen und Helfer.',
    );
    const words = s?.filter((t) => t.word && t.norm !== 'und').map((t) => t.norm);
    expect(words).toEqual(Array(8).fill('helfer'));
    expect(normalizeToken('Geflüchtete*r')).toBe('geflüchtete');
    expect(normalizeToken('Migrantinnen')).toBe('migrant');
    expect(normalizeToken('Asylbewerber*innen-Beratung')).toBe('asylbewerber-beratung');
    expect(normalizeToken('Valentin')).toBe('valentin');
    expect(normalizeToken('Berlin')).toBe('berlin');
    expect(normalizeToken('beginnen')).toBe('beginnen');
  });

  it('removes soft hyphens and zero-width characters', () => {
    const [s] = tokenizeGerman('Die Flücht\u00ADlings\u200Bhilfe tagt.');
    expect(s?.[1]?.norm).toBe('flüchtlingshilfe');
  });

  it('keeps numbers as word tokens and marks punctuation and stopwords', () => {
    const [s] = tokenizeGerman('Es kamen 1.250 Menschen, 3,5 Prozent mehr.');
    const num = s?.find((t) => t.text === '1.250');
    expect(num).toMatchObject({ word: true, stop: false });
    expect(s?.find((t) => t.text === ',')).toMatchObject({ word: false, stop: true });
    expect(s?.find((t) => t.text === 'Es')?.stop).toBe(true);
    expect(s?.find((t) => t.text === 'Prozent')?.stop).toBe(false);
  });

  it('stems with the German Porter stemmer', () => {
    const [s] = tokenizeGerman('Flüchtlinge und Unterkünfte');
    expect(s?.[0]?.stem).toBe('fluchtling');
    expect(s?.[2]?.stem).toBe('unterkunft');
  });

  it('keeps URLs whole and drops a truncation hyphen from the norm', () => {
    const [s] = tokenizeGerman('Mehr unter https://www.example.de/a?b=1. Intensiv- und Notfallmedizin');
    expect(s?.map((t) => t.text)).toContain('https://www.example.de/a?b=1');
    const [, t] = tokenizeGerman('Mehr unter https://www.example.de/a?b=1. Intensiv- und Notfallmedizin');
    expect(t?.[0]).toMatchObject({ text: 'Intensiv-', norm: 'intensiv' });
  });

  it('returns no sentences for empty or blank text', () => {
    expect(tokenizeGerman('')).toEqual([]);
    expect(tokenizeGerman('  \n\n ')).toEqual([]);
  });
});
