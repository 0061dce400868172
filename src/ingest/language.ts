/**
 * Language of an article, as an ISO 639-1 code or `und` when the text is too short or unclear.
 *
 * First the writing system: letters are counted per script over the first ~2000 characters. Scripts
 * used by one language map to it directly (`data/language/languages.json`, `script_languages`). For
 * Latin, Arabic and Cyrillic script the stopword lists of the stopword package (plus a few function
 * words from the data file) decide: each word found in k of the candidate lists adds 1/k to each of
 * them, so words shared by many languages (`in`, `die`, `de`) count little and telling words count
 * fully. The best language needs a few hits, a fair share of the words and a clear lead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataPath } from '../paths.js';

/** How much of the text is looked at. */
const SAMPLE_CHARS = 2000;
/** Fewer letters than this: undecided. */
const MIN_LETTERS = 12;
/** Fewer words than this (in a script decided by stopwords): undecided. */
const MIN_WORDS = 4;
/** The winner needs at least this many stopword hits … */
const MIN_HITS = 2;
/** … covering at least this share of the words … */
const MIN_COVERAGE = 0.2;
/** … and this many times the score of the runner-up. */
const MIN_LEAD = 1.3;

interface LanguageData {
  latin: Record<string, string>;
  arabic: Record<string, string>;
  cyrillic: Record<string, string>;
  core_words: Record<string, string[]>;
  letters: Record<string, string>;
  script_languages: Record<string, string>;
}

/** Evidence for the languages of one writing system. */
interface Profiles {
  /** Language codes of the script; the maps below hold indexes into this list. */
  codes: string[];
  /** Word -> languages whose stopword list holds it. */
  shared: Map<string, number[]>;
  /** Word -> languages for which it is a core function word. */
  core: Map<string, number[]>;
  /** Letter -> languages that use it (among those of the script). */
  letters: Map<string, number[]>;
  /** The two word maps above as one table read without cutting words out of the text. */
  table: WordTable;
  /** `letters` by code point. */
  letterLists: Map<number, number[]>;
}

/**
 * Words with stopword or core-word evidence, by FNV-1a hash of their UTF-16 code units: open
 * addressing over entry numbers; a hit is confirmed by comparing the word itself.
 */
interface WordTable {
  /** Entry number + 1 per slot, 0 when empty (a power of two in size). */
  slots: Int32Array;
  hashes: Uint32Array;
  words: string[];
  /** Per entry, in this order: the languages whose stopword list holds it, those with it as a core word. */
  lists: Array<ReadonlyArray<readonly number[]>>;
}

interface Detector {
  profiles: { latin: Profiles; arabic: Profiles; cyrillic: Profiles };
  scriptLanguages: Map<string, string>;
}

let detector: Detector | null = null;

function addTo(map: Map<string, number[]>, key: string, code: number): void {
  const langs = map.get(key);
  if (!langs) map.set(key, [code]);
  else if (!langs.includes(code)) langs.push(code);
}

function buildProfiles(
  languages: Record<string, string>,
  lists: Record<string, unknown>,
  data: LanguageData,
): Profiles {
  const profiles: Profiles = {
    codes: [],
    shared: new Map(),
    core: new Map(),
    letters: new Map(),
    table: { slots: new Int32Array(0), hashes: new Uint32Array(0), words: [], lists: [] },
    letterLists: new Map(),
  };
  for (const [name, listName] of Object.entries(languages)) {
    const code = profiles.codes.length;
    profiles.codes.push(name);
    const list = lists[listName];
    for (const w of Array.isArray(list) ? list : []) {
      if (typeof w === 'string') addTo(profiles.shared, w.normalize('NFC').toLowerCase(), code);
    }
    for (const w of data.core_words[name] ?? []) addTo(profiles.core, w.normalize('NFC').toLowerCase(), code);
    for (const ch of data.letters[name] ?? '') addTo(profiles.letters, ch, code);
  }
  profiles.table = buildTable(profiles.shared, profiles.core);
  for (const [ch, langs] of profiles.letters) profiles.letterLists.set(ch.codePointAt(0) ?? 0, langs);
  return profiles;
}

