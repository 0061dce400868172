import { describe, expect, it } from 'vitest';
import { opts, tone, weightOf } from './tone-helpers.js';

describe('hyphenated words', () => {
  it('take the weight of their last part', () => {
    expect(weightOf('Das Lied wurde in Bergheim zum Mega-Hit.', 'Mega-Hit')).toBeGreaterThan(0.3);
    expect(weightOf('Die Corona-Krise traf die Vereine in Altena hart.', 'Corona-Krise')).toBeLessThan(-0.3);
    expect(
      weightOf('Nach dem Champions-League-Sieg feierte die Stadt.', 'Champions-League-Sieg'),
    ).toBeGreaterThan(0.3);
  });

  it('only when turned on', () => {
    const off = { ...opts, hyphenHeads: false };
    expect(weightOf('Das Lied wurde in Bergheim zum Mega-Hit.', 'Mega-Hit', off)).toBeUndefined();
  });

  it('read capitalization after the hyphen: a lower-case last part is not a noun', () => {
    // `Arm` (noun) is not polar, `arm` (adjective) is: the capitalized head takes the noun reading.
    expect(weightOf('Er brach sich den Ober-Arm beim Training.', 'Ober-Arm')).toBeUndefined();
    expect(weightOf('Die Familie ist bettel-arm geworden.', 'bettel-arm')).toBeLessThan(0);
  });
});

describe('evaluative first parts and un-', () => {
  it('score compounds no lexicon lists by a judging first part', () => {
    expect(weightOf('Auf der A1 gab es einen Horrorunfall mit vier Autos.', 'Horrorunfall')).toBeLessThan(
      -0.3,
    );
    expect(weightOf('Der Stürmer erzielte ein Traumtor zum 2:0.', 'Traumtor')).toBeGreaterThan(0.3);
    expect(weightOf('Die Initiative ist eine Erfolgsgeschichte.', 'Erfolgsgeschichte')).toBeGreaterThan(0.3);
  });

  it('let listed words win over the first part', () => {
    expect(weightOf('Das Trauma der Flucht wirkt lange nach.', 'Trauma')).toBeLessThan(-0.3);
    expect(weightOf('Im Kino läuft ein neuer Horrorfilm aus Dänemark.', 'Horrorfilm')).toBeUndefined();
  });

  it('negate a positive adjective after un-, but not a noun', () => {
    const w = weightOf('Die Mitarbeiter am Schalter waren unfreundlich.', 'unfreundlich');
    const base = weightOf('Die Mitarbeiter am Schalter waren freundlich.', 'freundlich');
    expect(base).toBeGreaterThan(0);
    expect(w).toBeLessThan(0);
    expect(Math.abs(w ?? 0)).toBeLessThan(Math.abs(base ?? 0));
    expect(weightOf('Die Unterkunft liegt am Stadtrand.', 'Unterkunft')).toBeUndefined();
  });

  it('can be turned off', () => {
    const off = { ...opts, affixes: false };
    expect(
      weightOf('Auf der A1 gab es einen Horrorunfall mit vier Autos.', 'Horrorunfall', off),
    ).toBeUndefined();
  });
});

describe('neutral news senses', () => {
  it('reads "einigen" as the determiner and "einigten" as agreeing', () => {
    expect(
      tone('In einigen Stadtteilen von Münster fehlen Wohnungen für Familien.').terms.map((t) => t.term),
    ).not.toContain('einigen');
    expect(weightOf('Stadt und Land einigten sich auf die Finanzierung.', 'einigten')).toBeGreaterThan(0);
  });

  it('neutralizes every inflected form of a word set to 0, not only the listed ones', () => {
    // natural's lexicon lists `größeres` and `geringerer` with weights of their own.
    const r = tone('Ein größeres Problem ist der geringere Zuschuss des Landes.');
    expect(r.terms.map((t) => t.term)).toEqual(['Problem']);
  });

  it('does not count test results, size or the instrumental "mit Hilfe" as tone', () => {
    expect(tone('Wer einreisen will, braucht einen negativen Test.').terms).toEqual([]);
    expect(tone('Mit Hilfe einer Drehleiter holte die Feuerwehr die Katze vom Dach.').terms).toEqual([]);
    expect(tone('Die kleine Gemeinde Nordkirchen hat nur eine Grundschule.').label).toBe('neutral');
  });

  it('reads "gut" and "satte" before a number as its size, not as praise', () => {
    expect(tone('Die Ratssitzung in Hamminkeln dauerte gut drei Stunden.').terms).toEqual([]);
    expect(tone('Die Mieten stiegen um satte 20 Prozent.').terms).toEqual([]);
    expect(weightOf('Die Stimmung auf dem Fest war gut.', 'gut')).toBeGreaterThan(0);
  });

  it('treats scharf and heftig as intensifiers of what follows', () => {
    const plain = weightOf('Die Opposition hat den Plan kritisiert.', 'kritisiert');
    const sharp = weightOf('Die Opposition hat den Plan scharf kritisiert.', 'kritisiert');
    expect(sharp).toBeLessThan(plain ?? 0);
    expect(tone('Die Opposition hat den Plan scharf kritisiert.').terms.map((t) => t.term)).not.toContain(
      'scharf',
    );
  });
});

describe('intensifiers', () => {
  it('reach over an adjective but not over an article or preposition', () => {
    const plain = weightOf('Das Fest war ein Erfolg für alle.', 'Erfolg') ?? 0;
    expect(weightOf('Das Fest war ein sehr großer Erfolg.', 'Erfolg')).toBeCloseTo(plain * 1.5, 3);
    const attack = weightOf('In der Nacht kam es zu einem Angriff auf die Unterkunft.', 'Angriff');
    expect(attack).toBeCloseTo(
      weightOf('In der Nacht gab es einen Angriff auf die Unterkunft.', 'Angriff') ?? 0,
      3,
    );
  });
});

describe('general news vocabulary of the project lexicon', () => {
  it('knows violent crime, injuries and setbacks', () => {
    expect(
      weightOf('Nach einem Messerangriff in der Innenstadt sucht die Polizei Zeugen.', 'Messerangriff'),
    ).toBeLessThan(-0.5);
    expect(
      weightOf('Der Kapitän fällt mit einem Kreuzbandriss monatelang aus.', 'Kreuzbandriss'),
    ).toBeLessThan(0);
    expect(tone('Nach der dritten Heimniederlage herrscht Frust im Verein.').label).toBe('negative');
  });

  it('knows praise and relief', () => {
    expect(tone('Die Torhüterin zeigte eine Glanzleistung.').label).toBe('positive');
    expect(tone('Die Helfer reagierten erleichtert auf die Nachricht.').label).toBe('positive');
  });
});
