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
  /** Word -> languages whose stopword list holds it. */
  shared: Map<string, string[]>;
  /** Word -> languages for which it is a core function word. */
  core: Map<string, string[]>;
  /** Letter -> languages that use it (among those of the script). */
  letters: Map<string, string[]>;
}

interface Detector {
  profiles: { latin: Profiles; arabic: Profiles; cyrillic: Profiles };
  scriptLanguages: Map<string, string>;
}

let detector: Detector | null = null;

function addTo(map: Map<string, string[]>, key: string, code: string): void {
  const langs = map.get(key);
  if (!langs) map.set(key, [code]);
  else if (!langs.includes(code)) langs.push(code);
}

function buildProfiles(
  languages: Record<string, string>,
  lists: Record<string, unknown>,
  data: LanguageData,
): Profiles {
  const profiles: Profiles = { shared: new Map(), core: new Map(), letters: new Map() };
  for (const [code, listName] of Object.entries(languages)) {
    const list = lists[listName];
    for (const w of Array.isArray(list) ? list : []) {
      if (typeof w === 'string') addTo(profiles.shared, w.normalize('NFC').toLowerCase(), code);
    }
    for (const w of data.core_words[code] ?? []) addTo(profiles.core, w.normalize('NFC').toLowerCase(), code);
    for (const ch of data.letters[code] ?? '') addTo(profiles.letters, ch, code);
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
const ASCII_LETTER = /[A-Za-z]/;

/** Letters per script. */
function scriptCounts(sample: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of sample) {
    let script: string | null = null;
    if (ASCII_LETTER.test(ch)) script = 'Latin';
    else if (LETTER.test(ch)) script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'Other';
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

/**
 * Scores the languages of one script. `strict`: the winner must pass the hit, coverage and lead
 * thresholds (Latin script, where an unknown language must not be forced onto a known one); otherwise
 * the best-scoring language wins and `fallback` is used when nothing scores.
 */
function byWords(sample: string, profiles: Profiles, strict: boolean, fallback: string): string {
  const words = sample
    .normalize('NFC')
    .toLowerCase()
    // ZWNJ joins the parts of Persian words.
    .split(/[^\p{L}\p{M}'’\u200c]+/u)
    .map((w) => w.replace(/^['’]+|['’]+$/g, ''))
    .filter((w) => w !== '');
  if (words.length < MIN_WORDS) return 'und';
  const score = new Map<string, number>();
  const hits = new Map<string, number>();
  const add = (langs: string[], weight: number): void => {
    for (const l of langs) {
      score.set(l, (score.get(l) ?? 0) + weight / langs.length);
      hits.set(l, (hits.get(l) ?? 0) + 1);
    }
  };
  for (const w of words) {
    const shared = profiles.shared.get(w);
    if (shared) add(shared, 1);
    const core = profiles.core.get(w);
    if (core) add(core, 1);
    let tightest: string[] | null = null;
    for (const ch of w) {
      const langs = profiles.letters.get(ch);
      if (!langs) continue;
      if (!tightest || langs.length < tightest.length) tightest = langs;
    }
    // A word counts once for its most telling letter.
    if (tightest) add(tightest, 1);
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best) return strict ? 'und' : fallback;
  if (!strict) return second && best[1] === second[1] ? fallback : best[0];
  const bestHits = hits.get(best[0]) ?? 0;
  if (bestHits < MIN_HITS || bestHits / words.length < MIN_COVERAGE) return 'und';
  if (second && best[1] < MIN_LEAD * second[1]) return 'und';
  return best[0];
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
