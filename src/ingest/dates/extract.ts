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
import {
  bodyElements,
  isInSkippedPart,
  nodeLengthAt,
  type PageText,
  shortText,
  visibleText,
} from './page-text.js';
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
const NOT_PUBLICATION = [...MARKERS.updated, ...MARKERS.comment, ...MARKERS.copyright, ...MARKERS.event];

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
export function jsonLdDates($: CheerioAPI): { published: string | null; modified: string | null } {
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

export function metaDate(meta: Map<string, string[]>, names: string[]): string | null {
  for (const n of names) {
    for (const v of meta.get(n) ?? []) {
      const d = parseDateText(v);
      if (d) return d;
    }
  }
  return null;
}

/** Schema.org microdata first, then the other marked-up date elements in document order. */
const PUBLISHED_ELEMENTS = [
  SELECTORS.publishedElements.filter((s) => s.includes('datePublished')).join(', '),
  SELECTORS.publishedElements.filter((s) => !s.includes('datePublished')).join(', '),
].filter((g) => g.length > 0);

const SCRIPT_KEY_RE = new RegExp(
  `["'](?:${META_DATE_NAMES.scriptKeys.join('|')})["']\\s*:\\s*["']([^"'<>]{8,40})["']`,
);

/** A publication date in an inline script's state object (`"datePublished": "…"`), the first one only. */
function scriptStateDate($: CheerioAPI, latest: string, urlMonth: string | null): string | null {
  for (const el of elements($, 'script:not([src])')) {
    const t = el.children[0]?.type === 'text' ? el.children[0].data : '';
    const m = t ? SCRIPT_KEY_RE.exec(t) : null;
    if (!m?.[1]) continue;
    const d = parseDateText(m[1]);
    if (plausible(d, latest) && (!urlMonth || d.startsWith(urlMonth))) return d;
    return null;
  }
  return null;
}

/** A structured date on 1 January is often a placeholder (year only, or a template default). */
function isNewYear(day: string): boolean {
  return day.endsWith('-01-01');
}

export function extractPublicationDate(
  $: CheerioAPI,
  opts: { url?: string | null; metadata?: PageMetadata },
): PublicationDate {
  let latest = today();
  const meta = readMetaTags($);
  const ld = jsonLdDates($);
  const modified = ld.modified ?? metaDate(meta, META_DATE_NAMES.modified);
  let pageText: PageText | null = null;
  const page = (): PageText => {
    pageText ??= visibleText($);
    return pageText;
  };

  const structured = structuredDate(
    ld.published,
    metaDate(meta, META_DATE_NAMES.published),
    opts.metadata,
    latest,
  );
  if (structured) {
    // A structured date that the page does not show, while a date stands alone right under the
    // headline, is usually a template or modification date: the shown date is the publication day.
    const shown = findDates(page().text).some((m) => m.date === structured.date);
    if (shown) return structured;
    const byline = bylineDate(page(), latest);
    if (byline) return { date: byline, basis: 'text' };
    if (!isNewYear(structured.date)) return structured;
  }

  // From here on the evidence is in the body; a known modification day bounds it.
  if (modified && modified < latest) latest = modified;

  for (const group of PUBLISHED_ELEMENTS) {
    for (const el of elements($, group)) {
      if (isInSkippedPart(el)) continue;
      const d = attrDate(el) ?? firstPublicationDate(shortText(el, 200) ?? '', latest);
      if (plausible(d, latest)) return { date: d, basis: 'time' };
    }
  }
  for (const el of elements($, 'time')) {
    if (UPDATE_CLASS.test(classAndId(el)) || isInSkippedPart(el)) continue;
    const d = attrDate(el) ?? firstPublicationDate(shortText(el, 200) ?? '', latest);
    if (plausible(d, latest)) return { date: d, basis: 'time' };
  }

  const url = dateFromUrl(opts.url ?? opts.metadata?.url ?? null);
  if (plausible(url.day, latest)) return { date: url.day, basis: 'url' };

  const scripted = scriptStateDate($, latest, url.month);
  if (scripted) return { date: scripted, basis: 'meta' };

  const classed = classedDate($, latest, url.month);
  if (classed) return { date: classed, basis: 'text' };
  const visible = visibleDate(page(), latest, url.month);
  if (visible) return { date: visible, basis: 'text' };
  return { date: null, basis: 'none' };
}

/** JSON-LD first, then <meta> tags, then a date the caller's metadata carries. */
function structuredDate(
  fromLd: string | null,
  fromMeta: string | null,
  metadata: PageMetadata | undefined,
  latest: string,
): { date: string; basis: DateBasis } | null {
  if (plausible(fromLd, latest)) return { date: fromLd, basis: 'json-ld' };
  if (plausible(fromMeta, latest)) return { date: fromMeta, basis: 'meta' };
  const d = metadata?.datePublished ? parseDateText(metadata.datePublished) : null;
  if (plausible(d, latest)) return { date: d, basis: 'meta' };
  return null;
}

const DATE_CLASS = new RegExp(SELECTORS.dateClassFragments.map((f) => f.replace(/[-]/g, '[-_]?')).join('|'));

/** A date written in an element whose class or id marks it as date, byline or article meta. */
export function classedDate($: CheerioAPI, latest: string, urlMonth: string | null): string | null {
  for (const el of bodyElements($, '[class], [id]')) {
    const ci = classAndId(el);
    if (!DATE_CLASS.test(ci) || UPDATE_CLASS.test(ci)) continue;
    const t = shortText(el, 300);
    if (t === null || t.length < 6) continue;
    const d = firstPublicationDate(t, latest);
    if (!d || (urlMonth && !d.startsWith(urlMonth))) continue;
    if (isInSkippedPart(el)) continue;
    return d;
  }
  return null;
}

/** How far before the headline a dateline may stand, and how far after it the byline date may follow. */
const BEFORE_HEADLINE = 400;
const AFTER_HEADLINE = 3000;
/** Without a headline, only the start of the page is searched. */
const PAGE_START = 6000;
/** Text nodes up to this length are bylines, datelines or date labels; longer ones are prose. */
const SHORT_NODE = 80;
/** A date in prose counts only this close after the headline (a lead's "am 3. Mai"). */
const PROSE_AFTER_HEADLINE = 400;
/** The byline zone: where a standalone date right around the headline is expected. */
const BYLINE_BEFORE = 100;
const BYLINE_AFTER = 600;

function labelledOther(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - CONTEXT_CHARS), index);
  return hasMarker(before, NOT_PUBLICATION) && !hasMarker(before, MARKERS.published);
}

