import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assignMunicipality,
  compilePlaces,
  findPlaceMentions,
  findPlaceMentionsInSentences,
  type PlaceConfig,
  parsePlaceConfig,
  resolvePlaceName,
} from '../src/ingest/municipality.js';
import { dataPath } from '../src/paths.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const places = JSON.parse(readFileSync(dataPath('municipalities.json'), 'utf8')) as PlaceConfig[];
const g = compilePlaces(places);
const mentions = (text: string): Record<string, number> => findPlaceMentions(g, text);
const assign = (
  input: Partial<{ metadata: string | null; source: string | null; title: string; text: string }>,
  outlets = {},
) => assignMunicipality(g, { metadata: null, source: null, title: '', text: '', ...input }, outlets);

describe('data/municipalities.json', () => {
  it('holds the eight study municipalities', () => {
    expect(places.map((p) => p.name).sort()).toEqual([
      'Altena',
      'Bergheim',
      'Bielefeld',
      'Dortmund',
      'Hamminkeln',
      'Mülheim an der Ruhr',
      'Münster',
      'Nordkirchen',
    ]);
  });
});

describe('metadata and outlet', () => {
  it('normalizes spellings of a municipality in the metadata field', () => {
    for (const value of [
      'Mülheim',
      'Muelheim an der Ruhr',
      'Mülheim a. d. Ruhr',
      'MÜLHEIM/RUHR',
      'mülheim an der ruhr',
    ]) {
      expect(assign({ metadata: value, text: 'In Dortmund wurde gefeiert.' })).toEqual({
        municipality: 'Mülheim an der Ruhr',
        basis: 'metadata',
      });
    }
    expect(resolvePlaceName(g, 'Münster-Hiltrup')).toBe('Münster');
    expect(resolvePlaceName(g, 'Köln-Mülheim')).toBeNull();
  });

  it('falls through on an unknown metadata value instead of inventing one', () => {
    expect(
      assign({ metadata: 'Oberhausen', source: 'Ruhr Nachrichten' }, { 'ruhr nachrichten': 'Dortmund' }),
    ).toEqual({
      municipality: 'Dortmund',
      basis: 'source',
    });
    expect(assign({ metadata: 'Kreis Unna', text: 'Der Kreistag tagte in Unna.' })).toEqual({
      municipality: null,
      basis: 'none',
    });
  });

  it('matches outlets case-insensitively and canonicalizes their municipality', () => {
    const outlets = { 'Westfälische Nachrichten': 'münster', 'WAZ Mülheim': 'Mülheim' };
    expect(
      assign({ source: 'WESTFÄLISCHE  NACHRICHTEN', text: 'Der Rat tagte in Bielefeld.' }, outlets),
    ).toEqual({
      municipality: 'Münster',
      basis: 'source',
    });
    expect(assign({ source: 'waz mülheim' }, outlets).municipality).toBe('Mülheim an der Ruhr');
  });
});

describe('mentions in title and text', () => {
  it('weighs the title above the text', () => {
    const r = assign({
      title: 'Bielefeld eröffnet drittes Übergangswohnheim',
      text: 'Die Stadt hat das Gebäude von einem Investor aus Dortmund gemietet. Die Betreuung übernimmt die Diakonie.',
    });
    expect(r).toEqual({ municipality: 'Bielefeld', basis: 'text' });
  });

  it('weighs a dateline most', () => {
    expect(
      assign({
        title: 'Sprachkurse ausgebucht',
        text: 'DORTMUND. Die Volkshochschule meldet Wartelisten. Ähnlich ist die Lage in Münster und im Münsteraner Umland.',
      }).municipality,
    ).toBe('Dortmund');
    expect(
      assign({
        title: 'Sprachkurse ausgebucht',
        text: 'Dortmund (nnd) – Die Volkshochschule meldet Wartelisten. Auch aus Münster und Bielefeld kommen Anfragen.',
      }).municipality,
    ).toBe('Dortmund');
  });

  it('returns null on a tie or when nothing is mentioned', () => {
    expect(
      assign({
        title: 'Land verteilt Geld',
        text: 'Dortmund und Bielefeld bekommen je zwei Millionen Euro.',
      }),
    ).toEqual({
      municipality: null,
      basis: 'none',
    });
    expect(
      assign({ title: 'Bund beschließt Asylpaket', text: 'Der Bundestag stimmte am Donnerstag zu.' }),
    ).toEqual({
      municipality: null,
      basis: 'none',
    });
  });

  it('needs a clear lead: 4 against 3 is no winner, 3 against 2 is', () => {
    expect(
      assign({
        text: 'In Dortmund, in Dortmund, in Dortmund und in Dortmund. In Münster, in Münster und in Münster.',
      }).municipality,
    ).toBeNull();
    expect(
      assign({ text: 'In Dortmund, in Dortmund und in Dortmund. In Münster und in Münster.' }).municipality,
    ).toBe('Dortmund');
  });
});

