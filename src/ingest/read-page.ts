/**
 * Reading a saved web page into a draft article: parse, metadata, outlet, publication date and main
 * text. Loaded only when a corpus has pages (`readInputFile` imports it on the first one): the
 * parsers and extractors take about 0.2 s to load, which JSON Lines and CSV corpora need not pay.
 */
import type { CheerioAPI } from 'cheerio';
import { extractPublicationDate } from './dates/index.js';
import { loadHtml } from './html/load.js';
import { extractMainText } from './html/main-text.js';
import { readPageMetadata } from './html/metadata.js';
import { outletOfPage } from './outlet.js';
import { flattenDeepNesting, MAX_PAGE_BYTES, pageTooLarge, stripBulk } from './page-limits.js';
import type { DraftArticle, ReadResult } from './read-file.js';

/**
 * Reads one HTML page. Parsed with htmlparser2 (`loadHtml`) by default: 3–5 times faster than parse5
 * and the same extraction F1 and date accuracy on the dev sets (`scripts/bench/parser-check.ts`).
 */
export function readHtmlPage(
  html: string,
  encoding: string,
  parse: (html: string) => CheerioAPI = loadHtml,
): DraftArticle {
  const $ = parse(html);
  const metadata = readPageMetadata($);
  const source = outletOfPage($, metadata);
  const dated = extractPublicationDate($, { url: metadata.url, metadata });
  const main = extractMainText($, {
    url: metadata.url,
    jsonLdBody: metadata.articleBody,
    jsonLdHeadline: metadata.headline,
  });
  return {
    record: null,
    inputId: null,
    title: main.title || metadata.headline || '',
    date: dated.date,
    date_basis: dated.date ? dated.basis : null,
    source,
    url: metadata.url,
    author: metadata.author,
    municipalityField: null,
    text: main.text.trim(),
    encoding,
  };
}

/** Reads a decoded page file of `bytes` bytes: a draft, or a rejection when it is too large. */
export function readPageFile(text: string, encoding: string, bytes: number): ReadResult {
  // Inline images and styles only matter for the size check of big pages.
  const slim = text.length > MAX_PAGE_BYTES / 4 ? stripBulk(text) : text;
  const tooLarge = pageTooLarge(bytes, slim.length);
  if (tooLarge) return { drafts: [], rejections: [{ record: null, reason: tooLarge }] };
  return { drafts: [readHtmlPage(flattenDeepNesting(slim).html, encoding)], rejections: [] };
}
