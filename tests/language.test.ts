import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/ingest/language.js';

describe('detectLanguage', () => {
  it('recognizes German news text, also with English loanwords', () => {
    expect(
      detectLanguage(
        'Die Stadt hat am Dienstag neue Pläne für die Unterbringung von Geflüchteten vorgestellt. Der Integrationsrat begrüßte das, mahnte aber mehr Sprachkurse an.',
      ),
    ).toBe('de');
    expect(
      detectLanguage(
        'Der Workshop „Social Media for Refugees“ findet im Community Center statt, das Team freut sich auf alle.',
      ),
    ).toBe('de');
  });

  it('recognizes English, French and Dutch', () => {
    expect(
      detectLanguage(
        'The city council presented new plans for housing refugees on Tuesday. The integration council welcomed the decision.',
      ),
    ).toBe('en');
    expect(
      detectLanguage(
        "La ville a présenté mardi de nouveaux projets pour l'hébergement des réfugiés. Le conseil d'intégration a salué la décision.",
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'De stad heeft dinsdag nieuwe plannen voor de opvang van vluchtelingen gepresenteerd. De integratieraad was blij met het besluit.',
      ),
    ).toBe('nl');
  });

  it('recognizes Turkish, also when function words are few', () => {
    expect(
      detectLanguage(
        'Belediye salı günü mültecilerin barınması için yeni planlarını açıkladı. Entegrasyon meclisi kararı memnuniyetle karşıladı.',
      ),
    ).toBe('tr');
    expect(
      detectLanguage('Bu akşam camide bir dayanışma yemeği var ve herkes davetli, çok güzel olacak.'),
    ).toBe('tr');
  });

  it('recognizes Arabic and tells Persian from it', () => {
    expect(
      detectLanguage('قدمت المدينة يوم الثلاثاء خططا جديدة لإيواء اللاجئين. ورحب مجلس الاندماج بهذا القرار.'),
    ).toBe('ar');
    expect(
      detectLanguage(
        'شهر روز سه‌شنبه برنامه‌های جدیدی برای اسکان پناهجویان ارائه کرد. شورای ادغام از این تصمیم استقبال کرد.',
      ),
    ).toBe('fa');
  });

  it('recognizes Cyrillic languages and other scripts', () => {
    expect(
      detectLanguage(
        'Во вторник город представил новые планы по размещению беженцев. Совет приветствовал это решение.',
      ),
    ).toBe('ru');
    expect(
      detectLanguage(
        'У вівторок місто представило нові плани щодо розміщення біженців. Рада привітала це рішення.',
      ),
    ).toBe('uk');
    expect(detectLanguage('Η πόλη παρουσίασε την Τρίτη νέα σχέδια για τη στέγαση προσφύγων.')).toBe('el');
  });

  it('says und for short or unclear text', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('Hallo Welt')).toBe('und');
    expect(detectLanguage('12.03.2016 14:00 Uhr')).toBe('und');
    expect(detectLanguage('Sprachkurs Deutsch A1 Anmeldung')).toBe('und');
  });

  it('looks only at the start of a long text', () => {
    const german =
      'Die Stadt hilft den Menschen, die in der Unterkunft an der Schulstraße leben, mit Kursen und Beratung. ';
    const english = 'The city helps the people who live in the shelter with courses and advice. ';
    expect(detectLanguage(german.repeat(30) + english.repeat(200))).toBe('de');
  });

  it('answers the same whatever it has read before (word evidence is cached)', () => {
    const texts: Array<[string, string]> = [
      [
        'Die Helferinnen und Helfer treffen sich jeden Mittwoch im Gemeindehaus, um gemeinsam zu kochen.',
        'de',
      ],
      ['De gemeente heeft dinsdag nieuwe plannen voor de opvang van vluchtelingen gepresenteerd.', 'nl'],
      ['Les bénévoles se retrouvent chaque mercredi à la maison paroissiale pour cuisiner ensemble.', 'fr'],
      [
        'Die Helfer (helpers) meet every Wednesday in the parish hall to cook together with the families.',
        'en',
      ],
    ];
    const first = texts.map(([t]) => detectLanguage(t));
    expect(first).toEqual(texts.map(([, lang]) => lang));
    // Reversed order, after the cache has seen every word.
    expect([...texts].reverse().map(([t]) => detectLanguage(t))).toEqual([...first].reverse());
  });
});
