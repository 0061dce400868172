import { describe, expect, it } from 'vitest';
import {
  type ColumnMap,
  DEFAULT_COLUMNS,
  isNexisExport,
  parseDelimited,
  parseJsonl,
  parseNexis,
  parseTxt,
  sniffDelimiter,
} from '../src/ingest/formats/index.js';

const auto = { delimiter: 'auto' as const, columns: DEFAULT_COLUMNS };

describe('parseDelimited', () => {
  it('reads quoted cells with commas, quotes and line breaks', () => {
    const csv = [
      'id,title,date,source,text',
      'a1,"Turnhalle wird Notunterkunft, sagt die Stadt",2016-03-14,WAZ,"Die Stadt Mülheim richtet die Turnhalle ein.',
      '',
      'Der Sportverein ist ""nicht begeistert"", sagt der Vorsitzende."',
      'a2,Sprachkurs im Stadtteilzentrum,2016-03-15,WAZ,Ehrenamtliche geben jeden Dienstag Deutschunterricht.',
    ].join('\n');
    const out = parseDelimited(csv, auto);
    expect(out.rejections).toEqual([]);
    expect(out.records).toHaveLength(2);
    const [first, second] = out.records;
    expect(first?.record).toBe(1);
    expect(first?.fields.title).toBe('Turnhalle wird Notunterkunft, sagt die Stadt');
    expect(first?.fields.text).toBe(
      'Die Stadt Mülheim richtet die Turnhalle ein.\n\nDer Sportverein ist "nicht begeistert", sagt der Vorsitzende.',
    );
    expect(second?.record).toBe(2);
    expect(second?.fields.source).toBe('WAZ');
  });

  it('rejects a ragged row and a broken quote by row number and keeps the good rows', () => {
    const csv = [
      'id,title,text',
      '1,Willkommensfest in Hörde,Rund 300 Gäste feierten am Samstag im Stadtteilzentrum.',
      '2,Zu viele Felder,Text,der,nicht,passt',
      '3,"Unterkunft an der Schulstraße,Die Bezirksvertretung berät am Dienstag.',
      '4,Ratsbeschluss,Der Rat stimmte mit großer Mehrheit für den Neubau.',
      '5,"Sammelstelle ""Kleiderkammer""",Die Kleiderkammer sucht Winterjacken.',
    ].join('\n');
    const out = parseDelimited(csv, auto);
    expect(out.records.map((r) => r.fields.id)).toEqual(['1', '4', '5']);
    expect(out.records.map((r) => r.record)).toEqual([1, 4, 5]);
    expect(out.records[2]?.fields.title).toBe('Sammelstelle "Kleiderkammer"');
    expect(out.rejections.map((r) => r.record)).toEqual([2, 3]);
    expect(out.rejections[0]?.reason).toMatch(/row 2 \(line 3\): 6 fields, expected 3/);
    expect(out.rejections[1]?.reason).toMatch(/row 3 \(line 4\): .*quot/);
  });

  it('recovers after an unclosed quote that runs to the end of the file', () => {
    const csv = [
      'id;title;text',
      '1;Erster Artikel;Die Caritas eröffnet eine Beratungsstelle.',
      '2;"Kaputt;Hier fehlt das schließende Anführungszeichen.',
      '3;Dritter Artikel;Der Integrationsrat tagt im Rathaus.',
      '4;Vierter Artikel;Die Volkshochschule bietet neue Kurse an.',
    ].join('\r\n');
    const out = parseDelimited(csv, { delimiter: ';', columns: DEFAULT_COLUMNS });
    expect(out.records.map((r) => r.fields.id)).toEqual(['1', '3', '4']);
    expect(out.rejections).toHaveLength(1);
    expect(out.rejections[0]?.reason).toMatch(/^row 2 \(line 3\): broken quoting/);
  });

  it('keeps a stray quote inside an unquoted cell as text', () => {
    const csv = 'id,title,text\n7,Das 12" Modell,Ein Zoll-Maß im Titel stört nicht.\n';
    const out = parseDelimited(csv, auto);
    expect(out.rejections).toEqual([]);
    expect(out.records[0]?.fields.title).toBe('Das 12" Modell');
  });

  it('sniffs semicolons and TABs and maps renamed columns case-insensitively', () => {
    const columns: ColumnMap = {
      ...DEFAULT_COLUMNS,
      title: 'Überschrift',
      text: 'Inhalt',
      date: 'Datum',
      source: 'Medium',
    };
    const semi =
      ' Überschrift ;DATUM;Medium;inhalt\nNeue Kita in Kinderhaus;14.03.2016;WN;Die Kita nimmt auch Kinder aus der Unterkunft auf.\n';
    const s = parseDelimited(semi, { delimiter: 'auto', columns });
    expect(s.rejections).toEqual([]);
    expect(s.records[0]?.fields).toEqual({
      title: 'Neue Kita in Kinderhaus',
      date: '14.03.2016',
      source: 'WN',
      text: 'Die Kita nimmt auch Kinder aus der Unterkunft auf.',
    });
    const tsv =
      'Überschrift\tInhalt\tMedium\nSpendenlauf\tSchüler laufen für die Flüchtlingshilfe, 4.000 Euro kamen zusammen.\t\n';
    const t = parseDelimited(tsv, { delimiter: '\t', columns });
    expect(t.rejections).toEqual([]);
    expect(t.records[0]?.fields.text).toBe(
      'Schüler laufen für die Flüchtlingshilfe, 4.000 Euro kamen zusammen.',
    );
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('"a;b",c,d')).toBe(',');
    expect(sniffDelimiter('titel;text')).toBe(';');
  });

  it('rejects the file when the text column is missing, naming column and header', () => {
    const out = parseDelimited('id,titel,inhalt\n1,A,B\n', auto);
    expect(out.records).toEqual([]);
    expect(out.rejections).toHaveLength(1);
    expect(out.rejections[0]?.record).toBeNull();
    expect(out.rejections[0]?.reason).toContain('"text"');
    expect(out.rejections[0]?.reason).toContain('id, titel, inhalt');
  });

  it('rejects rows with empty text', () => {
    const out = parseDelimited(
      'title,text\nNur Titel,   \nMit Text,Der Landrat besucht die Unterkunft.\n',
      auto,
    );
    expect(out.records.map((r) => r.record)).toEqual([2]);
    expect(out.rejections).toEqual([{ record: 1, reason: 'row 1 (line 2): empty text' }]);
  });
});

