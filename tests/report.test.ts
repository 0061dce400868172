import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dialects, formatCsv } from '../src/io/csv.js';
import { coverageSpec, orderMunicipalities } from '../src/report/charts.js';
import { loadReportData } from '../src/report/load.js';
import { periodRange, periodStart } from '../src/report/periods.js';
import { numberCell, parseTable } from '../src/report/read-table.js';
import { reportHtml, writeReport } from '../src/report/write-report.js';
import { writeReportFixture } from './report-fixture.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(path.join(tmpdir(), 'lokalpresse-report-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('reading tables in both dialects', () => {
  it('reads excel-de: BOM, semicolons, decimal comma, quoted cells, formula guard', () => {
    const text = formatCsv(
      ['municipality', 'title', 'tone_mean', 'articles'],
      [
        ['Mülheim an der Ruhr', 'Flüchtlinge; Helfer und „Paten“ treffen sich', -0.125, 12],
        ['Münster', '=HYPERLINK("http://example.org")', 0.5, 3],
        ['(ohne Ort)', 'Zeile mit\nUmbruch', null, 0],
      ],
      dialects['excel-de'],
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    const t = parseTable(text);
    expect(t.dialect).toBe('excel-de');
    expect(t.columns).toEqual(['municipality', 'title', 'tone_mean', 'articles']);
    expect(t.rows).toHaveLength(3);
    expect(t.rows[0]?.title).toBe('Flüchtlinge; Helfer und „Paten“ treffen sich');
    expect(numberCell(t, t.rows[0]?.tone_mean)).toBe(-0.125);
    expect(t.rows[1]?.title).toBe('=HYPERLINK("http://example.org")');
    expect(t.rows[2]?.title).toBe('Zeile mit\nUmbruch');
    expect(numberCell(t, t.rows[2]?.tone_mean)).toBeNull();
    expect(numberCell(t, t.rows[2]?.articles)).toBe(0);
  });

  it('reads rfc4180: commas and decimal points, and refuses non-numbers as numbers', () => {
    const text = formatCsv(
      ['source', 'articles', 'share_relevant'],
      [
        ['Westfalen-Blatt, Bielefeld', 402, 0.6965],
        ['WAZ', 1350, 0.25],
      ],
      dialects.rfc4180,
    );
    const t = parseTable(text);
    expect(t.dialect).toBe('rfc4180');
    expect(t.rows[0]?.source).toBe('Westfalen-Blatt, Bielefeld');
    expect(numberCell(t, t.rows[0]?.share_relevant)).toBe(0.6965);
    expect(numberCell(t, t.rows[1]?.articles)).toBe(1350);
    expect(numberCell(t, 'WAZ')).toBeNull();
    expect(numberCell(t, '1,5')).toBeNull();
  });
});

describe('periods', () => {
  it('places months, quarters and years on the time axis and fills gaps', () => {
    expect(periodStart('2016-03')).toBe('2016-03-01');
    expect(periodStart('2016-Q3')).toBe('2016-07-01');
    expect(periodStart('2016')).toBe('2016-01-01');
    expect(periodStart('(ohne Datum)')).toBeNull();
    expect(periodRange(['2015-11', '2016-02', '(ohne Datum)'])).toEqual([
      '2015-11',
      '2015-12',
      '2016-01',
      '2016-02',
    ]);
    expect(periodRange(['2016-Q4', '2016-Q2', '2017-Q1'])).toEqual([
      '2016-Q2',
      '2016-Q3',
      '2016-Q4',
      '2017-Q1',
    ]);
    expect(periodRange(['2014', '2016'])).toEqual(['2014', '2015', '2016']);
  });

  it('counts missing periods as zero articles in the coverage chart', () => {
    const row = (municipality: string, period: string, articles: number) => ({
      municipality,
      period,
      articles,
      tone: 0,
      toneLow: null,
      toneHigh: null,
      targetTone: null,
      targetLow: null,
      targetHigh: null,
      targetArticles: 0,
    });
    const spec = coverageSpec([
      row('Nordkirchen', '2016-01', 2),
      row('Nordkirchen', '2016-03', 1),
      row('Altena', '2016-02', 4),
      row('Altena', '(ohne Datum)', 9),
    ]);
    expect(spec).not.toBeNull();
    const values = (spec?.data as { values: Array<Record<string, unknown>> } | undefined)?.values ?? [];
    expect(values).toContainEqual({ municipality: 'Nordkirchen', date: '2016-02-01', articles: 0 });
    expect(values).toContainEqual({ municipality: 'Altena', date: '2016-01-01', articles: 0 });
    expect(values).toHaveLength(6);
    expect(orderMunicipalities(['Münster', '(ohne Ort)', 'Altena', 'Mülheim an der Ruhr'])).toEqual([
      'Altena',
      'Mülheim an der Ruhr',
      'Münster',
      '(ohne Ort)',
    ]);
  });
});

describe('report.html', () => {
  const hostile = '<script>alert(1)</script>';

  it('is one self-contained German page with inline SVG charts and escaped text', async () => {
    const dir = tempDir();
    writeReportFixture(dir, 'excel-de');
    const file = await writeReport(dir, { title: hostile });
    expect(file).toBe(path.join(dir, 'report.html'));
    const html = readFileSync(file, 'utf8');
    // Nothing fetched or run: no scripts, stylesheets, fonts or images from elsewhere.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
    // The title and the outlet named like an HTML tag are shown as text.
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Three Vega charts and one network drawing per municipality.
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(3 + 8);
    expect(html).toContain('class="marks"');
    for (const heading of [
      'Berichterstattung im Zeitverlauf',
      'Tonalität im Zeitverlauf',
      'Themen je Ort',
      'Akteure und ihre Verbindungen',
      'Schlüsselwörter je Ort',
      'Methode',
    ])
      expect(html).toContain(`${heading}</h2>`);
    expect(html).toContain('<html lang="de">');
    // Methods: corpus, rejections, validation figures in German notation.
    expect(html).toContain('Das Korpus umfasst 1.903 Artikel aus der Zeit vom 30.08.2015 bis zum 30.06.2016');
    expect(html).toContain('47 Eingaben ergaben keinen Artikel');
    expect(html).toContain('Genauigkeit 0,712, Makro-F1 0,655');
    expect(html).toContain('Zeitraum der Auswertung: Monat');
    // Actor ties with readable labels.
    expect(html).toContain('Initiativen und Ehrenamt – Stadtverwaltung (44)');
    expect(readdirSync(dir).filter((f) => f.endsWith('.html'))).toEqual(['report.html']);
  });

  it('shows the same figures whichever CSV dialect the tables were written in', async () => {
    const de = tempDir();
    const rfc = tempDir();
    writeReportFixture(de, 'excel-de');
    writeReportFixture(rfc, 'rfc4180');
    const day = new Date('2016-07-04T12:00:00Z');
    const a = await reportHtml(loadReportData(de), 'Bericht', day);
    const b = await reportHtml(loadReportData(rfc), 'Bericht', day);
    expect(a).toBe(b);
    expect(loadReportData(de).periods?.find((r) => r.period === '(ohne Datum)')?.toneLow).toBe(-0.2);
  });

  it('escapes names from the data inside the charts, too', async () => {
    const dir = tempDir();
    const name = '<b onmouseover="x()">Ort</b> & Co';
    writeFileSync(
      path.join(dir, 'municipality_period.csv'),
      formatCsv(
        ['municipality', 'period', 'articles', 'tone_mean', 'tone_ci_low', 'tone_ci_high'],
        [
          [name, '2016-01', 3, 0.1, -0.1, 0.3],
          [name, '2016-02', 5, -0.2, -0.4, 0],
        ],
        dialects.rfc4180,
      ),
    );
    writeFileSync(
      path.join(dir, 'actors_nodes.csv'),
      formatCsv(
        ['Id', 'Label', 'municipality', 'articles'],
        [
          [`${name}:a`, '<i>Bürgerinitiative</i>', name, 4],
          [`${name}:b`, 'Polizei', name, 2],
        ],
        dialects.rfc4180,
      ),
    );
    writeFileSync(
      path.join(dir, 'actors_edges.csv'),
      formatCsv(
        ['Source', 'Target', 'Weight', 'Type', 'municipality'],
        [[`${name}:a`, `${name}:b`, 2, 'Undirected', name]],
        dialects.rfc4180,
      ),
    );
    const html = readFileSync(await writeReport(dir), 'utf8');
    expect(html).not.toContain('<b onmouseover');
    expect(html).not.toContain('<i>Bürgerinitiative');
    expect(html).toContain('&lt;i&gt;Bürgerinitiative&lt;/i&gt;');
    expect(html).toContain('&lt;b onmouseover=');
  });

  it('still writes a page, with notes, when the tables are missing', async () => {
    const dir = tempDir();
    const html = readFileSync(await writeReport(dir), 'utf8');
    expect(html).toContain('Keine Tabelle municipality_period.csv');
    expect(html).toContain('Keine Akteurstabellen');
    expect(html).toContain('keine Validierungszahlen');
    expect(html).not.toContain('Schlüsselwörter je Ort');
  });

  it('lists the figures of a validation block in run.json', async () => {
    const dir = tempDir();
    writeReportFixture(dir, 'rfc4180');
    const run = JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as Record<string, unknown>;
    run.validation = { tone: { spearman: 0.41, n: 120 }, topics: { macroF1: 0.58 } };
    writeFileSync(path.join(dir, 'run.json'), JSON.stringify(run));
    const html = readFileSync(await writeReport(dir), 'utf8');
    expect(html).toContain('<td>tone.spearman</td><td>0,410</td>');
    expect(html).toContain('<td>tone.n</td><td>120</td>');
    expect(html).toContain('<td>topics.macroF1</td><td>0,580</td>');
  });
});
