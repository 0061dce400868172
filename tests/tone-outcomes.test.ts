import { describe, expect, it } from 'vitest';
import { opts, tone, weightOf } from './tone-helpers.js';

describe('news outcomes (data/lexicons/news-outcomes.sentiws.tsv)', () => {
  it('reads relief, approval and openings as good news', () => {
    expect(
      weightOf('Nach dem Feueralarm gab die Feuerwehr am Abend Entwarnung.', 'Entwarnung'),
    ).toBeGreaterThan(0.3);
    expect(weightOf('Der Unfall auf der B 8 ging glimpflich aus.', 'glimpflich')).toBeGreaterThan(0.3);
    expect(weightOf('Der Kreis hat die Mittel für die Kita bewilligt.', 'bewilligt')).toBeGreaterThan(0.2);
    expect(tone('Im Mai war der Spatenstich für das neue Feuerwehrhaus in Hamminkeln.').label).toBe(
      'positive',
    );
  });

  it('matches inflected forms through the base form', () => {
    // `vielversprechend` is listed, `vielversprechenden` is not.
    expect(
      weightOf('Die Stadt sieht einen vielversprechenden Ansatz.', 'vielversprechenden'),
    ).toBeGreaterThan(0.3);
    expect(
      weightOf('Die Gespräche liefen in vertrauensvoller Atmosphäre.', 'vertrauensvoller'),
    ).toBeGreaterThan(0.3);
  });

  it('credits enabling, funding and raising, which SentiWS rates near zero', () => {
    expect(tone('Das Land fördert den Umbau des Jugendzentrums in Mülheim.').label).toBe('positive');
    expect(weightOf('Die Spende ermöglicht einen Ausflug für alle Kinder.', 'ermöglicht')).toBeGreaterThan(
      0.2,
    );
    expect(weightOf('Der Händler hat seinen Umsatz deutlich gesteigert.', 'gesteigert')).toBeGreaterThan(0.2);
    // A shifter still reverses them: less funding is bad news.
    expect(weightOf('Das Land hat die Förderung gekürzt.', 'gekürzt+Förderung')).toBeLessThan(0);
  });

  it('weighs praise and failure words that SentiWS rates near zero', () => {
    expect(weightOf('Die Helfer zeigten eine bravouröse Leistung.', 'bravouröse')).toBeGreaterThan(0.3);
    expect(weightOf('Der Verein erlebte einen unglaublichen Siegeszug.', 'Siegeszug')).toBeGreaterThan(0.3);
    expect(weightOf('Die Gespräche mit dem Investor blieben ergebnislos.', 'ergebnislos')).toBeLessThan(-0.3);
    expect(weightOf('Dem Betreiber droht der Konkurs.', 'Konkurs')).toBeLessThan(-0.3);
  });

  it('reads disasters and decay as bad news', () => {
    expect(tone('Die Dürre hat den Landwirten im Kreis Wesel stark zugesetzt.').label).toBe('negative');
    expect(weightOf('Das Gebäude an der Hauptstraße ist baufällig.', 'baufällig')).toBeLessThan(-0.3);
    // SentiWS rates `schlimm` barely negative; news use it as a clear judgement.
    expect(tone('Die Lage in der Notunterkunft ist schlimm.').label).toBe('negative');
  });

  it('lets the shifters and negators act on the new words', () => {
    expect(weightOf('Es gibt noch keine Entwarnung.', 'Entwarnung')).toBeLessThan(0);
    expect(tone('Nach dem Ende der Dürre ist die Ernte gerettet.').label).toBe('positive');
  });
});

describe('contrast', () => {
  it('is on by default: after `aber` the point of the sentence weighs more', () => {
    const text = 'Der Start war schwierig, aber am Ende war das Fest ein großer Erfolg.';
    const byDefault = tone(text);
    const off = tone(text, { ...opts, contrast: 0 });
    expect(byDefault.tone).toBeGreaterThan(off.tone);
    const erfolg = (r: typeof off) => r.terms.find((t) => t.term === 'Erfolg')?.weight ?? 0;
    expect(erfolg(byDefault)).toBeGreaterThan(erfolg(off));
  });

  it('leaves a sentence without a contrast word as it was', () => {
    const text = 'Die Polizei meldet einen schweren Unfall auf der A 2.';
    expect(tone(text).tone).toBe(tone(text, { ...opts, contrast: 0 }).tone);
  });

  it('does not act on a contrast word before any polar word', () => {
    const text = 'Aber die Stimmung im Saal war großartig.';
    expect(tone(text).tone).toBe(tone(text, { ...opts, contrast: 0 }).tone);
  });
});

describe('neutral news words (data/lexicons/news-neutral.sentiws.tsv)', () => {
  it('do not read a rule or a place as a judgement', () => {
    expect(tone('Für Besucher gilt die Pflicht, eine Maske zu tragen.').terms).toEqual([]);
    expect(tone('Die Unterkunft liegt nahe der Autobahn.').terms).toEqual([]);
  });

  it('keep the judging words of the same sentence', () => {
    expect(tone('Die Pflicht zur Anmeldung sorgt für großen Ärger.').label).toBe('negative');
  });
});
