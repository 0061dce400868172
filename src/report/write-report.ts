import path from 'node:path';
import { writeFileAtomic } from '../io/write-file.js';
import { coverageSpec, orderMunicipalities, toneSpec, topicSpec } from './charts.js';
import { escapeHtml, formatDecimal, formatInteger, htmlTable } from './html.js';
import { type ActorEdge, type ActorNode, type KeyTerm, loadReportData, type ReportData } from './load.js';
import { methodsHtml } from './methods.js';
import { networkSvg } from './network-svg.js';
import { renderSvg } from './render-svg.js';
import { REPORT_CSS } from './style.js';

export const REPORT_FILE = 'report.html';
const DEFAULT_TITLE = 'Lokale Berichterstattung über Geflüchtete';

const e = escapeHtml;
const missing = (what: string): string => `<p class="missing">${e(what)}</p>`;

/** A chart as inline SVG, or a note when there is nothing to draw or drawing failed. */
async function chart(
  spec: Parameters<typeof renderSvg>[0] | null,
  caption: string,
  none: string,
): Promise<string> {
  if (!spec) return missing(none);
  try {
    const svg = await renderSvg(spec);
    return `<figure>${svg}<figcaption>${e(caption)}</figcaption></figure>`;
  } catch (error) {
    return missing(`Das Diagramm konnte nicht erstellt werden: ${(error as Error).message}`);
  }
}

/** (d) Strongest ties per municipality as a table, and a small network drawing per municipality. */
function actorsHtml(nodes: ActorNode[] | null, edges: ActorEdge[] | null, perPlace = 4): string {
  if (!nodes || !edges)
    return missing('Keine Akteurstabellen (actors_nodes.csv, actors_edges.csv) gefunden.');
  const label = new Map(nodes.map((n) => [n.id, n.label]));
  const places = orderMunicipalities(nodes.map((n) => n.municipality));
  const rows: Array<Array<string | number>> = [];
  for (const m of places) {
    const ties = edges
      .filter((x) => x.municipality === m)
      .sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source, 'de'))
      .slice(0, perPlace)
      .map(
        (t) =>
          `${label.get(t.source) ?? t.source} – ${label.get(t.target) ?? t.target} (${formatInteger(t.weight)})`,
      );
    if (ties.length > 0) rows.push([m, ties.join('; ')]);
  }
  const mostNamed = places.map((m) => {
    const top = nodes
      .filter((n) => n.municipality === m)
      .sort((a, b) => b.articles - a.articles)
      .slice(0, 4)
      .map((n) => `${n.label} (${formatInteger(n.articles)})`)
      .join(', ');
    return [m, top];
  });
  const drawings = places
    .map((m) => {
      const svg = networkSvg(m, nodes, edges);
      return svg ? `<figure>${svg}<figcaption>${e(m)}</figcaption></figure>` : '';
    })
    .join('');
  return [
    '<p>Zwei Akteure sind verbunden, wenn derselbe Artikel beide nennt; das Gewicht ist die Zahl solcher Artikel. ' +
      'Die vollständigen Tabellen (<code>actors_nodes.csv</code>, <code>actors_edges.csv</code>) lassen sich in Gephi öffnen.</p>',
    htmlTable(['Ort', 'Meistgenannte Akteure (Artikel)'], mostNamed, 'Meistgenannte Akteure je Ort'),
    rows.length > 0
      ? htmlTable(
          ['Ort', 'Verbindungen (gemeinsame Artikel)'],
          rows,
          `Stärkste Verbindungen je Ort (bis zu ${perPlace})`,
        )
      : missing('Keine Artikel nennen zwei Akteure zugleich.'),
    drawings ? `<div class="networks">${drawings}</div>` : '',
  ].join('\n');
}

