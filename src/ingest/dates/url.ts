/** Dates written into URL paths: `/2016/03/14/`, `/2016-03-14-titel`, `…-20160314.html`, `/2016/03/`. */
import { formatDay } from './parse.js';

export interface UrlDate {
  /** Full day when the path names one. */
  day: string | null;
  /** `YYYY-MM` when the path names at least a month. */
  month: string | null;
}

/** Earliest year accepted from a URL: before it, digit groups are more likely ids than dates. */
const MIN_URL_YEAR = 1995;

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  }
}

export function dateFromUrl(url: string | null | undefined): UrlDate {
  if (!url) return { day: null, month: null };
  const path = pathOf(url);
  const ok = (y: string | undefined): boolean => Number(y) >= MIN_URL_YEAR;
  const dayPatterns = [
    /(?<!\d)(\d{4})\/(\d{1,2})\/(\d{1,2})(?=\/|$|[-_.])/,
    /(?<![\d])(\d{4})[-_](\d{2})[-_](\d{2})(?!\d)/,
    /(?<![\d])(\d{4})(\d{2})(\d{2})(?![\d])/,
  ];
  for (const re of dayPatterns) {
    const m = re.exec(path);
    if (m && ok(m[1])) {
      const day = formatDay(Number(m[1]), Number(m[2]), Number(m[3]));
      if (day) return { day, month: day.slice(0, 7) };
    }
  }
  const mm = /(?<!\d)(\d{4})[/-](\d{1,2})(?=\/)/.exec(path);
  if (mm && ok(mm[1])) {
    const first = formatDay(Number(mm[1]), Number(mm[2]), 1);
    if (first) return { day: null, month: first.slice(0, 7) };
  }
  return { day: null, month: null };
}
