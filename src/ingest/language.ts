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
import { createWordSplitter } from './word-splitter.js';

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
  /** Word -> what it adds to (from the three maps above), filled as words are met. */
  evidence: Map<string, ReadonlyArray<readonly number[]>>;
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
    evidence: new Map(),
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
  return profiles;
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
const splitLanguageWords = createWordSplitter(/[\p{L}\p{M}'’\u200c]/u);

function hasNonAscii(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) > 0x7f) return true;
  return false;
}

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

const NO_EVIDENCE: ReadonlyArray<readonly number[]> = Object.freeze([]);
const EVIDENCE_CACHE_LIMIT = 50_000;

/**
 * The language lists a word adds to, in order: its stopword lists, its core-word lists, the languages
 * of its most telling letter. Cached per word: news text repeats its words.
 */
function evidenceOf(profiles: Profiles, w: string): ReadonlyArray<readonly number[]> {
  let evidence = profiles.evidence.get(w);
  if (evidence !== undefined) return evidence;
  const found: number[][] = [];
  const shared = profiles.shared.get(w);
  if (shared) found.push(shared);
  const core = profiles.core.get(w);
  if (core) found.push(core);
  // Telling letters are all outside ASCII: plain ASCII words skip the letter lookups.
  if (hasNonAscii(w)) {
    let tightest: number[] | null = null;
    for (const ch of w) {
      const langs = profiles.letters.get(ch);
      if (!langs) continue;
      if (!tightest || langs.length < tightest.length) tightest = langs;
    }
    // A word counts once for its most telling letter.
    if (tightest) found.push(tightest);
  }
  evidence = found.length === 0 ? NO_EVIDENCE : found;
  if (profiles.evidence.size >= EVIDENCE_CACHE_LIMIT) profiles.evidence.clear();
  profiles.evidence.set(w, evidence);
  return evidence;
}

/**
 * Scores the languages of one script. `strict`: the winner must pass the hit, coverage and lead
 * thresholds (Latin script, where an unknown language must not be forced onto a known one); otherwise
 * the best-scoring language wins and `fallback` is used when nothing scores.
 */
function byWords(sample: string, profiles: Profiles, strict: boolean, fallback: string): string {
  const words: string[] = [];
  for (const raw of splitLanguageWords(sample.normalize('NFC').toLowerCase())) {
    const w = raw.includes("'") || raw.includes('’') ? raw.replace(/^['’]+|['’]+$/g, '') : raw;
    if (w !== '') words.push(w);
  }
  if (words.length < MIN_WORDS) return 'und';
  const n = profiles.codes.length;
  const score = new Float64Array(n);
  const hits = new Uint32Array(n);
  for (const w of words) {
    for (const langs of evidenceOf(profiles, w)) {
      const weight = 1 / langs.length;
      for (const l of langs) {
        score[l] = (score[l] ?? 0) + weight;
        hits[l] = (hits[l] ?? 0) + 1;
      }
    }
  }
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
  if (bestHits < MIN_HITS || bestHits / words.length < MIN_COVERAGE) return 'und';
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