/** FNV-1a over the UTF-16 code units of `text` from `start` to `end`. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function buildTable(shared: Map<string, number[]>, core: Map<string, number[]>): WordTable {
  const words = [...new Set([...shared.keys(), ...core.keys()])];
  let size = 16;
  while (size < words.length * 2) size *= 2;
  const table: WordTable = {
    slots: new Int32Array(size),
    hashes: new Uint32Array(words.length),
    words,
    lists: [],
  };
  words.forEach((w, entry) => {
    const lists: number[][] = [];
    const s = shared.get(w);
    if (s) lists.push(s);
    const c = core.get(w);
    if (c) lists.push(c);
    table.lists.push(lists);
    const h = hashRange(w, 0, w.length);
    table.hashes[entry] = h;
    let slot = h & (size - 1);
    while (table.slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    table.slots[slot] = entry + 1;
  });
  return table;
}

const NO_LISTS: ReadonlyArray<readonly number[]> = Object.freeze([]);

/** The stopword and core-word lists of the word `text[start, end)` with hash `h`. */
function listsOfRange(
  t: WordTable,
  text: string,
  start: number,
  end: number,
  h: number,
): ReadonlyArray<readonly number[]> {
  const mask = t.slots.length - 1;
  if (mask < 0) return NO_LISTS;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const entry = (t.slots[slot] ?? 0) - 1;
    if (entry < 0) return NO_LISTS;
    if (t.hashes[entry] !== h) continue;
    const w = t.words[entry] ?? '';
    if (w.length === end - start && text.startsWith(w, start)) return t.lists[entry] ?? NO_LISTS;
  }
}

function load(): Detector {
  if (detector) return detector;
  const data = JSON.parse(readFileSync(dataPath('language', 'languages.json'), 'utf8')) as LanguageData;
  // The stopword package ships no type declarations; its lists are arrays keyed by ISO 639-3 code.
  const lists = createRequire(import.meta.url)('stopword') as Record<string, unknown>;
  detector = {
    profiles: {
      latin: buildProfiles(data.latin, lists, data),
      arabic: buildProfiles(data.arabic, lists, data),
      cyrillic: buildProfiles(data.cyrillic, lists, data),
    },
    scriptLanguages: new Map(Object.entries(data.script_languages)),
  };
  return detector;
}

const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Han', /\p{Script=Han}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Tamil', /\p{Script=Tamil}/u],
];

const LETTER = /\p{L}/u;
// ZWNJ joins the parts of Persian words.
const LANGUAGE_WORD_CHAR = /[\p{L}\p{M}'’\u200c]/u;
/** Per BMP code unit: 0 not yet known, 1 word character, 2 separator. */
const languageCharClass = new Uint8Array(0x10000);

/** Code units of the word character at `i` (2 outside the BMP), or 0 when it is none or at the end. */
function languageCharWidth(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.codePointAt(i) ?? 0;
  if (code > 0xffff) return LANGUAGE_WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  let cls = languageCharClass[code] ?? 0;
  if (cls === 0) {
    cls = LANGUAGE_WORD_CHAR.test(text.charAt(i)) ? 1 : 2;
    languageCharClass[code] = cls;
  }
  return cls === 1 ? 1 : 0;
}

const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019;

/** Script of each code point seen so far (null: not a letter); most texts use a few dozen distinct characters. */
const scriptOfChar = new Map<number, string | null>();

function classify(ch: string): string | null {
  if (!LETTER.test(ch)) return null;
  return SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'Other';
}

/** Letters per script. */
function scriptCounts(sample: string): Map<string, number> {
  const counts = new Map<string, number>();
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.codePointAt(i) ?? 0;
    // ASCII letters are by far the most common characters: counted without a lookup.
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) {
      // The key is set at the first Latin letter so that ties between scripts keep text order.
      if (latin === 0 && !counts.has('Latin')) counts.set('Latin', 0);
      latin += 1;
      continue;
    }
    if (code < 0x80) continue;
    const width = code > 0xffff ? 2 : 1;
    let script = scriptOfChar.get(code);
    if (script === undefined) {
      script = classify(sample.slice(i, i + width));
      scriptOfChar.set(code, script);
    }
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
    i += width - 1;
  }
  if (latin > 0) counts.set('Latin', (counts.get('Latin') ?? 0) + latin);
  return counts;
}

/**
 * Scores the languages of one script. `strict`: the winner must pass the hit, coverage and lead
 * thresholds (Latin script, where an unknown language must not be forced onto a known one); otherwise
 * the best-scoring language wins and `fallback` is used when nothing scores.
 */
