/**
 * The headline of a page: the h1 of the article, else the og:/JSON-LD headline, else `<title>`
 * without the site name that pages append or prepend (" | Westfalen-Abendpost", "Site - ").
 */
import type { CheerioAPI } from 'cheerio';
import { childrenOf, type DomElement, type DomNode, isElement } from './dom.js';

const SEPARATOR = /\s+(?:[|–—·»:/]{1,2}|-{1,2})\s+/;

function clean(s: string | undefined | null): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function words(s: string): number {
  return s.split(' ').filter(Boolean).length;
}

/** Strips a short site-name segment from the end (or start) of a page title. */
export function stripSiteName(title: string): string {
  let t = clean(title);
  for (let round = 0; round < 2; round++) {
    const parts = t.split(SEPARATOR);
    if (parts.length < 2) break;
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    if (words(last) <= 4 && words(last) < words(t) - words(last)) {
      const cut = t.lastIndexOf(last);
      t = t
        .slice(0, cut)
        .replace(/\s*(?:[|–—·»:/]{1,2}|-{1,2})\s*$/, '')
        .trim();
    } else if (words(first) <= 3 && words(first) < words(last)) {
      t = t
        .slice(first.length)
        .replace(/^\s*(?:[|–—·»:/]{1,2}|-{1,2})\s*/, '')
        .trim();
    } else {
      break;
    }
  }
  return t;
}

/** Text of an element with whitespace collapsed. */
export function elementText(n: DomNode): string {
  let out = '';
  const walk = (x: DomNode): void => {
    if (x.type === 'text') out += x.data;
    else if (isElement(x) && x.name === 'br') out += ' ';
    else for (const c of childrenOf(x)) walk(c);
  };
  walk(n);
  return clean(out);
}

/** First h1 with text below `root`. */
export function firstHeading(root: DomNode): DomElement | null {
  for (const c of childrenOf(root)) {
    if (!isElement(c)) continue;
    if (c.name === 'h1' && elementText(c)) return c;
    const inner = firstHeading(c);
    if (inner) return inner;
  }
  return null;
}

export interface TitleSources {
  /** h1 inside the chosen article container. */
  articleHeading: string | null;
  jsonLdHeadline?: string | null;
}

/** Picks the headline from the article h1, meta headlines and `<title>`. */
export function pickTitle($: CheerioAPI, sources: TitleSources): string {
  const fromArticle = clean(sources.articleHeading);
  if (fromArticle) return fromArticle;
  const meta =
    clean(sources.jsonLdHeadline) ||
    clean($('meta[property="og:title"]').attr('content')) ||
    clean($('meta[name="twitter:title"]').attr('content'));
  if (meta) return stripSiteName(meta);
  const pageTitle = clean($('title').first().text());
  const h1 = clean($('h1').first().text());
  if (h1 && (!pageTitle || pageTitle.includes(h1))) return h1;
  return stripSiteName(pageTitle);
}