describe('Mülheim', () => {
  it('does not count Köln-Mülheim, Mülheim (Köln) or Mülheim-Kärlich', () => {
    expect(mentions('Die Unterkunft in Köln-Mülheim ist voll belegt.')).toEqual({});
    expect(mentions('Eine Sporthalle in Mülheim (Köln) wird geräumt.')).toEqual({});
    expect(mentions('Die Verbandsgemeinde Mülheim-Kärlich nimmt 40 Menschen auf.')).toEqual({});
  });

  it('counts plain Mülheim without a cue for another Mülheim', () => {
    expect(
      mentions(
        'Mülheim. Die Stadt Mülheim mietet weitere Wohnungen an, sagte der Mülheimer Sozialdezernent.',
      ),
    ).toEqual({
      'Mülheim an der Ruhr': 3,
    });
  });

  it('drops plain Mülheim in a Köln context unless the Ruhr or a district supports it', () => {
    expect(mentions('Im Kölner Norden, in Mülheim, entsteht eine Unterkunft.')).toEqual({});
    expect(
      mentions(
        'Anders als in Köln setzt man in Mülheim an der Ruhr auf Wohnungen; in Mülheim gibt es kaum Hallen.',
      ),
    ).toEqual({
      'Mülheim an der Ruhr': 2,
    });
    expect(mentions('Anders als in Köln setzt Mülheim auf Wohnungen, etwa in Saarn.')).toEqual({
      'Mülheim an der Ruhr': 2,
    });
  });
});

describe('Münster', () => {
  it('does not take the church for the city', () => {
    expect(
      mentions(
        'Das Münster ist voll. Im Münster sang der Chor, danach ging es ins Bonner Münster und zum Freiburger Münster.',
      ),
    ).toEqual({});
    expect(mentions('Die Sanierung des Münsters kostet Millionen.')).toEqual({});
  });

  it('counts the city', () => {
    expect(
      mentions('In Münster leben 4000 Geflüchtete. Viele Münsteraner helfen, sagt die Stadt Münster.'),
    ).toEqual({ Münster: 3 });
    expect(mentions('Münsters Oberbürgermeister besuchte die Unterkunft in Gievenbeck.')).toEqual({
      Münster: 2,
    });
    expect(mentions('Die muenster-typische Radkultur')).toEqual({});
  });

  it('counts Kinderhaus only as a place, not as a day-care centre elsewhere', () => {
    expect(mentions('Die neue Unterkunft in Kinderhaus ist bezogen.')).toEqual({ Münster: 1 });
    expect(mentions('Im Kinderhaus an der Saarner Straße spielen Kinder aus Styrum.')).toEqual({
      'Mülheim an der Ruhr': 1,
    });
  });
});

