/**
 * Loads the extraction vocabularies (boilerplate markers, container selectors, furniture phrases)
 * from `data/extraction/*.json` once and compiles them into sets and regular expressions.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../../paths.js';
import type { DomElement } from './dom.js';
import { parseSelector, type SimpleSelector } from './selector.js';

interface MarkerList {
  substrings: string[];
  words: string[];
}

interface BoilerplateFile {
  dropTags: string[];
  furnitureTags: string[];
  roles: string[];
  softMaxChars: number;
  softMaxLinkDensity: number;
  hard: MarkerList;
  soft: MarkerList;
  linky: MarkerList;
  ignoreClassPrefixes: string[];
  proseMinChars: number;
}

export interface Markers {
  substrings: readonly string[];
  words: ReadonlySet<string>;
}

interface SelectorsFile {
  containers: string[][];
  leads: string[];
}

interface PhrasesFile {
  maxChars: number;
  shortMaxChars: number;
  containsMaxChars: number;
  blockStarts: string[];
  shortBlockStarts: string[];
  blockContains: string[];
}

export interface ExtractionVocabulary {
  dropTags: ReadonlySet<string>;
  furnitureTags: ReadonlySet<string>;
  roles: ReadonlySet<string>;
  hard: Markers;
  soft: Markers;
  linky: Markers;
  softMaxChars: number;
  softMaxLinkDensity: number;
  ignoreClassPrefixes: readonly string[];
  proseMinChars: number;
  /** Container selector groups, most specific first. */
  containerGroups: readonly (readonly SimpleSelector[])[];
  /** Selectors of elements that may hold a lead paragraph beside the container. */
  leads: readonly SimpleSelector[];
  phrases: {
    maxChars: number;
    shortMaxChars: number;
    containsMaxChars: number;
    starts: RegExp | null;
    shortStarts: RegExp | null;
    contains: RegExp | null;
  };
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(dataPath('extraction', name), 'utf8')) as T;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Letters and digits of Latin scripts, without the (slower) unicode regex mode. */
const WORD_CHAR = '[0-9A-Za-z\\u00C0-\\u024F]';

/** One case-insensitive regex for a phrase list; a phrase ending in a letter must end at a word boundary. */
function phraseRegex(phrases: string[], anchored: boolean): RegExp | null {
  if (phrases.length === 0) return null;
  const alts = phrases.map((p) => `${escapeRegExp(p)}${/\p{L}$/u.test(p) ? `(?!${WORD_CHAR})` : ''}`);
  return new RegExp(`${anchored ? '^' : ''}(?:${alts.join('|')})`, 'i');
}

function compileMarkers(m: MarkerList): Markers {
  return {
    substrings: m.substrings.map((x) => x.toLowerCase()),
    words: new Set(m.words.map((x) => x.toLowerCase())),
  };
}

/** A block that is one of the phrases alone, maybe with punctuation, symbols or a count: "Kommentare (3)". */
function wholeBlockRegex(phrases: string[]): RegExp | null {
  if (phrases.length === 0) return null;
  return new RegExp(`^(?:${phrases.map(escapeRegExp).join('|')})(?:(?!${WORD_CHAR}).)*$`, 'i');
}

let cached: ExtractionVocabulary | null = null;

export function extractionVocabulary(): ExtractionVocabulary {
  if (cached) return cached;
  const b = readJson<BoilerplateFile>('boilerplate.json');
  const s = readJson<SelectorsFile>('selectors.json');
  const p = readJson<PhrasesFile>('phrases.json');
  cached = {
    dropTags: new Set(b.dropTags),
    furnitureTags: new Set(b.furnitureTags),
    roles: new Set(b.roles),
    hard: compileMarkers(b.hard),
    soft: compileMarkers(b.soft),
    linky: compileMarkers(b.linky),
    softMaxChars: b.softMaxChars,
    softMaxLinkDensity: b.softMaxLinkDensity,
    ignoreClassPrefixes: b.ignoreClassPrefixes.map((x) => x.toLowerCase()),
    proseMinChars: b.proseMinChars,
    containerGroups: s.containers.map((g) => g.map(parseSelector)),
    leads: s.leads.map(parseSelector),
    phrases: {
      maxChars: p.maxChars,
      shortMaxChars: p.shortMaxChars,
      containsMaxChars: p.containsMaxChars,
      starts: phraseRegex(p.blockStarts, true),
      shortStarts: wholeBlockRegex(p.shortBlockStarts),
      contains: phraseRegex(p.blockContains, false),
    },
  };
  return cached;
}

/** Class tokens without CMS taxonomy tokens such as `tag-fluechtlinge` or `category-news`. */
function dropIgnored(cls: string, prefixes: readonly string[]): string {
  if (!cls) return cls;
  return cls
    .split(/\s+/)
    .filter((t) => {
      const l = t.toLowerCase();
      return !prefixes.some((p) => l.startsWith(p));
    })
    .join(' ');
}

const TEXT_LEVEL = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'blockquote', 'pre']);

/**
 * Which marker list, if any, the class or id of an element hits. Text-level elements (paragraphs,
 * headings) are only tested against substrings: their ids are often slugs of their own words.
 */
export function boilerplateMarker(
  el: DomElement,
  vocab: ExtractionVocabulary,
): 'hard' | 'soft' | 'linky' | null {
  const cls = el.attribs.class ?? '';
  const id = el.attribs.id ?? '';
  if (!cls && !id) return null;
  const raw = `${dropIgnored(cls, vocab.ignoreClassPrefixes)} ${id}`;
  const lower = raw.toLowerCase();
  for (const sub of vocab.hard.substrings) if (lower.includes(sub)) return 'hard';
  for (const sub of vocab.soft.substrings) if (lower.includes(sub)) return 'soft';
  for (const sub of vocab.linky.substrings) if (lower.includes(sub)) return 'linky';
  if (TEXT_LEVEL.has(el.name)) return null;
  // Split camelCase before lower-casing so `shareButtons` yields `share`.
  const parts = raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/);
  let found: 'soft' | 'linky' | null = null;
  for (const part of parts) {
    if (!part) continue;
    if (vocab.hard.words.has(part)) return 'hard';
    if (vocab.soft.words.has(part)) found = 'soft';
    else if (found === null && vocab.linky.words.has(part)) found = 'linky';
  }
  return found;
}

/** True when the text of a block is page furniture by its wording. */
export function isFurniturePhrase(text: string, chars: number, vocab: ExtractionVocabulary): boolean {
  const ph = vocab.phrases;
  if (chars <= ph.shortMaxChars && ph.shortStarts?.test(text)) return true;
  if (chars <= ph.maxChars && ph.starts?.test(text)) return true;
  if (chars <= ph.containsMaxChars && ph.contains?.test(text)) return true;
  return false;
}