describe('parseJsonl', () => {
  it('keeps good lines, rejects a broken one by line number, skips blank lines', () => {
    const jsonl = [
      '{"id":"x1","Headline":"Flüchtlinge ziehen in Containerdorf","body":"Am Montag zogen 80 Menschen ein.","pub":"2016-02-01"}',
      '',
      '{"id":"x2","Headline":"Kaputt","body":"Hier fehlt die Klammer"',
      '{"id":"x3","Headline":"Ohne Text","body":""}',
      '{"id":4,"Headline":"Absätze","body":["Erster Absatz.","Zweiter Absatz."]}',
      '["kein","Objekt"]',
    ].join('\n');
    const columns: ColumnMap = { ...DEFAULT_COLUMNS, title: 'headline', text: 'Body', date: 'pub' };
    const out = parseJsonl(jsonl, { columns });
    expect(out.records.map((r) => r.record)).toEqual([1, 5]);
    expect(out.records[0]?.fields).toEqual({
      id: 'x1',
      title: 'Flüchtlinge ziehen in Containerdorf',
      text: 'Am Montag zogen 80 Menschen ein.',
      date: '2016-02-01',
    });
    expect(out.records[1]?.fields.id).toBe('4');
    expect(out.records[1]?.fields.text).toBe('Erster Absatz.\n\nZweiter Absatz.');
    expect(out.rejections.map((r) => r.record)).toEqual([3, 4, 6]);
    expect(out.rejections[0]?.reason).toMatch(/^line 3: invalid JSON/);
    expect(out.rejections[1]?.reason).toMatch(/^line 4: empty text/);
    expect(out.rejections[2]?.reason).toBe('line 6: not a JSON object');
  });
});

