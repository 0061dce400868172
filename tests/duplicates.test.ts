import { describe, expect, it } from 'vitest';
import {
  createDuplicateFinder,
  densify,
  normalizeWords,
  overlapFromJaccard,
  rowsPerBand,
  signTexts,
  type TextSignature,
} from '../src/ingest/duplicates.js';

const agency = `Land stockt Mittel für Integrationskurse auf
Düsseldorf (lnw) – Das Land Nordrhein-Westfalen stellt den Kommunen im kommenden Jahr zusätzlich 40 Millionen Euro für Sprach- und Integrationskurse zur Verfügung. Das teilte das Integrationsministerium am Dienstag in Düsseldorf mit. Mit dem Geld sollen vor allem Kurse für Frauen mit kleinen Kindern sowie Angebote am Abend für Berufstätige finanziert werden. Bisher warten nach Angaben des Ministeriums landesweit mehr als 12.000 Menschen auf einen Platz in einem Integrationskurs. Die Wartezeiten liegen in manchen Städten bei über sechs Monaten. Die kommunalen Spitzenverbände begrüßten die Entscheidung, forderten aber eine dauerhafte Finanzierung statt einmaliger Zahlungen. Die Städte müssten planen können, sagte ein Sprecher des Städtetags. Auch die Volkshochschulen, die einen großen Teil der Kurse anbieten, klagen seit Langem über fehlende Lehrkräfte. Viele Dozentinnen und Dozenten arbeiten auf Honorarbasis und wechseln in besser bezahlte Stellen an Schulen. Das Ministerium kündigte an, gemeinsam mit den Trägern über höhere Honorare zu sprechen. Die Opposition im Landtag kritisierte, das Geld komme zu spät und reiche nicht aus. Die Mittel sollen ab Januar über die Bezirksregierungen verteilt werden. Anträge können die Kommunen bis Ende November stellen.`;

const newLead = agency
  .replace(
    'Land stockt Mittel für Integrationskurse auf',
    'Mehr Geld für Sprachkurse: Auch Dortmund profitiert',
  )
  .replace(
    'Düsseldorf (lnw) – Das Land Nordrhein-Westfalen stellt den Kommunen im kommenden Jahr',
    'Gute Nachricht für die Städte im Land: Nordrhein-Westfalen stellt den Kommunen 2017',
  );

const closingLine = `${agency} In Dortmund sind derzeit rund 900 Menschen für einen Kurs angemeldet, teilte die Stadt am Mittwoch auf Anfrage mit.`;

const reformatted = agency.replace(/–/g, '-').replace(/\. /g, '.\n\n').toUpperCase();

const sameTopicA = `Neue Unterkunft in der Nordstadt
Dortmund. Die Stadt Dortmund will in der ehemaligen Hauptschule an der Mallinckrodtstraße bis zu 200 Geflüchtete unterbringen. Das kündigte Sozialdezernentin Birgit Zoerner am Montag im Sozialausschuss an. Die Umbauarbeiten sollen im April beginnen und rund 1,2 Millionen Euro kosten. Anwohner hatten in den vergangenen Wochen Fragen zur Sicherheit und zur Betreuung gestellt. Die Stadt plant deshalb eine Informationsveranstaltung in der Aula der Schule. Ein Sicherheitsdienst soll rund um die Uhr vor Ort sein, Sozialarbeiter der Diakonie übernehmen die Betreuung. Die Bezirksvertretung Innenstadt-Nord stimmte den Plänen mit großer Mehrheit zu. Lediglich ein Vertreter enthielt sich.`;

const sameTopicB = `Anwohner diskutieren über Flüchtlingsheim
Dortmund. Rund 250 Menschen kamen am Donnerstagabend in die Aula der früheren Hauptschule in der Nordstadt, um sich über die geplante Unterkunft für Geflüchtete zu informieren. Sozialdezernentin Birgit Zoerner stellte sich den Fragen. Viele Nachbarn zeigten sich hilfsbereit und fragten, wie sie sich einbringen können. Einige äußerten aber auch Sorgen wegen des Lärms und der Parksituation. Die Diakonie, die die Betreuung übernimmt, sammelte am Ende über 60 Adressen von Freiwilligen. Ein Runder Tisch soll sich im Mai zum ersten Mal treffen. Die ersten Bewohner werden im Sommer erwartet, sobald die Umbauarbeiten abgeschlossen sind.`;

