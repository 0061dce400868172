import { describe, expect, it } from 'vitest';
import { compileDictionary, countHits, loadDictionary } from '../src/dictionary/index.js';
import { codebookKeys, codebookTopics, defaultCodebookFile } from '../src/score/topics/index.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const KEYS = [
  'wohnen',
  'bildung',
  'arbeit',
  'sprache',
  'ehrenamt',
  'begegnung',
  'sicherheit',
  'protest',
  'verwaltung',
  'gesundheit',
];

describe('codebookTopics', () => {
  it('turns hit counts into shares that sum to 1 and picks the main topic', () => {
    const r = codebookTopics({ wohnen: 6, bildung: 2, sicherheit: 0, verwaltung: 2 });
    expect(r.main).toBe('wohnen');
    expect(r.confidence).toBeCloseTo(0.6, 12);
    expect(r.shares).toEqual({ wohnen: 0.6, bildung: 0.2, sicherheit: 0, verwaltung: 0.2 });
    expect(Object.values(r.shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('breaks ties by codebook order, not by the order of the hits', () => {
    const hits = { verwaltung: 3, sprache: 3, wohnen: 1 };
    expect(codebookTopics(hits, KEYS).main).toBe('sprache');
    expect(codebookTopics(hits, KEYS).confidence).toBeCloseTo(3 / 7, 12);
    // Without an order, the order of the keys in the record decides.
    expect(codebookTopics(hits).main).toBe('verwaltung');
  });

  it('gives no topic when there is no hit, and ignores negative or broken counts', () => {
    expect(codebookTopics({})).toEqual({ shares: {}, main: null, confidence: null });
    expect(codebookTopics({ wohnen: 0, arbeit: 0 })).toEqual({ shares: {}, main: null, confidence: null });
    const r = codebookTopics({ wohnen: -4, arbeit: Number.NaN, protest: 2 });
    expect(r.main).toBe('protest');
    expect(r.confidence).toBe(1);
    expect(r.shares.wohnen).toBe(0);
  });
});

describe('default codebook', () => {
  const dict = compileDictionary(loadDictionary(defaultCodebookFile));
  const code = (text: string) => codebookTopics(countHits(dict, tokenizeGerman(text)), KEYS);

  it('has exactly the study categories, in order, each with patterns', () => {
    expect(codebookKeys()).toEqual(KEYS);
    const spec = loadDictionary(defaultCodebookFile);
    for (const key of KEYS) expect(spec[key]?.length ?? 0, key).toBeGreaterThan(10);
  });

  it.each([
    [
      'wohnen',
      'Die Stadt richtet die Turnhalle der Gesamtschule als Notunterkunft ein. Bis zu 150 Menschen sollen dort untergebracht werden, bis die Wohncontainer an der Bahnhofstraße fertig sind.',
    ],
    [
      'bildung',
      'An den Grundschulen gibt es inzwischen zwölf Klassen für Seiteneinsteiger. Die Lehrerinnen und Lehrer unterrichten Kinder aus Syrien und Afghanistan, auch die Kitas melden mehr Anmeldungen.',
    ],
    [
      'arbeit',
      'Das Jobcenter vermittelt junge Geflüchtete in ein Praktikum. Drei von ihnen haben inzwischen einen Ausbildungsvertrag bei Handwerksbetrieben unterschrieben, sagt die Arbeitsagentur.',
    ],
    [
      'sprache',
      'Der Integrationskurs an der Volkshochschule ist ausgebucht. Wer keinen Platz bekommt, kann den Deutschkurs im Sprachcafé besuchen.',
    ],
    [
      'ehrenamt',
      'Über hundert Ehrenamtliche engagieren sich im Helferkreis. Die Initiative sammelt Spenden, die Kleiderkammer der Caritas hat dienstags geöffnet.',
    ],
    [
      'begegnung',
      'Beim Sommerfest im Begegnungscafé wurde gemeinsam gegrillt und getanzt. Der Fußballverein lud die Jugendlichen zum Training ein.',
    ],
    [
      'verwaltung',
      'Der Stadtrat hat den Nachtragshaushalt beschlossen. Der Bürgermeister rechnet wegen der Zuweisung weiterer Asylbewerber mit Kosten von vier Millionen Euro, die Verwaltung fordert mehr Geld vom Land.',
    ],
    [
      'sicherheit',
      'Die Polizei ermittelt nach einem Einbruch in einen Kiosk. Zwei Tatverdächtige wurden festgenommen, der Diebstahl von Zigaretten ist nicht die erste Straftat der beiden.',
    ],
    [
      'protest',
      'Rund 200 Menschen beteiligten sich an der Kundgebung gegen Rassismus. Zur Gegendemo der Pegida-Anhänger kamen nur wenige, die Demonstration blieb friedlich.',
    ],
    [
      'gesundheit',
      'Im Gesundheitsamt werden alle Neuankömmlinge untersucht. Eine Ärztin impft Kinder gegen Masern, schwer Erkrankte kommen ins Krankenhaus.',
    ],
  ])('codes a %s article by its dictionary hits', (topic, text) => {
    const r = code(text);
    expect(r.main).toBe(topic);
    expect(Object.values(r.shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('finds housing in compounds and gendered forms', () => {
    const r = code('Die Flüchtlingsunterkünfte sind voll; die Helfer*innen suchen Wohnraum.');
    expect(r.shares.wohnen ?? 0).toBeGreaterThan(0);
    expect(r.shares.ehrenamt ?? 0).toBeGreaterThan(0);
  });

  it('gives no topic to a text without codebook words', () => {
    expect(code('Es regnet seit Tagen, am Wochenende soll es wärmer werden.').main).toBeNull();
  });
});
