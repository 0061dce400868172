import { describe, expect, it } from 'vitest';
import { tone, weightOf } from './tone-helpers.js';

describe('civic life and refugee reception (data/lexicons/news-civic.sentiws.tsv)', () => {
  it('reads welcome, neighbourly help and honours as good news', () => {
    const text = 'Der Helferkreis lud die neuen Nachbarn zu einem Willkommensfest ins Gemeindehaus ein.';
    expect(weightOf(text, 'Willkommensfest')).toBeGreaterThan(0.3);
    expect(tone(text).label).toBe('positive');
    expect(
      weightOf('Die Nachbarschaftshilfe im Viertel funktioniert seit Jahren.', 'Nachbarschaftshilfe'),
    ).toBeGreaterThan(0.3);
    expect(
      weightOf('Die Sprachpatin erhielt das Verdienstkreuz am Bande.', 'Verdienstkreuz'),
    ).toBeGreaterThan(0.3);
  });

  it('reads arson, agitation, overcrowding and shortages as bad news', () => {
    const arson = 'Unbekannte warfen in der Nacht einen Brandsatz auf die geplante Flüchtlingsunterkunft.';
    expect(weightOf(arson, 'Brandsatz')).toBeLessThan(-0.3);
    expect(tone(arson).label).toBe('negative');
    const crowded = 'Die Turnhalle ist überbelegt, wegen Personalnot verhängt der Kreis einen Aufnahmestopp.';
    expect(weightOf(crowded, 'überbelegt')).toBeLessThan(-0.3);
    expect(weightOf(crowded, 'Personalnot')).toBeLessThan(-0.3);
    expect(tone(crowded).label).toBe('negative');
    // Inflected forms match through the base form.
    expect(weightOf('In der überbelegten Unterkunft fehlt es an Betten.', 'überbelegten')).toBeLessThan(-0.3);
  });

  it('raises words SentiWS rates near zero and lets negators act on the new words', () => {
    expect(
      weightOf('Beim Festakt lobte der Bürgermeister die Toleranz der Bürger.', 'Toleranz'),
    ).toBeGreaterThan(0.2);
    expect(
      weightOf('Beim Festakt lobte der Bürgermeister die Toleranz der Bürger.', 'Festakt'),
    ).toBeGreaterThan(0.2);
    expect(weightOf('In der Innenstadt gibt es keinen Leerstand mehr.', 'Leerstand')).toBeGreaterThan(0);
  });
});
