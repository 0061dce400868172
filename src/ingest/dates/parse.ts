/**
 * Reading calendar days from text: ISO 8601, RFC 2822, German numeric and written dates, English
 * written dates. Strict: a day must exist in its month, numbers alone are never dates, and slash dates
 * that could be day/month or month/day are left unread.
 */
import { MONTHS, WEEKDAYS } from './vocab.js';

/** A date found in a text, with its position. */
export interface DateMatch {
  /** `YYYY-MM-DD`. */
  date: string;
  index: number;
  end: number;
}

/** Years outside this range are not read as dates at all. */
export const MIN_YEAR = 1900;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MONTH_ALT = [...MONTHS.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRe)
  .join('|');
const WEEKDAY_RE = new RegExp(
  `^\\s*(?:${[...WEEKDAYS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|')})(?!\\p{L})\\.?,?\\s*`,
  'iu',
);

type Reader = (m: RegExpExecArray) => [number, number, number] | null;

/** Two-digit years: up to next year's two digits are 20xx, the rest 19xx. */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  const pivot = (new Date().getUTCFullYear() % 100) + 1;
  return n <= pivot ? 2000 + n : 1900 + n;
}

/** Day-month-year or month-day-year with slashes or dashes: read only when one reading is impossible. */
function unambiguous(a: number, b: number, y: number): [number, number, number] | null {
  if (a > 12 && b <= 12) return [y, b, a];
  if (b > 12 && a <= 12) return [y, a, b];
  if (a === b && a <= 12) return [y, a, b];
  return null;
}

const PATTERNS: Array<{ re: RegExp; read: Reader }> = [
  {
    // 2016-03-14, 2016-03-14T18:34:00+01:00, 2016/03/14
    re: /(?<![\d./-])(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\d]|[-/]\d)/g,
    read: (m) => [Number(m[1]), Number(m[3]), Number(m[4])],
  },
  {
    // 14.03.2016, 14.3.2016, 14. 3. 2016, 14.03.16
    re: /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d|\.\d)/g,
    read: (m) => [fullYear(m[3] ?? ''), Number(m[2]), Number(m[1])],
  },
  {
    // 14/03/2016, 03/14/2016, 14-03-2016: only when unambiguous
    re: /(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d/-])/g,
    read: (m) => unambiguous(Number(m[1]), Number(m[3]), Number(m[4])),
  },
  {
    // 14. März 2016, 14 Mar 2016, 14th March, 2016, 14-Mar-2016
    re: new RegExp(
      `(?<!\\d)(\\d{1,2})(?:\\.|st|nd|rd|th)?[\\s-]*(${MONTH_ALT})(?!\\p{L})\\.?,?[\\s-]+(\\d{4})(?!\\d)`,
      'giu',
    ),
    read: (m) => {
      const month = MONTHS.get((m[2] ?? '').toLowerCase());
      return month ? [Number(m[3]), month, Number(m[1])] : null;
    },
  },
  {
    // March 14, 2016, Mar. 14th 2016, Mon Mar 14 2016
    re: new RegExp(
      `(?<!\\p{L})(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\.?,?\\s+(\\d{4})(?!\\d)`,
      'giu',
    ),
    read: (m) => {
      const month = MONTHS.get((m[1] ?? '').toLowerCase());
      return month ? [Number(m[3]), month, Number(m[2])] : null;
    },
  },
];

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `YYYY-MM-DD` for a real calendar day within the year bounds, else null. */
export function formatDay(y: number, m: number, d: number): string | null {
  const maxYear = new Date().getUTCFullYear() + 1;
  if (!Number.isInteger(y) || y < MIN_YEAR || y > maxYear) return null;
  if (!Number.isInteger(m) || m < 1 || m > 12) return null;
  if (!Number.isInteger(d) || d < 1 || d > daysInMonth(y, m)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** All dates in a text, in order of position, without overlaps. */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const ymd = read(m);
      const date = ymd ? formatDay(ymd[0], ymd[1], ymd[2]) : null;
      if (date) found.push({ date, index: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.index - b.index);
  const out: DateMatch[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.index < last.end) continue;
    out.push(f);
  }
  return out;
}

/** Longest text read as one date field; longer strings are prose, not a date. */
const MAX_FIELD_LENGTH = 120;

/**
 * The calendar day a short date string names, as `YYYY-MM-DD`, or null when it names none or several
 * different days. Accepts ISO 8601 and RFC 2822 timestamps, German forms such as `14. März 2016`,
 * `14.03.2016, 18:34 Uhr`, `Mo., 14.03.16`, and English ones such as `March 14, 2016`.
 */
export function parseDateText(s: string): string | null {
  const text = s.replace(/\s+/g, ' ').trim().replace(WEEKDAY_RE, '');
  if (!text || text.length > MAX_FIELD_LENGTH) return null;
  const days = new Set(findDates(text).map((d) => d.date));
  if (days.size !== 1) return null;
  return [...days][0] ?? null;
}