describe('createDuplicateFinder', () => {
  it('finds the same agency story under a new headline and first sentence', () => {
    const f = createDuplicateFinder();
    expect(f.check('lnw-1', agency)).toBeNull();
    expect(f.check('ruhrnachrichten-7', newLead)).toBe('lnw-1');
  });

  it('finds the story with an added closing line, and with changed case and layout', () => {
    const f = createDuplicateFinder();
    expect(f.check('a', agency)).toBeNull();
    expect(f.check('b', closingLine)).toBe('a');
    expect(f.check('c', reformatted)).toBe('a');
  });

  it('points every later copy at the first copy', () => {
    const f = createDuplicateFinder();
    expect(f.check('first', newLead)).toBeNull();
    expect(f.check('second', agency)).toBe('first');
    expect(f.check('third', closingLine)).toBe('first');
  });

  it('keeps two different articles on the same topic and place apart', () => {
    const f = createDuplicateFinder();
    expect(f.check('a', sameTopicA)).toBeNull();
    expect(f.check('b', sameTopicB)).toBeNull();
    expect(f.check('c', agency)).toBeNull();
    expect(f.check('d', sameTopicA)).toBe('a');
  });

  it('does not take a short notice quoted in a long report for a copy of it', () => {
    const notice =
      'Die Kleiderkammer an der Kirchstraße ist ab Montag wieder dienstags und donnerstags von 10 bis 12 Uhr geöffnet. Gesucht werden vor allem Winterjacken und Schuhe für Kinder.';
    const f = createDuplicateFinder();
    expect(f.check('report', `${sameTopicA} ${notice} ${sameTopicB}`)).toBeNull();
    expect(f.check('notice', notice)).toBeNull();
  });

  it('honours a stricter threshold and is deterministic across instances', () => {
    const strict = createDuplicateFinder({ threshold: 0.99 });
    expect(strict.check('a', agency)).toBeNull();
    expect(strict.check('b', newLead)).toBeNull();
    expect(strict.check('c', agency)).toBe('a');
    const run = (): Array<string | null> => {
      const f = createDuplicateFinder({ hashes: 64, shingle: 4 });
      return [
        f.check('a', agency),
        f.check('b', newLead),
        f.check('c', sameTopicA),
        f.check('d', closingLine),
      ];
    };
    expect(run()).toEqual(run());
    expect(run()).toEqual([null, 'a', null, 'a']);
  });

  it('finds copies across thousands of stored texts (storage chunks and bucket tables growing meanwhile)', () => {
    // 9,000 unrelated short notices from a small German vocabulary, drawn by a fixed sequence.
    const words =
      'Stadtrat Bürgermeister Schule Turnhalle Verein Ehrenamt Sprachkurs Wohnung Kita Sporthalle Haushalt Bezirk Anwohner Polizei Feuerwehr Kirche Markt Brücke Radweg Bahnhof Montag Dienstag Mittwoch Donnerstag Freitag beschloss plant eröffnet sucht lädt verschiebt kritisiert begrüßt fordert prüft'.split(
        ' ',
      );
    let state = 7;
    const draw = (): string => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return words[state % words.length] ?? '';
    };
    const notice = (i: number): string =>
      `Meldung ${i}: ${Array.from({ length: 40 }, draw).join(' ')} (${i % 97} Teilnehmer, Raum ${i})`;
    const f = createDuplicateFinder();
    expect(f.check('lnw-1', agency)).toBeNull();
    const texts: string[] = [];
    for (let i = 0; i < 9_000; i++) {
      const text = notice(i);
      texts.push(text);
      expect(f.check(`meldung-${i}`, text)).toBeNull();
    }
    // The agency story was stored in the first chunk; its copies come two chunks later.
    expect(f.check('ruhrnachrichten-7', newLead)).toBe('lnw-1');
    expect(f.check('wp-3', closingLine)).toBe('lnw-1');
    // Notices from the second and third chunk, reprinted, point at themselves and nowhere else.
    expect(f.check('reprint-5000', (texts[5000] ?? '').toUpperCase())).toBe('meldung-5000');
    expect(f.check('reprint-8999', texts[8999] ?? '')).toBe('meldung-8999');
  });

  it('stores known answers so that later texts get the answers a full search gives', () => {
    const texts: Array<[string, string]> = [
      ['lnw-1', agency],
      ['dortmund-1', sameTopicA],
      ['leer', ''],
      ['ruhrnachrichten-7', newLead],
      ['dortmund-2', sameTopicB],
      ['wp-3', closingLine],
      ['bild-9', reformatted],
      ['dortmund-3', sameTopicA.replace('bis zu 200', 'bis zu 180')],
    ];
    const sign = signTexts();
    const full = createDuplicateFinder();
    const answers = texts.map(([id, text]) => full.registerNumber(id, sign(text)));
    expect(answers).toEqual([-1, -1, -1, 0, -1, 0, 0, 1]);
    // The first five answers taken as known, the rest searched: the same answers, the same ids.
    const resumed = createDuplicateFinder();
    texts.slice(0, 5).forEach(([id, text], i) => {
      resumed.registerKnown(id, sign(text), answers[i] as number);
    });
    const rest = texts.slice(5).map(([id, text]) => resumed.registerNumber(id, sign(text)));
    expect(rest).toEqual(answers.slice(5));
    expect(resumed.idOf(1)).toBe('dortmund-1');
    // A known answer must name an earlier first copy.
    expect(() => resumed.registerKnown('x', sign(agency), 5)).toThrow(/no first copy/);
    expect(() => resumed.registerKnown('x', sign(agency), 99)).toThrow(/no first copy/);
  });

  it('decides at the threshold by the exact number of equal positions, whatever the low bits the sketch sees', () => {
    // 128 positions; texts under 20 shingles are judged by Jaccard alone: 103 equal positions
    // (0.805) make a copy, 102 (0.797) do not. Band 0 stays equal, so the texts are candidates.
    let seed = 7;
    const next = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed;
    };
    const base = Uint32Array.from({ length: 128 }, () => next());
    const variant = (differing: number, sameLowBits: boolean): TextSignature => {
      const signature = base.slice();
      for (let d = 0; d < differing; d++) {
        const p = 4 + ((d * 37) % 124);
        const old = signature[p] as number;
        // A new value equal to the old in its low 4 bits (only the full comparison sees it), or not.
        signature[p] = sameLowBits ? (old ^ 0x0150) >>> 0 : (old ^ 0x0007) >>> 0;
      }
      return { signature, shingles: 12, empty: false };
    };
    for (const sameLowBits of [true, false]) {
      for (const [differing, copy] of [
        [0, true],
        [20, true],
        [25, true],
        [26, false],
        [40, false],
      ] as const) {
        const f = createDuplicateFinder();
        f.register('original', { signature: base.slice(), shingles: 12, empty: false });
        expect([differing, sameLowBits, f.register('other', variant(differing, sameLowBits))]).toEqual([
          differing,
          sameLowBits,
          copy ? 'original' : null,
        ]);
      }
    }
  });

  it('never matches empty text', () => {
    const f = createDuplicateFinder();
    expect(f.check('a', '')).toBeNull();
    expect(f.check('b', '  ')).toBeNull();
  });
});