describe('parseTxt', () => {
  it('reads a German header and keeps paragraphs', () => {
    const txt = [
      'Titel: Ehrenamtliche eröffnen Begegnungscafé',
      'Datum: 14.03.2016',
      'QUELLE: Ruhr Nachrichten',
      'Ort: Dortmund',
      'Link: https://example.org/artikel/123',
      'Ressort: Lokales',
      '',
      'Jeden Donnerstag treffen sich Geflüchtete und Nachbarn',
      'im Gemeindehaus an der Kirchstraße.',
      '',
      '',
      'Das Café ist von 15 bis 18 Uhr geöffnet.',
    ].join('\n');
    const out = parseTxt(txt);
    expect(out.rejections).toEqual([]);
    expect(out.records).toEqual([
      {
        record: null,
        fields: {
          title: 'Ehrenamtliche eröffnen Begegnungscafé',
          date: '14.03.2016',
          source: 'Ruhr Nachrichten',
          municipality: 'Dortmund',
          url: 'https://example.org/artikel/123',
          text: 'Jeden Donnerstag treffen sich Geflüchtete und Nachbarn im Gemeindehaus an der Kirchstraße.\n\nDas Café ist von 15 bis 18 Uhr geöffnet.',
        },
      },
    ]);
  });

  it('reads English header keys', () => {
    const out = parseTxt(
      'Title: Council votes on housing\nAuthor: Jane Doe\nMunicipality: Münster\n\nThe council met on Tuesday.\n',
    );
    expect(out.records[0]?.fields).toMatchObject({
      title: 'Council votes on housing',
      author: 'Jane Doe',
      municipality: 'Münster',
    });
    expect(out.records[0]?.fields.text).toBe('The council met on Tuesday.');
  });

  it('takes the first line as title when there is no header', () => {
    const txt =
      '\n\nStreit um Unterkunft in Saarn\n\nAnwohner kritisieren: Die Stadt habe zu spät informiert.\nDie Verwaltung weist das zurück.\n';
    const out = parseTxt(txt);
    expect(out.records[0]?.fields).toEqual({
      title: 'Streit um Unterkunft in Saarn',
      text: 'Anwohner kritisieren: Die Stadt habe zu spät informiert. Die Verwaltung weist das zurück.',
    });
  });

  it('does not take a first paragraph with a colon for a header', () => {
    const out = parseTxt('Bürgermeister: Wir schaffen das\n\nDer Bürgermeister zeigte sich zuversichtlich.');
    expect(out.records[0]?.fields.title).toBe('Bürgermeister: Wir schaffen das');
    expect(out.records[0]?.fields.text).toBe('Der Bürgermeister zeigte sich zuversichtlich.');
  });

  it('rejects an empty file', () => {
    expect(parseTxt(' \n\n').rejections).toEqual([{ record: null, reason: 'empty text' }]);
  });
});

const englishExport = `
                               1 of 3 DOCUMENTS


                         Westdeutsche Allgemeine Zeitung (WAZ)

                             March 14, 2016 Monday

Stadt sucht weitere Wohnungen
für Geflüchtete

BYLINE: Hans Beispiel

SECTION: LOKALES; S. 15

LENGTH: 412 words


Die Stadt Mülheim sucht weiter nach Wohnungen. Bisher wurden
120 Wohnungen angemietet.

Der Sozialdezernent bat Vermieter um Hilfe.

LOAD-DATE: March 15, 2016

LANGUAGE: GERMAN

PUBLICATION-TYPE: Zeitung


                  Copyright 2016 Funke Mediengruppe
                          All Rights Reserved


                               2 of 3 DOCUMENTS


                         Ruhr Nachrichten

                      March 16, 2016 Wednesday Final Edition

Sprachcafé in der Nordstadt

LENGTH: 120 words


Ehrenamtliche bieten im Nachbarschaftstreff Gespräche auf Deutsch an.

LOAD-DATE: March 17, 2016


                               3 of 3 DOCUMENTS


                         Westfälische Nachrichten

                             March 18, 2016 Friday

Leerer Bericht

LENGTH: 0 words


LOAD-DATE: March 18, 2016
`;

const germanExport = `Dokument 1 von 2

Neue Westfälische

14. März 2016 Montag

Brackwede: Unterkunft öffnet im April

AUTOR: Petra Muster
RUBRIK: BIELEFELD; S. 9
LÄNGE: 305 Wörter

Die ehemalige Schule in Brackwede wird zur Unterkunft für 150 Menschen.

Ein Runder Tisch koordiniert die Hilfe.

LADEDATUM: 15. März 2016
SPRACHE: GER
PUBLIKATIONSTYP: Zeitung

Copyright 2016 Neue Westfälische

Dokument 2 von 2

Neue Westfälische

2. Mai 2016 Montag

Patenschaften gesucht

LÄNGE: 80 Wörter

Der Verein sucht Paten, die Familien bei Behördengängen begleiten.

LADEDATUM: 3. Mai 2016
`;

