/**
 * German tokenizer and sentence splitter for news text.
 *
 * One regex scan finds the raw tokens (URLs, numbers with separators, words incl. hyphenated compounds
 * and gender forms, punctuation); one linear pass decides sentence ends (abbreviations, ordinals,
 * quotes, paragraph breaks) and builds the `Token`s. Token fields are cached per surface form.
 *
 * Norm rules (see `normalizeToken`): lower-case; soft hyphens and zero-width characters removed;
 * Unicode hyphens become `-`; gender forms are mapped to the generic (masculine) form:
 * Helfer*innen, Helfer:innen, Helfer_innen, HelferInnen, Helfer/innen, Helfer/-innen, Helferinnen → `helfer`;
 * Geflüchtete*r → `geflüchtete`; Migrant*innen, Migrantinnen → `migrant`.
 */
import type { Token } from '../records.js';
import {
  feminineRules,
  germanAbbreviations,
  germanStemmer,
  germanStopwords,
  sentenceOpeners,
} from './vocab.js';

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const INVISIBLE_G = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** Gender marker + suffix at the end of a word part: *innen, :innen, _innen, /innen, /-innen, *in, *r, *n … */
const GENDER_SUFFIX = String.raw`(?:[*:_]|\/-?)(?:innen|in|r|n|e|en)(?![\p{L}\p{N}])`;
const GENDER_G = /(?:[*:_]|\/-?)(?:innen|in|r|n|e|en)(?=$|-)/gu;
const GENDER_TEST = /[*:_/]/;
/** Binnen-I: LehrerIn, LehrerInnen (checked before lower-casing). */
const BINNEN_I = /(\p{Ll})In(?:nen)?(?=$|[-\u2010\u2011])/gu;
const UNICODE_HYPHEN_G = /[\u2010\u2011]/g;

/** Sticky matcher for a gender marker + suffix right after a word part. */
const GENDER_AT = new RegExp(GENDER_SUFFIX, 'uy');
const URL_TRAILING = /[.,;:!?)\]]+$/;
const URL_STOP = /[\s<>"“”„«»]/;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Word-character classification of BMP code units: 0 unknown, 1 word, 2 not word. */
const wordClass = new Uint8Array(65536);

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let k = wordClass[c] as number;
  if (k === 0) {
    k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    wordClass[c] = k;
  }
  return k === 1;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHyphenOrApostrophe(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 39 || c === 0x2019;
}

function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 9 ||
    c === 13 ||
    c === 0xa0 ||
    c === 12 ||
    c === 11 ||
    c === 0x202f ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x3000 ||
    c === 0x2028 ||
    c === 0x2029
  );
}

const KIND_WORD = 0;
const KIND_NUMBER = 1;
const KIND_PUNCT = 2;

