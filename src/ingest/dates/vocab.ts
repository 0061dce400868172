/** Date vocabularies from `data/dates/`: month names, weekdays, marker words, selectors. */
import { readFileSync } from 'node:fs';
import { dataPath } from '../../paths.js';

function load<T>(name: string): T {
  return JSON.parse(readFileSync(dataPath('dates', name), 'utf8')) as T;
}

/** Lower-case month name or abbreviation -> month number 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries(load<Record<string, unknown>>('months.json')).filter(
    (e): e is [string, number] => typeof e[1] === 'number',
  ),
);

export const WEEKDAYS: readonly string[] = load<{ names: string[] }>('weekdays.json').names;

export interface DateMarkers {
  updated: string[];
  published: string[];
  comment: string[];
  copyright: string[];
  event: string[];
}
export const MARKERS: DateMarkers = load<DateMarkers>('markers.json');

export interface DateSelectors {
  publishedElements: string[];
  modifiedElements: string[];
  dateClassFragments: string[];
  skipTags: string[];
  skipClassWords: string[];
  footerTags: string[];
}
export const SELECTORS: DateSelectors = load<DateSelectors>('selectors.json');

/** <meta> names carrying the publication and modification dates, in order of priority. */
export const META_DATE_NAMES: { published: string[]; modified: string[]; scriptKeys: string[] } = load<{
  published: string[];
  modified: string[];
  scriptKeys: string[];
}>('meta-names.json');