/** A standalone date (in a short text node) just before or after the headline. */
function bylineDate(page: PageText, latest: string): string | null {
  if (page.headlineAt === null) return null;
  const from = Math.max(0, page.headlineAt - BYLINE_BEFORE);
  for (const m of findDates(page.text.slice(from, page.headlineAt + BYLINE_AFTER))) {
    const at = from + m.index;
    if (nodeLengthAt(page, at) > SHORT_NODE || labelledOther(page.text, at)) continue;
    if (plausible(m.date, latest)) return m.date;
  }
  return null;
}

/** The first publication-like date in the visible text around the headline. */
export function visibleDate(page: PageText, latest: string, urlMonth: string | null): string | null {
  const { text, headlineAt } = page;
  const from = headlineAt === null ? 0 : Math.max(0, headlineAt - BEFORE_HEADLINE);
  const to = headlineAt === null ? PAGE_START : headlineAt + AFTER_HEADLINE;
  for (const m of findDates(text.slice(from, to))) {
    const at = from + m.index;
    if (labelledOther(text, at)) continue;
    if (!plausible(m.date, latest) || (urlMonth && !m.date.startsWith(urlMonth))) continue;
    if (nodeLengthAt(page, at) > SHORT_NODE) {
      const dist = headlineAt === null ? Number.POSITIVE_INFINITY : at - headlineAt;
      if (dist < -BYLINE_BEFORE || dist > PROSE_AFTER_HEADLINE) continue;
    }
    return m.date;
  }
  return null;
}