function byWords(sample: string, profiles: Profiles, strict: boolean, fallback: string): string {
  const text = sample.normalize('NFC').toLowerCase();
  const n = profiles.codes.length;
  const score = new Float64Array(n);
  const hits = new Uint32Array(n);
  const add = (langs: readonly number[]): void => {
    const weight = 1 / langs.length;
    for (const l of langs) {
      score[l] = (score[l] ?? 0) + weight;
      hits[l] = (hits[l] ?? 0) + 1;
    }
  };
  // Words: maximal runs of letters, marks, apostrophes and ZWNJ, with apostrophes at either end
  // dropped; read in place, hashed while they are scanned.
  let words = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    let width = languageCharWidth(text, i);
    while (width === 0 && i < len) {
      i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      width = languageCharWidth(text, i);
    }
    if (i >= len) break;
    let start = i;
    let h = 0x811c9dc5;
    let ascii = true;
    while (width > 0) {
      for (let k = i; k < i + width; k++) {
        const code = text.charCodeAt(k);
        if (code > 0x7f) ascii = false;
        h = Math.imul(h ^ code, 0x01000193);
      }
      i += width;
      width = languageCharWidth(text, i);
    }
    let end = i;
    if (isApostrophe(text.charCodeAt(start)) || isApostrophe(text.charCodeAt(end - 1))) {
      while (start < end && isApostrophe(text.charCodeAt(start))) start++;
      while (end > start && isApostrophe(text.charCodeAt(end - 1))) end--;
      if (start === end) continue;
      h = hashRange(text, start, end);
      ascii = true;
      for (let k = start; k < end && ascii; k++) ascii = text.charCodeAt(k) <= 0x7f;
    }
    words++;
    for (const langs of listsOfRange(profiles.table, text, start, end, h >>> 0)) add(langs);
    // Telling letters are all outside ASCII: plain ASCII words skip the letter lookups.
    if (ascii) continue;
    let tightest: number[] | null = null;
    for (let k = start; k < end; k++) {
      const code = text.codePointAt(k) ?? 0;
      if (code > 0xffff) k++;
      const langs = profiles.letterLists.get(code);
      if (!langs) continue;
      if (!tightest || langs.length < tightest.length) tightest = langs;
    }
    // A word counts once for its most telling letter.
    if (tightest) add(tightest);
  }
  if (words < MIN_WORDS) return 'und';
  // Languages that scored, best first (ties are undecided below, so their order does not matter).
  const ranked: number[] = [];
  for (let l = 0; l < n; l++) if ((hits[l] ?? 0) > 0) ranked.push(l);
  ranked.sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0));
  const [best, second] = ranked;
  if (best === undefined) return strict ? 'und' : fallback;
  const bestScore = score[best] ?? 0;
  const secondScore = second === undefined ? null : (score[second] ?? 0);
  const bestCode = profiles.codes[best] ?? 'und';
  if (!strict) return secondScore !== null && bestScore === secondScore ? fallback : bestCode;
  const bestHits = hits[best] ?? 0;
  if (bestHits < MIN_HITS || bestHits / words < MIN_COVERAGE) return 'und';
  if (secondScore !== null && bestScore < MIN_LEAD * secondScore) return 'und';
  return bestCode;
}

/** ISO 639-1 code of the text's language, or `und`. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const counts = scriptCounts(sample);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const total = ranked.reduce((n, [, c]) => n + c, 0);
  const top = ranked[0];
  if (!top || total < MIN_LETTERS) return 'und';
  const d = load();
  const [script] = top;
  // Japanese mixes Han with kana; a little kana is enough to tell it from Chinese.
  if (script === 'Han' && (counts.get('Hiragana') ?? 0) + (counts.get('Katakana') ?? 0) > 0.1 * top[1])
    return 'ja';
  if (script === 'Latin') return byWords(sample, d.profiles.latin, true, 'und');
  // A text in Arabic or Cyrillic script is in one of few languages; the most common one is the fallback.
  if (script === 'Arabic') return byWords(sample, d.profiles.arabic, false, 'ar');
  if (script === 'Cyrillic') return byWords(sample, d.profiles.cyrillic, false, 'ru');
  return d.scriptLanguages.get(script) ?? 'und';
}
