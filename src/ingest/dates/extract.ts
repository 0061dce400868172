/**
 * The publication day of a web page. Sources are tried from the most to the least reliable: JSON-LD
 * `datePublished`, <meta> tags, marked-up elements (`itemprop=datePublished`, `<time datetime>`), the
 * URL, and finally dates written in the page near the headline or in date-like elements. Dates of
 * updates, comments and copyright lines are skipped, and a date that other evidence contradicts (later
 * than the page's modification date, in another month than the URL) is not taken. When evidence is weak
 * the result is null: a wrong date is worse than none.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { type PageMetadata, readJsonLdNodes, readMetaTags } from '../html/metadata.js';
import { findDates, parseDateText } from './parse.js';
import { dateFromUrl } from './url.js';
import { MARKERS, META_DATE_NAMES, SELECTORS } from './vocab.js';

export type DateBasis = 'json-ld' | 'meta' | 'time' | 'url' | 'text' | 'none';

export interface PublicationDate {
  date: string | null;
  basis: DateBasis;
}

/** Web pages dated before this day are taken for misreadings. */
export const EARLIEST_PAGE_DAY = '1995-01-01';

function today(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

function plausible(day: string | null, latest: string): day is string {
  return day !== null && day >= EARLIEST_PAGE_DAY && day <= latest;
}

const EXCLUDED = SELECTORS.excludedContainers.join(', ');
const PAGE_FOOTERS = SELECTORS.pageFooters.join(', ');

/** True when an element sits in a comment, sidebar, teaser list, page footer or similar. */
function isExcluded($: CheerioAPI, el: Element): boolean {
  const $el = $(el);
  if ($el.closest(EXCLUDED).length > 0) return true;
  const footer = $el.closest(PAGE_FOOTERS);
  return footer.length > 0 && footer.closest('article').length === 0;
}

/** Elements (not text or comment nodes) matching a selector, in document order. */
function elements($: CheerioAPI, selector: string): Element[] {
  return $(selector)
    .toArray()
    .filter((n): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style');
}

function hasMarker(context: string, words: string[]): boolean {
  const c = context.toLowerCase();
  return words.some((w) => c.includes(w));
}

/** Words that make a date the day of an update, a comment or a copyright line rather than of publication. */
const NOT_PUBLICATION = [...MARKERS.updated, ...MARKERS.comment, ...MARKERS.copyright];

/** Text before a date within its element, limited to the few words that describe it. */
const CONTEXT_CHARS = 30;

/** The first date in a short text that is not labelled as an update, a comment or a copyright date. */
function firstPublicationDate(text: string, latest: string): string | null {
  for (const m of findDates(text)) {
    const before = text.slice(Math.max(0, m.index - CONTEXT_CHARS), m.index);
    if (hasMarker(before, NOT_PUBLICATION) && !hasMarker(before, MARKERS.published)) continue;
    if (plausible(m.date, latest)) return m.date;
  }
  return null;
}

function attrDate(el: Element): string | null {
  for (const a of ['datetime', 'content', 'title', 'value']) {
    const v = el.attribs[a];
    if (v) {
      const d = parseDateText(v);
      if (d) return d;
    }
  }
  return null;
}

function classAndId(el: Element): string {
  return `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase();
}

const UPDATE_CLASS = /updat|modif|aktualis|geaendert|edited|revis/;

/** JSON-LD dates of the best-ranked node that has them. */
function jsonLdDates($: CheerioAPI): { published: string | null; modified: string | null } {
  const nodes = readJsonLdNodes($);
  let published: string | null = null;
  let pubRank = 99;
  let modified: string | null = null;
  let modRank = 99;
  for (const n of nodes) {
    if (n.rank > 2) continue;
    const p = typeof n.node.datePublished === 'string' ? parseDateText(n.node.datePublished) : null;
    if (p && n.rank < pubRank) {
      published = p;
      pubRank = n.rank;
    }
    const m = typeof n.node.dateModified === 'string' ? parseDateText(n.node.dateModified) : null;
    if (m && n.rank < modRank) {
      modified = m;
      modRank = n.rank;
    }
  }
  return { published, modified };
}

function metaDate(meta: Map<string, string[]>, names: string[]): string | null {
  for (const n of names) {
    for (const v of meta.get(n) ?? []) {
      const d = parseDateText(v);
      if (d) return d;
    }
  }
  return null;
}

export function extractPublicationDate(
  $: CheerioAPI,
  opts: { url?: string | null; metadata?: PageMetadata },
): PublicationDate {
  let latest = today();
  const meta = readMetaTags($);
  const ld = jsonLdDates($);
  const metaModified = metaDate(meta, META_DATE_NAMES.modified);
  const modified = ld.modified ?? metaModified;

  if (plausible(ld.published, latest)) return { date: ld.published, basis: 'json-ld' };
  const fromMeta = metaDate(meta, META_DATE_NAMES.published);
  if (plausible(fromMeta, latest)) return { date: fromMeta, basis: 'meta' };
  if (opts.metadata?.datePublished) {
    const d = parseDateText(opts.metadata.datePublished);
    if (plausible(d, latest)) return { date: d, basis: 'meta' };
  }

  // From here on the evidence is in the body; a known modification day bounds it.
  if (modified && modified < latest) latest = modified;

  for (const sel of SELECTORS.publishedElements) {
    for (const el of elements($, sel)) {
      if (isExcluded($, el)) continue;
      const d = attrDate(el) ?? firstPublicationDate($(el).text().slice(0, 200), latest);
      if (plausible(d, latest)) return { date: d, basis: 'time' };
    }
  }
  for (const el of elements($, 'time')) {
    if (UPDATE_CLASS.test(classAndId(el)) || isExcluded($, el)) continue;
    const d = attrDate(el) ?? firstPublicationDate($(el).text().slice(0, 200), latest);
    if (plausible(d, latest)) return { date: d, basis: 'time' };
  }

  const url = dateFromUrl(opts.url ?? opts.metadata?.url ?? null);
  if (plausible(url.day, latest)) return { date: url.day, basis: 'url' };

  const text = textDate($, latest, url.month);
  if (text) return { date: text, basis: 'text' };
  return { date: null, basis: 'none' };
}

const DATE_CLASS = new RegExp(SELECTORS.dateClassFragments.map((f) => f.replace(/[-]/g, '[-_]?')).join('|'));

/** A date written in an element whose class or id marks it as date, byline or article meta. */
function textDate($: CheerioAPI, latest: string, urlMonth: string | null): string | null {
  for (const el of elements($, 'body [class], body [id]')) {
    const ci = classAndId(el);
    if (!DATE_CLASS.test(ci) || UPDATE_CLASS.test(ci)) continue;
    const t = $(el).text();
    if (t.length > 300 || t.length < 6) continue;
    const d = firstPublicationDate(t, latest);
    if (!d || (urlMonth && !d.startsWith(urlMonth))) continue;
    if (isExcluded($, el)) continue;
    return d;
  }
  return null;
}
