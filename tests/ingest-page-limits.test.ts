import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { flattenDeepNesting, maxNesting, pageTooLarge, stripBulk } from '../src/ingest/page-limits.js';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Neue Unterkunft <b>?</title>
<script>var s = "<div><div><div>"; if (a < b && c > d) {}</script>
<style>div > p { color: red }</style></head>
<body><!-- <div><div> --><article class="x" data-note="a > b"><p>Die Stadt Dortmund<br>plant<img src="a.jpg"/> mehr Plätze.</p></article></body></html>`;

describe('maxNesting', () => {
  it('counts open tags as written, ignoring void tags, comments, scripts and attribute values', () => {
    // html > body > article > p
    expect(maxNesting(PAGE)).toBe(4);
  });
});

describe('flattenDeepNesting', () => {
  it('leaves pages within the limit unchanged', () => {
    expect(flattenDeepNesting(PAGE, 10)).toEqual({ html: PAGE, dropped: 0 });
  });

  it('drops the tags beyond the limit and keeps their text', () => {
    const deep = `<body>${'<div>'.repeat(50)}Flüchtlingshilfe sucht Paten${'</div>'.repeat(50)}<p>Ende</p></body>`;
    const flat = flattenDeepNesting(deep, 10);
    expect(flat.dropped).toBe(82);
    expect(maxNesting(flat.html)).toBe(10);
    const $ = cheerio.load(flat.html);
    expect($('body').text()).toBe('Flüchtlingshilfe sucht PatenEnde');
    expect($('p').text()).toBe('Ende');
  });
});

describe('stripBulk and pageTooLarge', () => {
  it('empties inline images and style sheets but keeps scripts and text', () => {
    const img = `<img src="data:image/png;base64,${'A'.repeat(5000)}"><style>p{}</style><script type="application/ld+json">{"a":1}</script><p>Text</p>`;
    expect(stripBulk(img)).toBe(
      '<img src="data:,"><style></style><script type="application/ld+json">{"a":1}</script><p>Text</p>',
    );
  });

  it('names both sizes when stripping helped but not enough', () => {
    expect(pageTooLarge(5_000_000, 5_000_000)).toBeNull();
    expect(pageTooLarge(60 * 1024 * 1024, 20 * 1024 * 1024)).toMatch(
      /^HTML page of 60\.0 MB \(20\.0 MB without inline images and styles\) is larger than the 10\.0 MB limit/,
    );
  });
});