describe('parseNexis', () => {
  it('detects exports and not ordinary text', () => {
    expect(isNexisExport(englishExport)).toBe(true);
    expect(isNexisExport(germanExport)).toBe(true);
    expect(isNexisExport('Titel: Ein Artikel\n\nMit Text über 3 Dokumente.')).toBe(false);
  });

  it('reads an English-labelled export with three documents', () => {
    const out = parseNexis(englishExport);
    expect(out.records.map((r) => r.record)).toEqual([1, 2]);
    expect(out.rejections).toEqual([{ record: 3, reason: 'document 3: empty text' }]);
    const [a, b] = out.records;
    expect(a?.fields).toEqual({
      source: 'Westdeutsche Allgemeine Zeitung (WAZ)',
      date: 'March 14, 2016',
      title: 'Stadt sucht weitere Wohnungen für Geflüchtete',
      author: 'Hans Beispiel',
      text: 'Die Stadt Mülheim sucht weiter nach Wohnungen. Bisher wurden 120 Wohnungen angemietet.\n\nDer Sozialdezernent bat Vermieter um Hilfe.',
    });
    expect(b?.fields.date).toBe('March 16, 2016');
    expect(b?.fields.title).toBe('Sprachcafé in der Nordstadt');
    expect(b?.fields.text).toBe('Ehrenamtliche bieten im Nachbarschaftstreff Gespräche auf Deutsch an.');
  });

  it('reads a German-labelled export', () => {
    const out = parseNexis(germanExport);
    expect(out.rejections).toEqual([]);
    expect(out.records).toHaveLength(2);
    expect(out.records[0]?.fields).toEqual({
      source: 'Neue Westfälische',
      date: '14. März 2016',
      title: 'Brackwede: Unterkunft öffnet im April',
      author: 'Petra Muster',
      text: 'Die ehemalige Schule in Brackwede wird zur Unterkunft für 150 Menschen.\n\nEin Runder Tisch koordiniert die Hilfe.',
    });
    expect(out.records[1]?.fields.date).toBe('2. Mai 2016');
    expect(out.records[1]?.fields.text).not.toContain('LADEDATUM');
  });

  it('accepts the "1 von 3 DOKUMENTEN" separator and the newer layout with a Body line', () => {
    expect(
      parseNexis(
        '1 von 1 DOKUMENTEN\n\nWAZ\n\n1. April 2016\n\nTitel\n\nLÄNGE: 5 Wörter\n\nKurzer Text hier.\n',
      ).records[0]?.fields.text,
    ).toBe('Kurzer Text hier.');
    const uni = [
      'Helfer am Limit',
      'Kölner Stadt-Anzeiger',
      'April 2, 2016 Saturday',
      'Copyright 2016 DuMont',
      'Section: RHEIN-ERFT; S. 28',
      'Length: 300 words',
      'Byline: Max Muster',
      'Body',
      '',
      'In Bergheim arbeiten die Ehrenamtlichen seit Monaten am Limit.',
      '',
      'Load-Date: April 3, 2016',
      '',
      'End of Document',
    ].join('\n');
    expect(isNexisExport(uni)).toBe(true);
    expect(parseNexis(uni).records).toEqual([
      {
        record: 1,
        fields: {
          title: 'Helfer am Limit',
          source: 'Kölner Stadt-Anzeiger',
          date: 'April 2, 2016',
          author: 'Max Muster',
          text: 'In Bergheim arbeiten die Ehrenamtlichen seit Monaten am Limit.',
        },
      },
    ]);
  });
});

describe('parseDelimited with spreadsheet quirks', () => {
  it('accepts a stray delimiter at the end of data rows but not extra content', () => {
    const csv =
      'titel;text\nA;Die Tafel verteilt Lebensmittel.;\nB;Der Chor probt im Gemeindehaus.;;\nC;Zu viel;Inhalt\n';
    const columns: ColumnMap = { ...DEFAULT_COLUMNS, title: 'titel' };
    const out = parseDelimited(csv, { delimiter: 'auto', columns });
    expect(out.records.map((r) => r.fields.title)).toEqual(['A', 'B']);
    expect(out.rejections).toEqual([{ record: 3, reason: 'row 3 (line 4): 3 fields, expected 2' }]);
  });
});

describe('parseNexis layout variants', () => {
  it('reads a body that follows the length line directly and a wrapped section line', () => {
    const doc = [
      '1 of 1 DOCUMENT',
      '',
      'Ruhr Nachrichten',
      '',
      'November 3, 2015 Tuesday',
      '',
      'Hilfe für Familien aus Syrien',
      '',
      'SECTION: DORTMUND; Lokales;',
      'S. 4',
      'LENGTH: 210 words',
      'Ehrenamtliche in Eving begleiten seit dem Sommer',
      'fünf Familien.',
      '',
      'LOAD-DATE: November 4, 2015',
    ].join('\n');
    const out = parseNexis(doc);
    expect(out.records).toEqual([
      {
        record: 1,
        fields: {
          source: 'Ruhr Nachrichten',
          date: 'November 3, 2015',
          title: 'Hilfe für Familien aus Syrien',
          text: 'Ehrenamtliche in Eving begleiten seit dem Sommer fünf Familien.',
        },
      },
    ]);
  });
});
