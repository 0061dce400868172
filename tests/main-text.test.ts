import type { CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { isDateLine } from '../src/ingest/html/blocks.js';
import { densityRoots } from '../src/ingest/html/density.js';
import type { DomNode } from '../src/ingest/html/dom.js';
import { loadHtml } from '../src/ingest/html/load.js';
import { extractMainText } from '../src/ingest/html/main-text.js';
import { stripSiteName } from '../src/ingest/html/title.js';

const NAV = `
<header class="site-header"><a href="/" class="logo">Westfalen-Abendpost</a>
  <nav><ul><li><a href="/lokales">Lokales</a></li><li><a href="/sport">Sport</a></li>
  <li><a href="/politik">Politik</a></li><li><a href="/kultur">Kultur</a></li></ul></nav>
</header>
<div id="cookie-banner">Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.
  <button>Alle akzeptieren</button></div>
<ol class="breadcrumb"><li><a href="/">Startseite</a></li><li><a href="/lokales">Lokales</a></li></ol>`;

const FOOTER = `
<footer><p>© 2024 Westfalen-Abendpost Verlag GmbH. Alle Rechte vorbehalten.</p>
  <a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer>`;

const P1 =
  'Die Stadt Altena hat am Dienstag eine neue Unterkunft für geflüchtete Familien eröffnet, in der bis zu vierzig Menschen wohnen können.';
const P2 =
  'Bürgermeister Uwe Kessler sagte bei der Eröffnung, die Stadt setze auf kleine Wohneinheiten, weil sich die Menschen dort schneller einlebten.';
const P3 =
  'Ehrenamtliche des Vereins „Altena hilft“ begleiten die Familien bei Behördengängen, organisieren Sprachkurse und laden zu einem wöchentlichen Café ein.';

const NEWS_PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Neue Unterkunft für Geflüchtete eröffnet | Westfalen-Abendpost</title>
<meta property="og:title" content="Neue Unterkunft für Geflüchtete eröffnet | Westfalen-Abendpost">
<script>window.dataLayer = [];</script><style>.x{color:red}</style></head>
<body>${NAV}
<main>
<article class="article">
  <header><h1>Neue Unterkunft für Geflüchtete eröffnet</h1>
    <div class="article-meta"><span class="author">Von Petra Schulte</span> <time datetime="2024-03-12">12.03.2024</time></div>
  </header>
  <figure><img src="haus.jpg" alt=""><figcaption>Das neue Haus an der Lennestraße. Foto: Michael Brandt</figcaption></figure>
  <div class="article-body">
    <p>${P1}</p>
    <p>${P2}</p>
    <p class="related-inline">Lesen Sie auch: <a href="/a">Mehr Wohnraum für Familien in Altena gefordert</a></p>
    <p>${P3}</p>
    <div class="newsletter-box"><h3>Unser Newsletter</h3><p>Jeden Morgen die wichtigsten Nachrichten aus Ihrer Region direkt in Ihr Postfach.</p>
      <a href="/newsletter">Jetzt anmelden</a></div>
    <p>Foto: Michael Brandt</p>
  </div>
  <div class="share-buttons"><a href="#">Auf Facebook teilen</a> <a href="#">Per WhatsApp teilen</a></div>
  <div class="author-box"><img src="ps.jpg" alt=""><p>Petra Schulte berichtet seit 2010 für die Westfalen-Abendpost aus dem Märkischen Kreis und schreibt am liebsten über Vereine.</p></div>
</article>
<section class="teaser-list"><h2>Mehr aus Altena</h2>
  <article class="teaser"><a href="/b"><h3>Stadtrat beschließt neuen Haushalt</h3></a></article>
  <article class="teaser"><a href="/c"><h3>Burgfest lockt tausende Besucher an</h3></a></article>
  <article class="teaser"><a href="/d"><h3>Lennetal-Radweg wird verlängert</h3></a></article>
</section>
<section id="comments"><h2>Kommentare (2)</h2>
  <div class="comment"><p>Endlich passiert mal etwas, gut gemacht liebe Stadtverwaltung und danke an alle Helfer!</p></div>
  <div class="comment"><p>Wer bezahlt das eigentlich alles? Diese Frage sollte man doch wohl stellen dürfen.</p></div>
</section>
</main>
${FOOTER}
</body></html>`;

const TABLE_PAGE = `<html><head><title>Zahlen zur Unterbringung - Lokalanzeiger Bergheim</title></head><body>
<nav><a href="/">Start</a> <a href="/lokales">Lokales</a></nav>
<article>
<h1>So viele Geflüchtete leben in Bergheim</h1>
<p>Die Kreisstadt Bergheim hat im vergangenen Jahr deutlich mehr Menschen aufgenommen als geplant, wie aus einer Vorlage für den Sozialausschuss hervorgeht.</p>
<p>Die Verwaltung nennt vor allem drei Gründe für den Anstieg:</p>
<ul>
  <li>Zuweisungen des Landes kamen früher als angekündigt.</li>
  <li>Mehrere Familien zogen aus Nachbarkommunen nach.</li>
  <li>Eine Landeseinrichtung in der Nähe wurde geschlossen.</li>
</ul>
<table>
  <thead><tr><th>Unterkunft</th><th>Plätze</th><th>belegt</th></tr></thead>
  <tbody>
    <tr><td>Zieverich</td><td>120</td><td>98</td></tr>
    <tr><td>Quadrath-Ichendorf</td><td>80</td><td>80</td></tr>
  </tbody>
</table>
<p>Der Sozialausschuss berät am Donnerstag über eine weitere Unterkunft im Stadtteil Niederaußem, die ab dem Sommer genutzt werden könnte.</p>
</article>
</body></html>`;

const SOUP_P1 =
  'Im Mülheimer Stadtteil Styrum haben Nachbarn, Schüler und Geflüchtete gemeinsam einen Gemeinschaftsgarten angelegt, in dem seit dem Frühjahr Gemüse wächst.';
const SOUP_P2 =
  'Die Idee stammt von einer Lehrerin der Gesamtschule, die mit ihrer Klasse nach einem Ort suchte, an dem sich Menschen ohne Sprachbarrieren begegnen können.';
const SOUP_P3 =
  'Inzwischen kümmern sich rund dreißig Menschen aus elf Ländern um die Beete, und im Herbst soll ein erstes Erntefest mit Speisen aus allen Herkunftsländern stattfinden.';

const SOUP_PAGE = `<html><head><title>Garten verbindet Nachbarn – Ruhrblick Mülheim</title></head><body>
<div class="a1"><div class="a2"><a href="/">Ruhrblick</a> | <a href="/mh">Mülheim</a> | <a href="/ob">Oberhausen</a> | <a href="/du">Duisburg</a></div></div>
<div class="x9">
  <div class="x10">
    <div class="q7"><b>Garten verbindet Nachbarn</b></div>
    <div class="q8">${SOUP_P1}</div>
    <div class="q8">${SOUP_P2}<br>${SOUP_P3}</div>
  </div>
  <div class="x11"><a href="/1">Polizei sucht Zeugen nach Unfall</a><br><a href="/2">Ruhrbania: Neue Cafés eröffnen</a><br><a href="/3">Wetter: Sonniges Wochenende erwartet</a></div>
</div>
<div class="z1">Kontakt · <a href="/impressum">Impressum</a> · <a href="/agb">AGB</a></div>
</body></html>`;

const LONG =
  'Der Integrationsrat der Stadt Münster hat sich in seiner jüngsten Sitzung ausführlich mit der Lage in den städtischen Unterkünften befasst und dabei auch Bewohnerinnen und Bewohner selbst zu Wort kommen lassen.';

const THIN_MAIN_PAGE = `<html><head><title>Integrationsrat tagt</title></head><body>
<div itemprop="articleBody"><p>Der Integrationsrat hat getagt. Ausführliche Informationen finden Sie in unserem Bericht, der in Kürze auf dieser Seite veröffentlicht wird. Bitte schauen Sie später noch einmal vorbei, um alle Einzelheiten zur Sitzung, zu den Beschlüssen und zu den nächsten Terminen zu erfahren.</p></div>
<div class="spalte">
  <p>${LONG}</p>
  <p>Mehrere Bewohner schilderten, dass die Wege zu Schulen und Ärzten sehr weit seien, und baten darum, die Busverbindungen am Abend und am Wochenende zu verbessern.</p>
  <p>Die Verwaltung sagte zu, die Anregungen an die Stadtwerke weiterzugeben, und kündigte an, im Herbst erneut über die Fortschritte zu berichten.</p>
  <p>Außerdem sollen die Sprechstunden der Sozialarbeiter in den Unterkünften ausgeweitet werden, damit Fragen zu Anträgen und Terminen schneller geklärt werden können.</p>
</div>
</body></html>`;

const DUP_P =
  'Die Gemeinde Nordkirchen stellt zwei zusätzliche Wohncontainer auf dem Gelände am Sportplatz auf, um kurzfristig Platz für weitere Menschen zu schaffen.';

const DUP_PAGE = `<html><head><title>Container in Nordkirchen</title></head><body>
<article>
  <h1>Nordkirchen stellt Wohncontainer auf</h1>
  <div class="mobile-version"><p>${DUP_P}</p></div>
  <div class="desktop-version"><p>${DUP_P}</p></div>
  <p>Der Gemeinderat hatte dem Vorhaben am Montagabend einstimmig zugestimmt, nachdem die Verwaltung die Kosten und den Zeitplan vorgestellt hatte.</p>
  <p>Die Container sollen bis Ende des kommenden Jahres stehen bleiben, danach will die Gemeinde feste Wohnungen im Ortskern anbieten.</p>
</article>
</body></html>`;

const parsers: Array<[string, (html: string) => CheerioAPI]> = [
  ['htmlparser2', loadHtml],
  ['parse5', (html) => cheerio.load(html)],
];

describe.each(parsers)('extractMainText (%s)', (_name, load) => {
  it('keeps the article and drops navigation, cookies, teasers, comments, boxes and footer', () => {
    const r = extractMainText(load(NEWS_PAGE));
    expect(r.method).toBe('article');
    expect(r.title).toBe('Neue Unterkunft für Geflüchtete eröffnet');
    for (const p of [P1, P2, P3]) expect(r.text).toContain(p);
    for (const junk of [
      'Lokales',
      'Wir verwenden Cookies',
      'Alle akzeptieren',
      'Lesen Sie auch',
      'Mehr Wohnraum für Familien',
      'Newsletter',
      'Jetzt anmelden',
      'Foto: Michael Brandt',
      'Auf Facebook teilen',
      'berichtet seit 2010',
      'Stadtrat beschließt',
      'Burgfest',
      'Kommentare',
      'Endlich passiert',
      'Wer bezahlt',
      'Alle Rechte vorbehalten',
      'Impressum',
      '12.03.2024',
    ]) {
      expect(r.text, junk).not.toContain(junk);
    }
  });

  it('separates paragraphs with a blank line and keeps their order', () => {
    const r = extractMainText(load(NEWS_PAGE));
    expect(r.text).toContain(`${P1}\n\n${P2}\n\n${P3}`);
  });

  it('keeps list items and table rows inside the article, one per line', () => {
    const r = extractMainText(load(TABLE_PAGE));
    expect(r.title).toBe('So viele Geflüchtete leben in Bergheim');
    expect(r.text).toContain(
      'Zuweisungen des Landes kamen früher als angekündigt.\nMehrere Familien zogen aus Nachbarkommunen nach.\nEine Landeseinrichtung in der Nähe wurde geschlossen.',
    );
    const lines = r.text.split('\n');
    const row = lines.find((l) => l.startsWith('Zieverich'));
    expect(row?.split('\t')).toEqual(['Zieverich', '120', '98']);
    expect(lines.some((l) => l.startsWith('Quadrath-Ichendorf'))).toBe(true);
    expect(r.text).toContain('im Stadtteil Niederaußem');
    expect(r.text).not.toContain('Start');
  });

  it('finds the article in div soup without any article element', () => {
    const r = extractMainText(load(SOUP_PAGE));
    expect(['readability', 'density']).toContain(r.method);
    for (const p of [SOUP_P1, SOUP_P2, SOUP_P3]) expect(r.text).toContain(p);
    expect(r.text).not.toContain('Polizei sucht Zeugen');
    expect(r.text).not.toContain('Impressum');
    expect(r.text).not.toContain('Oberhausen');
    expect(r.title).toBe('Garten verbindet Nachbarn');
  });

  it('falls back when the main container holds too little text', () => {
    const r = extractMainText(load(THIN_MAIN_PAGE));
    expect(['readability', 'density']).toContain(r.method);
    expect(r.text).toContain(LONG);
    expect(r.text).toContain('Sprechstunden der Sozialarbeiter');
  });

  it('keeps short headings that merely start like furniture words', () => {
    const html = `<html><body><article><h1>Rückkehr nach Syrien</h1>
      <p>${P1}</p><h2>Zurück in die Heimat?</h2><p>${P2}</p><h2>Mehr Geld für Sprachkurse</h2><p>${P3}</p>
      <h3>Kommentare (3)</h3><p>Teilen</p></article></body></html>`;
    const r = extractMainText(load(html));
    expect(r.text).toContain('Zurück in die Heimat?');
    expect(r.text).toContain('Mehr Geld für Sprachkurse');
    expect(r.text).not.toContain('Kommentare');
    expect(r.text).not.toContain('Teilen');
  });

  it('drops duplicated blocks', () => {
    const r = extractMainText(load(DUP_PAGE));
    expect(r.text.split(DUP_P).length - 1).toBe(1);
    expect(r.text).toContain('einstimmig zugestimmt');
    expect(r.title).toBe('Nordkirchen stellt Wohncontainer auf');
  });
});

describe('extractMainText fallbacks and titles', () => {
  it('uses the JSON-LD article body when the page itself shows almost nothing', () => {
    const body =
      'Bielefeld richtet ein zweites Willkommenszentrum ein. Es soll im Frühjahr im Stadtteil Sennestadt öffnen und Beratung in zwölf Sprachen anbieten. Träger ist ein Zusammenschluss mehrerer Wohlfahrtsverbände.';
    const html =
      '<html><head><title>Willkommenszentrum</title></head><body><div id="app"></div></body></html>';
    const r = extractMainText(loadHtml(html), {
      jsonLdBody: body,
      jsonLdHeadline: 'Zweites Willkommenszentrum',
    });
    expect(r.method).toBe('json-ld');
    expect(r.text).toBe(body);
    expect(r.title).toBe('Zweites Willkommenszentrum');
  });

  it('strips the site name from the page title when there is no headline element', () => {
    const html = `<html><head><title>Sprachcafé im Rathaus startet | Westfalen-Abendpost</title></head><body>
      <div class="content"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></body></html>`;
    expect(extractMainText(loadHtml(html)).title).toBe('Sprachcafé im Rathaus startet');
  });

  it('survives markup nested too deep for recursion (thousands of unclosed tags)', () => {
    const html = `<html><body>${'<font size="2">'.repeat(20000)}Der Rat tagt am Montag im Rathaus.</body></html>`;
    const r = extractMainText(loadHtml(html));
    expect(r.text).toContain('Der Rat tagt am Montag im Rathaus.');
  });

  it('returns empty text rather than failing on an empty page', () => {
    const r = extractMainText(loadHtml('<html><body></body></html>'));
    expect(r.text).toBe('');
    expect(r.method).toBe('none');
  });
});

describe('densityRoots', () => {
  it('picks the region with the most running text, not the link list beside it', () => {
    const $ = loadHtml(SOUP_PAGE);
    const roots = densityRoots($('body')[0] as unknown as DomNode);
    const text = roots.map((r) => $(r as unknown as Parameters<typeof $>[0]).text()).join(' ');
    expect(text).toContain(SOUP_P1);
    expect(text).toContain(SOUP_P3);
    expect(text).not.toContain('Polizei sucht Zeugen');
    expect(text).not.toContain('Oberhausen');
  });
});

describe('stripSiteName', () => {
  it('removes short site names at the end or start', () => {
    expect(stripSiteName('Neue Kita eröffnet | Westfalen-Abendpost')).toBe('Neue Kita eröffnet');
    expect(stripSiteName('Neue Kita in Hamminkeln eröffnet - RP Online')).toBe(
      'Neue Kita in Hamminkeln eröffnet',
    );
    expect(stripSiteName('WAZ | Dortmund sucht Wohnungen für Geflüchtete')).toBe(
      'Dortmund sucht Wohnungen für Geflüchtete',
    );
  });

  it('keeps a title that has no separator', () => {
    expect(stripSiteName('Dortmund sucht Wohnungen für Geflüchtete')).toBe(
      'Dortmund sucht Wohnungen für Geflüchtete',
    );
  });
});

describe('isDateLine', () => {
  it('recognizes bare dates and times', () => {
    expect(isDateLine('12.03.2024')).toBe(true);
    expect(isDateLine('12. März 2024, 08:15 Uhr')).toBe(true);
    expect(isDateLine('Dienstag, 12. März 2024')).toBe(true);
  });

  it('leaves sentences with dates alone', () => {
    expect(isDateLine('Am 12. März 2024 tagte der Rat.')).toBe(false);
  });
});
