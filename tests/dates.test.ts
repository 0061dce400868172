import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { dateFromUrl, extractPublicationDate, parseDateText } from '../src/ingest/dates/index.js';
import { loadHtml } from '../src/ingest/html/load.js';
import { readPageMetadata } from '../src/ingest/html/metadata.js';

describe('parseDateText', () => {
  it.each([
    ['2016-03-14', '2016-03-14'],
    ['2016-03-14T18:34:00+01:00', '2016-03-14'],
    ['14. März 2016', '2016-03-14'],
    ['14. Mär. 2016', '2016-03-14'],
    ['3. Jänner 2017', '2017-01-03'],
    ['14.03.2016, 18:34 Uhr', '2016-03-14'],
    ['Mo., 14.03.16', '2016-03-14'],
    ['14.3.2016', '2016-03-14'],
    ['Sonntag, 3. Januar 2021', '2021-01-03'],
    ['March 14, 2016', '2016-03-14'],
    ['14th March 2016', '2016-03-14'],
    ['Mon, 14 Mar 2016 18:34:00 +0100', '2016-03-14'],
    ['Veröffentlicht am 29.02.2016', '2016-02-29'],
    ['14/03/2016', '2016-03-14'],
  ])('reads %s', (s, day) => {
    expect(parseDateText(s)).toBe(day);
  });

  it.each([
    '31.02.2016',
    '29.02.2015',
    '2016-13-01',
    '20160314',
    '2016',
    '42',
    'März 2016',
    '03/04/2016',
    'Version 1.2.3.2016',
    '',
    'Bericht vom 14.03.2016, aktualisiert am 15.03.2016',
  ])('rejects %j', (s) => {
    expect(parseDateText(s)).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it('reads days and months from paths', () => {
    expect(dateFromUrl('https://www.example.de/2016/03/14/rat-tagt/').day).toBe('2016-03-14');
    expect(dateFromUrl('https://www.example.de/lokal/2019-11-05-sprachkurs').day).toBe('2019-11-05');
    expect(dateFromUrl('https://www.example.de/artikel-20180702.html').day).toBe('2018-07-02');
    expect(dateFromUrl('https://www.example.de/2017/06/fest/')).toEqual({ day: null, month: '2017-06' });
  });

  it('ignores ids and impossible days', () => {
    expect(dateFromUrl('https://www.example.de/artikel/123456789/').day).toBeNull();
    expect(dateFromUrl('https://www.example.de/2016/02/31/x').day).toBeNull();
    expect(dateFromUrl('https://www.example.de/artikel-19870314.html').day).toBeNull();
  });
});

function date(html: string, url?: string) {
  const $ = cheerio.load(html);
  return extractPublicationDate($, { url: url ?? null, metadata: readPageMetadata($) });
}

describe('extractPublicationDate', () => {
  it('takes JSON-LD datePublished first', () => {
    const r = date(`<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"NewsArticle","datePublished":"2016-03-14T18:34:00+01:00","dateModified":"2016-04-01"}]}</script>
      </head><body><h1>Neue Unterkunft</h1><p>14.03.2016</p></body>`);
    expect(r).toEqual({ date: '2016-03-14', basis: 'json-ld' });
  });

  it('reads meta tags', () => {
    const r = date(`<head><meta property="article:published_time" content="2019-05-07T10:00:00+02:00"></head>
      <body><h1>Sprachcafé</h1></body>`);
    expect(r).toEqual({ date: '2019-05-07', basis: 'meta' });
  });

  it('reads <time datetime> and skips one marked as update', () => {
    const r = date(`<body><article><h1>Willkommensfest in Münster</h1>
      <time class="updated" datetime="2018-09-03">3.9.2018</time>
      <time datetime="2018-08-28T09:15">28. August 2018</time><p>Text</p></article></body>`);
    expect(r).toEqual({ date: '2018-08-28', basis: 'time' });
  });

  it('keeps the publication day of an updated article', () => {
    const r = date(`<body><h1>Stadtrat streitet über Container</h1>
      <p class="byline">Von Anna Muster · Aktualisiert am 22.02.2017, 10:12 Uhr</p>
      <p class="dateline">Veröffentlicht am 20.02.2017</p>
      <p>Der Streit um die Wohncontainer geht weiter.</p></body>`);
    expect(r).toEqual({ date: '2017-02-20', basis: 'text' });
  });

  it('ignores later dates in comments and the copyright line', () => {
    const r = date(`<body><header><nav><a href="/">Start</a> 01.12.2021</nav></header>
      <main><h1>Ehrenamt in Dortmund: Deutschkurse im Gemeindehaus</h1>
      <p>Dortmund, 12. Oktober 2021. Seit dem Frühjahr treffen sich Ehrenamtliche jeden Dienstag.</p></main>
      <section id="comments"><div class="comment">Klaus schrieb am 15.11.2021: Super Sache!</div></section>
      <footer>© 2022 Lokalblatt · Stand 03.01.2022</footer></body>`);
    expect(r).toEqual({ date: '2021-10-12', basis: 'text' });
  });

  it('prefers a shown byline date over a structured date the page never shows', () => {
    const r = date(`<head><meta name="date" content="2020-01-01"></head>
      <body><h1>Integrationsrat gewählt</h1><div class="meta"><span>Bielefeld</span><span>05.02.2020</span></div>
      <p>Der neue Integrationsrat hat sich konstituiert und wählte eine Vorsitzende.</p></body>`);
    expect(r).toEqual({ date: '2020-02-05', basis: 'text' });
  });

  it('reads the date from the URL', () => {
    const r = date(
      '<body><h1>Bürgerdialog</h1><p>Ohne Datum im Text.</p></body>',
      'https://www.example.de/2016/03/14/buergerdialog/',
    );
    expect(r).toEqual({ date: '2016-03-14', basis: 'url' });
  });

  it('rejects impossible and implausible dates and abstains without evidence', () => {
    expect(date('<head><meta name="date" content="31.02.2016"></head><body><h1>Titel</h1></body>')).toEqual({
      date: null,
      basis: 'none',
    });
    expect(
      date('<head><meta name="date" content="1987-05-04"></head><body><h1>Titel</h1></body>').date,
    ).toBeNull();
    expect(
      date('<head><meta name="date" content="2999-05-04"></head><body><h1>Titel</h1></body>').date,
    ).toBeNull();
    expect(
      date('<body><h1>Notunterkunft</h1><p>Die Halle steht seit Jahren leer.</p></body>').date,
    ).toBeNull();
  });

  it('does not take a deadline in the text for the publication day', () => {
    const r = date(`<body><h1>Anmeldung für Sprachkurse</h1>
      <p>Anmeldungen sind bis zum 30. April 2022 im Bürgerbüro möglich.</p></body>`);
    expect(r.date).toBeNull();
  });
});

describe('pages without <body>', () => {
  // htmlparser2 (ingest's parser) adds no <body> and leaves what follows an unclosed <head> inside it.
  const page = `<html><head><meta charset="utf-8"><title>Neues Sprachcafé | Lokalbote</title>
<div class="artikel"><h1>Neues Sprachcafé in Nordkirchen</h1>
<p class="datum">Veröffentlicht am 12.03.2016</p>
<p>Jeden Donnerstag treffen sich Geflüchtete und Nachbarn im Pfarrheim.</p></div></html>`;

  it('reads the visible date the same with both parsers', () => {
    for (const $ of [cheerio.load(page), loadHtml(page)]) {
      expect(extractPublicationDate($, { url: null, metadata: readPageMetadata($) }).date).toBe('2016-03-12');
    }
  });
});