describe('Bergheim', () => {
  it('does not count other Bergheims', () => {
    expect(mentions('Die Schule in Bergheim (Sieg) wird Notunterkunft.')).toEqual({});
    expect(mentions('In Troisdorf-Bergheim ziehen 60 Menschen ein.')).toEqual({});
    expect(mentions('Der Bürgermeister von Bergheim in Österreich lud ein.')).toEqual({});
    expect(mentions('Der Troisdorfer Rat beschloss: In Bergheim entsteht ein Wohnheim.')).toEqual({});
  });

  it('counts Bergheim (Erft) with or without support', () => {
    expect(mentions('Die Kreisstadt Bergheim baut. In Bergheim ziehen 60 Menschen ein.')).toEqual({
      Bergheim: 2,
    });
    expect(mentions('In Bergheim ziehen 60 Menschen in die Unterkunft in Niederaußem.')).toEqual({
      Bergheim: 2,
    });
    expect(mentions('In Bergheim trafen sich Helfer.')).toEqual({ Bergheim: 1 });
  });
});

describe('districts', () => {
  const cases: Array<[string, string]> = [
    ['Dortmund', 'Unterkünfte gibt es in Hörde, Eving, Scharnhorst und Huckarde.'],
    ['Bielefeld', 'Unterkünfte gibt es in Sennestadt, Brackwede, Heepen und Schildesche.'],
    ['Münster', 'Unterkünfte gibt es in Kinderhaus, Hiltrup, Gievenbeck und Coerde.'],
    ['Mülheim an der Ruhr', 'Unterkünfte gibt es in Styrum, Saarn, in Heißen und in Dümpten.'],
    ['Bergheim', 'Unterkünfte gibt es in Quadrath-Ichendorf, Niederaußem, Oberaußem und Glessen.'],
    ['Altena', 'Unterkünfte gibt es in Dahle, Evingsen, Rahmede und Mühlenrahmede.'],
    ['Hamminkeln', 'Unterkünfte gibt es in Dingden, Mehrhoog, Brünen und Loikum.'],
    ['Nordkirchen', 'Unterkünfte gibt es in Capelle, Südkirchen, Südkirchen und Capelle.'],
  ];
  it.each(cases)('districts count for %s', (place, text) => {
    expect(mentions(text)).toEqual({ [place]: 4 });
    expect(assign({ title: 'Neue Unterkünfte', text }).municipality).toBe(place);
  });

  it('counts common-word districts only in the explicit form', () => {
    expect(mentions('In der Nordstadt und in Mitte fehlen Wohnungen.')).toEqual({});
    expect(mentions('In der Dortmunder Nordstadt und in Dortmund-Mitte fehlen Wohnungen.')).toEqual({
      Dortmund: 2,
    });
  });

  it('counts a hyphenated city-district pair once', () => {
    expect(mentions('Die Unterkunft in Dortmund-Hörde und die in Münster-Hiltrup.')).toEqual({
      Dortmund: 1,
      Münster: 1,
    });
  });

  it('keeps verb and noun homographs of districts out', () => {
    expect(mentions('Das Schüren von Ängsten hilft niemandem. Heißen Sie alle willkommen!')).toEqual({});
  });
});

describe('compilePlaces for other places', () => {
  it('works from user data, with strict and lenient surfaces', () => {
    const custom = compilePlaces([
      {
        name: 'Hamm',
        aliases: ['Hammer'],
        districts: ['Bockum-Hövel', 'Heessen'],
        ambiguous: { Hamm: { exclude: ['Hamm (Sieg)'] }, Hammer: { require: ['Westfalen'] } },
      },
      { name: 'Unna', districts: ['Massen'] },
    ]);
    expect(findPlaceMentions(custom, 'In Hamm und in Heessen, nicht in Hamm (Sieg).')).toEqual({ Hamm: 2 });
    expect(findPlaceMentions(custom, 'Der Hammer liegt im Werkzeugkasten.')).toEqual({});
    expect(findPlaceMentions(custom, 'Der Hammer Rat tagte in Westfalen.')).toEqual({ Hamm: 1 });
    expect(findPlaceMentions(custom, 'Massen von Menschen kamen nach Unna.')).toEqual({ Unna: 2 });
  });

  it('supports word globs in phrases: prefix (Ruhr*) and capitalized suffix (*er)', () => {
    expect(mentions('Wie in Köln sucht man auch in Mülheim im Ruhrgebiet Wohnungen.')).toEqual({
      'Mülheim an der Ruhr': 1,
    });
    const custom = compilePlaces([
      { name: 'Freiburg', ambiguous: { Freiburg: { exclude: ['*er Freiburg'] } } },
    ]);
    expect(findPlaceMentions(custom, 'Die Schweizer Freiburg-Variante, aber Freiburg im Breisgau.')).toEqual({
      Freiburg: 1,
    });
  });

  it('drops a surface claimed by two places', () => {
    const custom = compilePlaces([
      { name: 'Essen', districts: ['Holthausen'] },
      { name: 'Mülheim an der Ruhr', districts: ['Holthausen', 'Saarn'] },
    ]);
    expect(findPlaceMentions(custom, 'In Holthausen und in Saarn.')).toEqual({ 'Mülheim an der Ruhr': 1 });
  });
});