/** Key terms per municipality (keyness.csv), when the aggregate stage wrote it. */
function keynessHtml(terms: KeyTerm[] | null, perPlace = 12): string {
  if (!terms) return '';
  const places = orderMunicipalities(terms.map((t) => t.municipality));
  const rows = places.map((m) => [
    m,
    terms
      .filter((t) => t.municipality === m)
      .slice(0, perPlace)
      .map(
        (t) =>
          `${t.term} (${formatInteger(t.count)}${t.logRatio !== null ? `; LR ${formatDecimal(t.logRatio, 1)}` : ''})`,
      )
      .join(', '),
  ]);
  return [
    '<h2 id="schluesselwoerter">5. Schlüsselwörter je Ort</h2>',
    '<p>Wörter, die in den Artikeln eines Ortes deutlich häufiger vorkommen als in denen der übrigen Orte ' +
      '(Log-Likelihood G², p &lt; 0,01). In Klammern: Häufigkeit und Log Ratio (binärer Logarithmus des Verhältnisses ' +
      'der relativen Häufigkeiten; 1 = doppelt so häufig).</p>',
    rows.length > 0
      ? htmlTable(['Ort', 'Schlüsselwörter'], rows)
      : missing('Keine signifikanten Schlüsselwörter.'),
  ].join('\n');
}

/** The whole report page from loaded data. */
export async function reportHtml(
  data: ReportData,
  title: string,
  written: Date = new Date(),
): Promise<string> {
  const coverage = await chart(
    data.periods ? coverageSpec(data.periods) : null,
    'Zahl der gezählten Artikel je Zeitraum; jeder Ort hat seine eigene y-Achse. Artikel ohne Datum fehlen hier.',
    'Keine Tabelle municipality_period.csv mit datierten Artikeln gefunden.',
  );
  const tone = await chart(
    data.periods ? toneSpec(data.periods) : null,
    'Mittlerer Ton je Zeitraum (−1 negativ bis +1 positiv) mit 95-%-Konfidenzband (bei wenigen Artikeln breit, am Rand abgeschnitten); rot: nur die Sätze, die Zielbegriffe nennen.',
    'Keine Tonwerte gefunden.',
  );
  const topics = await chart(
    data.topics ? topicSpec(data.topics) : null,
    'Anteile der Hauptthemen an den Artikeln eines Ortes, über alle Zeiträume zusammen; n = Artikel mit Thema.',
    'Keine Tabelle topics_by_municipality_period.csv gefunden.',
  );
  const date = written.toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>${e(title)}</h1>
<p class="lead">Bericht vom ${e(date)}. Alle Zahlen stammen aus den Tabellen im selben Ausgabeordner.</p>
<nav><ol>
<li><a href="#umfang">Berichterstattung im Zeitverlauf</a></li>
<li><a href="#ton">Tonalität im Zeitverlauf</a></li>
<li><a href="#themen">Themen je Ort</a></li>
<li><a href="#akteure">Akteure und ihre Verbindungen</a></li>
${data.keyness ? '<li><a href="#schluesselwoerter">Schlüsselwörter je Ort</a></li>\n' : ''}<li><a href="#methode">Methode</a></li>
</ol></nav>
<h2 id="umfang">1. Berichterstattung im Zeitverlauf</h2>
${coverage}
<h2 id="ton">2. Tonalität im Zeitverlauf</h2>
${tone}
<h2 id="themen">3. Themen je Ort</h2>
${topics}
<h2 id="akteure">4. Akteure und ihre Verbindungen</h2>
${actorsHtml(data.nodes, data.edges)}
${keynessHtml(data.keyness)}
<h2 id="methode">${data.keyness ? 6 : 5}. Methode</h2>
${methodsHtml(data.run, data.sources, data.periods)}
</main>
</body>
</html>
`;
}

/**
 * Writes `OUT/report.html`: one self-contained page (inline SVG charts and CSS, no scripts, nothing
 * from the network) built from the tables in `outDir`. Returns the file's path.
 */
export async function writeReport(outDir: string, opts: { title?: string } = {}): Promise<string> {
  const data = loadReportData(outDir);
  const html = await reportHtml(data, opts.title ?? DEFAULT_TITLE);
  const file = path.join(outDir, REPORT_FILE);
  writeFileAtomic(file, html);
  return file;
}
