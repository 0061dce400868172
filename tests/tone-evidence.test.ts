import { describe, expect, it } from 'vitest';
import { loadToneLexicon, scoreTone, TONE_DEFAULTS, type ToneOptions } from '../src/score/tone/index.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const lexicon = loadToneLexicon({ builtin: true, files: [] });
const band: [number, number] = [-0.3, 0.09];
const opts: ToneOptions = { neutralBand: band };
const tone = (text: string, o: ToneOptions = opts) => scoreTone(tokenizeGerman(text), lexicon, o);
const weightOf = (text: string, term: string, o: ToneOptions = opts) =>
  tone(text, o).terms.find((t) => t.term === term)?.weight;

/** A factual filler sentence without polar words (about 12 words). */
const FILLER =
  'Der Ausschuss tagt am Donnerstag um 17 Uhr im Sitzungssaal des Rathauses an der Hauptstraße. ';

describe('report vocabulary', () => {
  it('weighs words that name an event less than the lexicon does', () => {
    const text = 'Auf der Kreisstraße bei Nordkirchen wurde am Montagabend ein Radfahrer verletzt.';
    const full = weightOf(text, 'verletzt', { ...opts, reportFactor: 1 });
    const reported = weightOf(text, 'verletzt');
    expect(full).toBeLessThan(0);
    expect(reported).toBeCloseTo((full as number) * TONE_DEFAULTS.reportFactor, 2);
  });

  it('matches inflected forms through the prefix patterns of the list', () => {
    const text = 'Die Verletzten wurden von Rettungskräften in umliegende Krankenhäuser gebracht.';
    const full = weightOf(text, 'Verletzten', { ...opts, reportFactor: 1 });
    expect(full).toBeLessThan(0);
    expect(weightOf(text, 'Verletzten', { ...opts, reportFactor: 0.5 })).toBeCloseTo(
      (full as number) * 0.5,
      2,
    );
  });

  it('keeps the full weight when the sentence also judges what happened', () => {
    const judged = 'Der Unfall an der Kreuzung war eine schreckliche Tragödie für das ganze Dorf.';
    const full = weightOf(judged, 'Unfall', { ...opts, reportFactor: 1 });
    expect(weightOf(judged, 'Unfall')).toBe(full);
    // Without the evaluative words the same event word is weakened.
    const plain = 'Der Unfall an der Kreuzung ereignete sich gegen 8 Uhr.';
    expect(Math.abs(weightOf(plain, 'Unfall') as number)).toBeLessThan(Math.abs(full as number));
  });

  it('leaves evaluative words alone', () => {
    const text = 'Die Stimmung beim Fest war großartig.';
    expect(weightOf(text, 'großartig')).toBe(weightOf(text, 'großartig', { ...opts, reportFactor: 1 }));
  });
});

describe('minimum evidence', () => {
  it('does not count words the lexicon rates barely polar', () => {
    const text = 'Eine Zustimmung des Kreistags ist nach aktuellem Stand möglich.';
    const loose = tone(text, { ...opts, minWeight: 0 });
    expect(loose.terms.length).toBeGreaterThan(0);
    const strict = tone(text);
    expect(strict.terms).toEqual([]);
    expect(strict.tone).toBe(0);
    expect(strict.label).toBe('neutral');
  });

  it('still counts clearly polar words', () => {
    const r = tone('Die Helferinnen leisten hervorragende Arbeit, die Stimmung ist gut.');
    expect(r.label).toBe('positive');
    expect(r.terms.every((t) => Math.abs(t.weight) >= TONE_DEFAULTS.minWeight)).toBe(true);
  });
});

describe('length-aware label', () => {
  const praise = 'Die Willkommensfeier in der Turnhalle war ein großer Erfolg. ';

  it('labels one sentence of praise positive', () => {
    const r = tone(praise);
    expect(r.label).toBe('positive');
    expect(r.decision).toBe(r.tone);
  });

  it('does not let one polar sentence decide a long factual article', () => {
    const article = praise + FILLER.repeat(25);
    const r = tone(article);
    expect(r.words).toBeGreaterThan(250);
    // Same polar words, same tone value …
    expect(r.tone).toBe(tone(praise).tone);
    // … but a long article needs proportionate evidence for a label.
    expect(r.decision).toBeLessThan(r.tone);
    expect(r.label).toBe('neutral');
    expect(tone(article, { ...opts, referenceWords: 0 }).label).toBe('positive');
  });

  it('still labels a long article that is negative throughout negative', () => {
    const sentence =
      'Nach dem Brandanschlag herrschen Angst und Wut, die Gewalt gegen Geflüchtete ist erschreckend. ';
    const article = (sentence + FILLER).repeat(10);
    const r = tone(article);
    expect(r.words).toBeGreaterThan(200);
    expect(r.label).toBe('negative');
    expect(r.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['Gewalt']));
  });

  it('lists the deciding terms whatever the label', () => {
    const r = tone(praise + FILLER.repeat(25));
    expect(r.terms.map((t) => t.term)).toContain('Erfolg');
  });
});