describe('parsePlaceConfig', () => {
  it('accepts the bundled data and names the problem in bad data', () => {
    expect(parsePlaceConfig(places)).toHaveLength(8);
    expect(() => parsePlaceConfig([{ name: 'Hamm', aliases: 'Hammer' }])).toThrow(/0\.aliases/);
    expect(() => parsePlaceConfig([{ name: 'Hamm', ambiguous: { Hamm: { requires: ['x'] } } }])).toThrow(
      /places/,
    );
  });
});

describe('findPlaceMentionsInSentences', () => {
  const surface = (sentences: Array<Array<{ text: string }>>): string =>
    sentences.map((s) => s.map((t) => t.text).join(' ')).join('\n');
  const cases: Array<[string, Record<string, number>]> = [
    [
      'In der Dortmunder Nordstadt und in Dortmund-Mitte fehlen Wohnungen. DORTMUND. Die Stadt plant neu.',
      { Dortmund: 3 },
    ],
    [
      'Die Unterkunft in Köln-Mülheim ist voll, anders als in Mülheim an der Ruhr (Saarn) – dort gibt es Platz.',
      { 'Mülheim an der Ruhr': 2 },
    ],
    [
      'Im Kölner Norden, in Mülheim, entsteht eine Unterkunft. Mülheim‑Styrum und Muelheim-Heißen melden Bedarf.',
      { 'Mülheim an der Ruhr': 3 },
    ],
    [
      'Das Münster ist saniert; in Münster-Hiltrup und Münster‐Kinderhaus (Münster) ziehen 40 Menschen ein.',
      { Münster: 3 },
    ],
    [
      'Bergheim/Erft, Quadrath-Ichendorf: „Willkommen in Bergheim!“ – sagte der Bürgermeister von Bergheim in Österreich.',
      { Bergheim: 3 },
    ],
    [
      'MARTEN. In Marten, Dortmund-Kley und Lütgendortmund wohnen 3.000 Geflüchtete; z.B. in der Wittener Str. 12a.',
      { Dortmund: 4 },
    ],
    [
      'Bielefeld-Bethel 🙂 und die v. Bodelschwinghschen Stiftungen Bethel in Gadderbaum helfen – ebenso Schloss Ringenberg.',
      { Bielefeld: 3, Hamminkeln: 1 },
    ],
  ];

  it('counts the same mentions as the surface text of the tokens', () => {
    for (const [text, expected] of cases) {
      const sentences = tokenizeGerman(text);
      expect(findPlaceMentions(g, text)).toEqual(expected);
      expect(findPlaceMentions(g, surface(sentences))).toEqual(expected);
      expect(findPlaceMentionsInSentences(g, sentences)).toEqual(expected);
    }
  });

  it('finds districts written as one hyphenated token', () => {
    const sentences = [
      [{ text: 'Die' }, { text: 'Unterkunft' }, { text: 'in' }, { text: 'Dortmund-Hörde' }, { text: '.' }],
    ];
    expect(findPlaceMentionsInSentences(g, sentences)).toEqual({ Dortmund: 1 });
    expect(findPlaceMentionsInSentences(g, [[{ text: 'das' }, { text: 'Münster' }]])).toEqual({});
    expect(findPlaceMentionsInSentences(g, [])).toEqual({});
  });
});