describe('helpers', () => {
  it('normalizes case, punctuation and soft hyphens', () => {
    expect(normalizeWords('„Flücht\u00adlinge“ – in DORTMUND, 2016!')).toEqual([
      'flüchtlinge',
      'in',
      'dortmund',
      '2016',
    ]);
  });
  it('chooses bands that catch pairs at the threshold', () => {
    expect(rowsPerBand(128, 0.6)).toBe(4);
    expect(rowsPerBand(128, 0.3)).toBeLessThan(4);
  });
  it('fills empty bins from filled ones, choosing the same source bins for every text', () => {
    const bins = 16;
    const one = new Uint32Array(bins).fill(0xffffffff);
    one[5] = 42;
    const filledOne = new Uint8Array(bins);
    filledOne[5] = 1;
    densify(one, filledOne);
    expect([...one]).toEqual(new Array(bins).fill(42));
    // Two texts with the same filled bins but different values copy from the same places.
    const filled = new Uint8Array(bins);
    for (const i of [0, 3, 9, 10]) filled[i] = 1;
    const a = new Uint32Array(bins).fill(0xffffffff);
    const b = new Uint32Array(bins).fill(0xffffffff);
    for (const i of [0, 3, 9, 10]) {
      a[i] = 100 + i;
      b[i] = 200 + i;
    }
    densify(a, filled);
    densify(b, filled);
    expect([...a].every((v) => [100, 103, 109, 110].includes(v))).toBe(true);
    expect([...b].map((v) => v - 100)).toEqual([...a]);
    expect(new Set(a).size).toBeGreaterThan(1);
  });
  it('derives the overlap coefficient from Jaccard similarity and sizes', () => {
    expect(overlapFromJaccard(0.5, 100, 50)).toBeCloseTo(1);
    expect(overlapFromJaccard(0.8, 100, 100)).toBeCloseTo(0.8889, 3);
  });
});
