import type { CheerioAPI } from 'cheerio';
import type { PageMetadata } from './html/metadata.js';

const SEPARATOR = /\s+(?:[|–—·»]|-{1,2}|:{1,2})\s+/;

/** The site name pages append to `<title>` ("Headline | Westfalen-Abendpost"), if short enough. */
export function siteNameFromTitle(title: string): string | null {
  const parts = title.replace(/\s+/g, ' ').trim().split(SEPARATOR);
  if (parts.length < 2) return null;
  const last = (parts[parts.length - 1] ?? '').trim();
  const words = last.split(' ').filter(Boolean).length;
  return words >= 1 && words <= 4 && /\p{L}/u.test(last) ? last : null;
}

/** Host name of a URL without `www.`. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * The outlet of a saved page, best source first: the site name in its metadata (JSON-LD publisher,
 * og:site_name), the site name in `<title>`, the host of its canonical URL.
 */
export function outletOfPage($: CheerioAPI, metadata: PageMetadata): string | null {
  return metadata.siteName ?? siteNameFromTitle(documentTitle($)) ?? hostOf(metadata.url);
}

/**
 * The document's `<title>`: the one in <head>, or, when the page has no <head> (htmlparser2 adds
 * none), one directly under <html> or the root, never an SVG title in the body.
 */
export function documentTitle($: CheerioAPI): string {
  const inHead = $('head > title').first();
  if (inHead.length > 0) return inHead.text();
  const top = $('title')
    .toArray()
    .find(
      (el) =>
        el.parent === null ||
        el.parent.type === 'root' ||
        (el.parent.type === 'tag' && el.parent.name === 'html'),
    );
  return top ? $(top).text() : '';
}
