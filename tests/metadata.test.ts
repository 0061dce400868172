import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readPageMetadata } from '../src/ingest/html/metadata.js';

describe('readPageMetadata', () => {
  it('reads a NewsArticle inside @graph with nested publisher and authors', () => {
    const $ = cheerio.load(`<html lang="de-DE"><head>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","@id":"https://www.beispiel-anzeiger.de/#site","name":"Beispiel-Anzeiger"},
        {"@type":"WebPage","@id":"https://www.beispiel-anzeiger.de/lokal/rat.html","datePublished":"2019-01-01"},
        {"@type":["NewsArticle"],"headline":"Rat beschließt neue Unterkunft in Hamminkeln",
         "datePublished":"2016-03-14T18:34:00+01:00","dateModified":"2016-03-15T09:00:00+01:00",
         "author":[{"@type":"Person","name":"Jana Beispiel"},{"@id":"#p2"}],
         "publisher":{"@type":"Organization","name":"Beispiel-Anzeiger Verlag"},
         "articleBody":"Der Rat hat am Montag entschieden."},
        {"@type":"Person","@id":"#p2","name":"Tom Muster"}]}</script>
      <link rel="canonical" href="https://www.beispiel-anzeiger.de/lokal/rat.html">
      </head><body></body></html>`);
    const m = readPageMetadata($);
    expect(m.headline).toBe('Rat beschließt neue Unterkunft in Hamminkeln');
    expect(m.datePublished).toBe('2016-03-14T18:34:00+01:00');
    expect(m.dateModified).toBe('2016-03-15T09:00:00+01:00');
    expect(m.author).toBe('Jana Beispiel, Tom Muster');
    expect(m.siteName).toBe('Beispiel-Anzeiger Verlag');
    expect(m.url).toBe('https://www.beispiel-anzeiger.de/lokal/rat.html');
    expect(m.language).toBe('de');
    expect(m.type).toBe('NewsArticle');
    expect(m.articleBody).toBe('Der Rat hat am Montag entschieden.');
  });

  it('tolerates broken JSON-LD (raw line breaks, trailing commas, unparseable rest)', () => {
    const $ = cheerio.load(`<head>
      <script type="application/ld+json">{"@type":"ReportageNewsArticle","headline":"Ein Jahr
      danach: Besuch in der Notunterkunft","datePublished":"2017-05-02",}</script></head>`);
    const m = readPageMetadata($);
    expect(m.headline).toBe('Ein Jahr danach: Besuch in der Notunterkunft');
    expect(m.datePublished).toBe('2017-05-02');

    const $2 = cheerio.load(`<head><script type="application/ld+json">
      {"@type": "BlogPosting", "datePublished": "2018-07-09T08:00:00Z", "headline": "Sommerfest" oops }
      </script></head>`);
    expect(readPageMetadata($2).datePublished).toBe('2018-07-09T08:00:00Z');
  });

  it('falls back to OpenGraph and other meta tags', () => {
    const $ = cheerio.load(`<html><head>
      <meta property="og:title" content="Sprachcafé im Rathaus">
      <meta property="og:site_name" content="Stadtblatt Nordkirchen">
      <meta property="og:url" content="https://stadtblatt.example/sprachcafe">
      <meta property="og:locale" content="de_DE">
      <meta name="author" content="Redaktion Stadtblatt">
      <meta name="DC.date.issued" content="2015-11-20">
      <meta name="description" content="Ehrenamtliche laden ein.">
      </head></html>`);
    const m = readPageMetadata($);
    expect(m).toMatchObject({
      headline: 'Sprachcafé im Rathaus',
      siteName: 'Stadtblatt Nordkirchen',
      url: 'https://stadtblatt.example/sprachcafe',
      language: 'de',
      author: 'Redaktion Stadtblatt',
      datePublished: '2015-11-20',
      description: 'Ehrenamtliche laden ein.',
    });
  });

  it('returns nulls for a bare page, with the <title> as headline', () => {
    const m = readPageMetadata(
      cheerio.load('<html><head><title>Startseite</title></head><body></body></html>'),
    );
    expect(m.headline).toBe('Startseite');
    expect(m.datePublished).toBeNull();
    expect(m.author).toBeNull();
    expect(m.language).toBeNull();
  });
});