/** Characters that close a quotation or bracket when glued to sentence-final punctuation. */
const CLOSERS = new Set(['“', '”', '"', "'", '’', '«', '»', ')', ']', '‘', '›', '‹']);
const TERMINALS = /^(?:\.+|…|[!?]+)$/;
const LOWER_START = /^\p{Ll}/u;
const UPPER_START = /^[\p{Lu}\d„"»«“(]/u;
const SINGLE_LETTER = /^\p{L}$/u;
const DIGITS_1_3 = /^\d{1,3}$/;

/** Frozen tokens by surface form, one map per kind: identical surfaces share one immutable object. */
const tokenCache: Array<Map<string, Token>> = [new Map(), new Map(), new Map()];
const stemCache = new Map<string, string>();
const CACHE_LIMIT = 500_000;

function stemOf(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = /\p{L}/u.test(norm) ? germanStemmer().stem(norm) : norm;
    if (stemCache.size > CACHE_LIMIT) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

function applyFeminine(part: string): string {
  const rules = feminineRules();
  if (part.length < rules.minLength || rules.keep.has(part)) return part;
  for (const [suffix, replacement] of rules.suffixes) {
    if (part.endsWith(suffix)) return part.slice(0, part.length - suffix.length) + replacement;
  }
  return part;
}

/**
 * Normalized form of one surface token: lower-case, invisible characters removed, hyphens unified,
 * a trailing truncation hyphen dropped (`Intensiv-` → `intensiv`), gender forms mapped to the generic
 * masculine form (also in each part of a hyphenated compound).
 */
export function normalizeToken(surface: string): string {
  let s = surface;
  if (INVISIBLE.test(s)) s = s.replace(INVISIBLE_G, '');
  if (s.includes('In')) {
    const lower = s.toLowerCase();
    if (!feminineRules().keep.has(lower) && lower !== 'linkedin') s = s.replace(BINNEN_I, '$1');
  }
  s = s.toLowerCase();
  if (GENDER_TEST.test(s)) s = s.replace(GENDER_G, '');
  if (s.includes('\u2010') || s.includes('\u2011')) s = s.replace(UNICODE_HYPHEN_G, '-');
  if (s.length > 1 && s.endsWith('-')) s = s.slice(0, -1);
  if (s.includes('-')) return s.split('-').map(applyFeminine).join('-');
  return applyFeminine(s);
}

/** The (shared, frozen) token for a surface form of the given kind. */
function makeToken(text: string, kind: number): Token {
  const cache = tokenCache[kind] as Map<string, Token>;
  let tok = cache.get(text);
  if (tok) return tok;
  if (kind === KIND_PUNCT) {
    tok = { text, norm: text, stem: text, stop: true, word: false };
  } else if (kind === KIND_NUMBER) {
    tok = { text, norm: text, stem: text, stop: false, word: true };
  } else {
    const norm = normalizeToken(text);
    tok = { text, norm, stem: stemOf(norm), stop: germanStopwords().has(norm), word: true };
  }
  Object.freeze(tok);
  if (cache.size > CACHE_LIMIT) cache.clear();
  cache.set(text, tok);
  return tok;
}

/** Abbreviation or initial with its dot: `Dr.` → norm `dr.`. */
function makeAbbreviation(word: string): Token {
  const text = `${word}.`;
  const cache = tokenCache[KIND_WORD] as Map<string, Token>;
  let tok = cache.get(text);
  if (tok) return tok;
  const base = normalizeToken(word);
  const norm = `${base}.`;
  tok = Object.freeze({ text, norm, stem: norm, stop: germanStopwords().has(base), word: true });
  cache.set(text, tok);
  return tok;
}

/** True for a capitalised function word that typically opens a sentence (Der, Die, Er, Am …). */
function isSentenceOpener(text: string): boolean {
  return UPPER_START.test(text) && !LOWER_START.test(text) && sentenceOpeners().has(text.toLowerCase());
}

/** Split German text into sentences of tokens. */
export function tokenizeGerman(input: string): Token[][] {
  let text = input.normalize('NFC');
  if (INVISIBLE.test(text)) text = text.replace(INVISIBLE_G, '');
  const texts: string[] = [];
  const kinds: number[] = [];
  /** Line breaks in the whitespace before each token: 0 none, 1 one, 2 a blank line. */
  const breaks: number[] = [];
  /** Whether whitespace precedes each token. */
  const spaced: boolean[] = [];
  scan(text, texts, kinds, breaks, spaced);

  const abbr = germanAbbreviations();
  const sentences: Token[][] = [];
  let current: Token[] = [];
  const flush = (): void => {
    if (current.length > 0) sentences.push(current);
    current = [];
  };
  const n = texts.length;
  let i = 0;
  while (i < n) {
    const t = texts[i] as string;
    const kind = kinds[i] as number;
    if (current.length > 0 && (breaks[i] as number) > 0) {
      const prev = texts[i - 1] as string;
      if (breaks[i] === 2 || (UPPER_START.test(t) && prev !== ',' && !prev.endsWith('-'))) flush();
    }

    if (kind === KIND_PUNCT && t === '.' && !spaced[i] && current.length > 0) {
      const prevText = texts[i - 1] as string;
      const prevKind = kinds[i - 1] as number;
      const next = texts[i + 1];
      const nextKind = kinds[i + 1];
      const lower = prevText.toLowerCase();
      if (prevKind === KIND_WORD && (abbr.inner.has(lower) || SINGLE_LETTER.test(prevText))) {
        current[current.length - 1] = makeAbbreviation(prevText);
        i++;
        continue;
      }
      // Final-capable abbreviations, incl. street names (Hauptstr., Bahnhofstr.).
      if (prevKind === KIND_WORD && (abbr.final.has(lower) || (lower.length > 3 && lower.endsWith('str')))) {
        current[current.length - 1] = makeAbbreviation(prevText);
        i++;
        if (next !== undefined && isSentenceOpener(next)) flush();
        continue;
      }
      if (
        prevKind === KIND_NUMBER &&
        DIGITS_1_3.test(prevText) &&
        next !== undefined &&
        nextKind !== KIND_PUNCT &&
        !isSentenceOpener(next) &&
        breaks[i + 1] === 0
      ) {
        current[current.length - 1] = makeToken(`${prevText}.`, KIND_NUMBER);
        i++;
        continue;
      }
    }

    current.push(makeToken(t, kind));
    i++;

    if (kind === KIND_PUNCT && TERMINALS.test(t)) {
      // Glue closing quotes and brackets that directly follow the terminal.
      while (i < n && !spaced[i] && CLOSERS.has(texts[i] as string)) {
        current.push(makeToken(texts[i] as string, KIND_PUNCT));
        i++;
      }
      const next = texts[i];
      if (next === undefined) break;
      const continues = (kinds[i] !== KIND_PUNCT && LOWER_START.test(next)) || next === ',' || next === ';';
      if (!continues) flush();
    }
  }
  flush();
  return sentences;
}

/** One pass over the text: raw tokens with their kind and the whitespace before them. */
function scan(text: string, texts: string[], kinds: number[], breaks: number[], spaced: boolean[]): void {
  const len = text.length;
  let pos = 0;
  let newlines = 0;
  let space = false;
  while (pos < len) {
    const c = text.charCodeAt(pos);
    if (isSpaceCode(c)) {
      if (c === 10) newlines++;
      space = true;
      pos++;
      continue;
    }
    const start = pos;
    let kind = KIND_PUNCT;
    if (isWordCode(c)) {
      kind = KIND_WORD;
      let allDigits = true;
      for (;;) {
        // one part: word characters, numbers with inner separators (14.03.2016, 1.250, 3,5)
        while (pos < len) {
          const d = text.charCodeAt(pos);
          if (isWordCode(d)) {
            if (!isDigitCode(d)) allDigits = false;
            pos++;
          } else if (
            allDigits &&
            (d === 46 || d === 44 || d === 58) &&
            isDigitCode(text.charCodeAt(pos - 1)) &&
            isDigitCode(text.charCodeAt(pos + 1))
          ) {
            pos++;
          } else break;
        }
        const d = text.charCodeAt(pos);
        if (d === 42 || d === 58 || d === 95 || d === 47) {
          GENDER_AT.lastIndex = pos;
          const g = GENDER_AT.exec(text);
          if (g) {
            pos += g[0].length;
            allDigits = false;
          }
        }
        const e = text.charCodeAt(pos);
        if (isHyphenOrApostrophe(e) && pos + 1 < len && isWordCode(text.charCodeAt(pos + 1))) {
          allDigits = false;
          pos++;
          continue;
        }
        if (e === 45 && (pos + 1 >= len || isSpaceCode(text.charCodeAt(pos + 1)))) {
          pos++;
          allDigits = false;
        }
        break;
      }
      if (allDigits) kind = KIND_NUMBER;
      else if (text.charCodeAt(pos) === 58 || text.charCodeAt(pos) === 46) {
        const head = text.slice(start, pos).toLowerCase();
        const url =
          ((head === 'http' || head === 'https') && text.startsWith('://', pos)) ||
          (head === 'www' && text.charCodeAt(pos) === 46);
        if (url) {
          while (pos < len && !URL_STOP.test(text.charAt(pos))) pos++;
          const trail = URL_TRAILING.exec(text.slice(start, pos));
          if (trail) pos -= trail[0].length;
        }
      }
    } else if (c === 46) {
      while (pos < len && text.charCodeAt(pos) === 46) pos++;
    } else if (c === 33 || c === 63) {
      while (pos < len && (text.charCodeAt(pos) === 33 || text.charCodeAt(pos) === 63)) pos++;
    } else {
      const cp = text.codePointAt(pos) as number;
      pos += cp > 0xffff ? 2 : 1;
    }
    texts.push(text.slice(start, pos));
    kinds.push(kind);
    breaks.push(Math.min(newlines, 2));
    spaced.push(space);
    newlines = 0;
    space = false;
  }
}
