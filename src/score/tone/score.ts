/**
 * Lexicon tone of tokenized text, split like GDELT's tone fields.
 *
 * Per polar word or phrase (dictionary engine over the lexicon on token norms, longest match first;
 * where the lexicon keeps German capitalization, a capitalized word mid-sentence only takes noun
 * entries and a lower-case one only the others (`Gefahren` vs `gefahren`); words not listed fall back
 * to a base form of the project's lexicon files they extend by an inflection ending (`herausragendes`);
 * hyphenated words to their last part (`Mega-Hit`, `Corona-Krise`); other compounds to an evaluative
 * first part (`Horrorunfall`, `Traumtor`: data/lexicons/evaluative-prefixes.tsv) and `un` + a positive
 * adjective to its opposite (`unfreundlich`); with `stems: true` to the mean weight of listed forms with
 * the same stem) the weight is:
 * - scaled by an intensifier or softener among the two words before it (`sehr gut` 1.5×, `kaum` 0.3×),
 *   not over an article or preposition (`zu einem Angriff`); intensifiers and softeners never count as
 *   polar words themselves;
 * - flipped and weakened (× −negationFactor) when a negator stands up to `scope` words before it in the
 *   same clause (the scope ends at , ; : . ! ? and dashes); after `weder`, `noch` negates too. Lexicon
 *   phrases that already contain the negation (`nicht gut` in Rauh's dictionary) win over this rule;
 * - reversed when a polarity shifter governs it (data/lexicons/shifters.tsv, see shifters.ts: `Rückgang
 *   der Arbeitslosigkeit`, `Gefahr gebannt`, `fehlende Unterstützung`, `Verlust des Vertrauens`); the
 *   pair counts as one term `Shifter+Word`, the shifter's own weight drops out, and a negated shifter
 *   (`nicht verhindert`) leaves the word its own polarity;
 * - weakened (× hedgeFactor, 0.7) in a clause with a hedge (`soll`, `könnte`, `angeblich`: reported or
 *   hypothetical statements).
 * - weakened (× reportFactor, 0.7) for report vocabulary (`data/lexicons/report-words.txt`: Unfall,
 *   verletzt, Polizei, Prozess, Krieg), words that name an event rather than judge it, unless the same
 *   sentence has an evaluative polar word (outside that list) of at least `reportEvaluative` (0.45);
 * - not counted at all when its lexicon weight is below `minWeight` (0.2): SentiWS rates hundreds of
 *   everyday words (möglich, aktuell, Zustimmung) at ±0.004, which is no evidence of tone.
 *
 * Totals (P = sum of positive contributions, N = sum of absolute negative contributions, W = words):
 * - `positive` = 100·P/W and `negative` = 100·N/W (per 100 words, like GDELT's scores);
 * - `polarity` = `positive` + `negative` (how emotionally loaded the text is, regardless of direction);
 * - `tone` = (P − N) / (P + N + smoothing): in (−1, 1), independent of how many neutral words surround
 *   the polar ones, so articles of different length compare; the smoothing keeps a single weak word
 *   from giving an extreme tone.
 * - `label`: negative below `neutralBand[0]`, positive above `neutralBand[1]`, else neutral, decided on
 *   `decision` = (P − N) / (P + N + smoothing · max(1, W / referenceWords)): the same as `tone` for a
 *   sentence or short text, but an article of 300 words needs five times the evidence of one of 60, so
 *   a single polar word in a long report does not make it positive or negative.
 *   Band calibrated on the tone dev set (scripts/tune-tone.ts --calibrate, both halves): [-0.3, 0.09].
 *   When the lexicon carries a label model (`data/lexicons/tone-model.json`, see model.ts and
 *   features.ts) and `labelModel` is not false, the model decides the label instead (`labelBasis`).
 *   None is shipped: fitted on one half of the dev set, it did no better on the other than the band.
 * Note `tone` uses the raw sums P and N, not the per-100-word `positive`/`negative`.
 */
import { type CompiledDictionary, compileDictionary, findHits } from '../../dictionary/index.js';
import type { Token } from '../../records.js';
import { normalizeToken } from '../../tokenize/german.js';
import { DOMAIN_FEATURE, emptyEvidence, featureVector, STRONG, type ToneEvidence } from './features.js';
import { INFLECTION_ENDINGS } from './inflection.js';
import { domainOf, PREFIX_KEY, type ToneLexicon } from './lexicon.js';
import { modelLabel, modelScores } from './model.js';
import {
  applyShifters,
  isIncreasing,
  particleVerb,
  type ShifterHit,
  type ShifterKind,
  shifterHeadBases,
  shifterKind,
  suffixBases,
} from './shifters.js';

export interface ToneOptions {
  /** Tone values inside [low, high] are labelled neutral. */
  neutralBand: [number, number];
  /** Negator norms (a trailing `*` marks a prefix); default: the lexicon's negators. */
  negators?: string[];
  /** Words after a negator that it reaches (default 3). */
  scope?: number;
  /** A negated weight becomes −factor × weight (default 0.5). */
  negationFactor?: number;
  /** The factor for negated negative words (`kein Problem`); default `negationFactor`. */
  negatedNegativeFactor?: number;
  /** A clause-final negator negates the polar words up to `scope` words before it (default true). */
  postNegation?: boolean;
  /**
   * After a contrast word (aber, jedoch …) weights × (1 + c), before it × (1 − c): in `X, aber Y` the
   * writer's point is Y. Default 0.3 (0 turns it off; 0.1-0.5 measured alike on both halves of the
   * tone dev set, all better than off).
   */
  contrast?: number;
  /** Added to P + N in the tone denominator (default 1). */
  smoothing?: number;
  /** Use the stem fallback for words not listed in the lexicon (default false: it measured slightly worse). */
  stems?: boolean;
  /**
   * Words not listed fall back to a listed form of at least this many letters that they extend by a
   * German inflection ending (`herausragendes` → `herausragend`); 0 turns this off (default 5).
   */
  inflectionFallback?: number;
  /**
   * Tell nouns from other words by capitalization where the lexicon knows both (`Arm`/`arm`,
   * `Gefahren`/`gefahren`, `Wagen`/`wagen`); at the start of a sentence or quote either is taken
   * (default true).
   */
  caseSensitive?: boolean;
  /** Words that make a clause hypothetical or reported (`soll`, `könnte`); default: the lexicon's hedges. */
  hedges?: string[];
  /** Weights in a clause with a hedge word are multiplied by this (default 0.7). */
  hedgeFactor?: number;
  /** Weights of report vocabulary (the lexicon's `report` words: Unfall, verletzt, Prozess) × this (default 0.7). */
  reportFactor?: number;
  /**
   * Report words keep their full weight in a sentence that also has an evaluative word (a polar word
   * outside the report vocabulary) of at least this weight; 0 turns this off (default 0.45).
   */
  reportEvaluative?: number;
  /**
   * Length-aware label: for a text of W words the label is decided on (P − N) / (P + N + smoothing ·
   * max(1, W / referenceWords)), so a long article needs evidence in proportion to its length; `tone`
   * itself stays (P − N) / (P + N + smoothing). 0 turns this off.
   */
  referenceWords?: number;
  /** Words whose lexicon weight is below this in absolute value do not count (default 0.2). */
  minWeight?: number;
  /**
   * A hyphenated word not listed takes the weight of its last part (`Mega-Hit` as `Hit`,
   * `Corona-Krise` as `Krise`), capitalization telling noun from other word (default true).
   */
  hyphenHeads?: boolean;
  /**
   * Words no lexicon lists take the weight of an evaluative first part (`Horrorunfall`, `Traumtor`:
   * `data/lexicons/evaluative-prefixes.tsv`), and `un` before a listed positive adjective negates it
   * (`unfreundlich`); default true.
   */
  affixes?: boolean;
  /**
   * Count the words of each subject-matter class (`data/lexicons/tone-domains.json`) into the evidence;
   * default: only when the label model has `domain:` features (the prefix matching costs time).
   */
  countDomains?: boolean;
  /**
   * Count personal pronouns, contrast words and numbers into the evidence (features of the label
   * model only); default: when a label model is loaded. `toneEvidence` always counts them.
   */
  countWordClasses?: boolean;
  /**
   * Decide the label with the lexicon's label model (`data/lexicons/tone-model.json`, loaded with the
   * built-in lexicon) when there is one (default true); false: with the neutral band on `decision`.
   */
  labelModel?: boolean;
  /**
   * Polarity shifters (data/lexicons/shifters.tsv: `Rückgang der Arbeitslosigkeit`, `Gefahr gebannt`,
   * `Verlust des Vertrauens`) reverse the polar word they govern (default true).
   */
  shifters?: boolean;
  /** Content words a shifter reaches (default 4). */
  shifterWindow?: number;
  /**
   * A governed weight becomes −shifterFactor × weight, and so does the first part's weight of a
   * `-frei`/`-los` word or a compound ending in a shifter (`gewaltfrei`, `Schuldenabbau`) (default 0.8:
   * a reversed word counts a little less than one said directly; 0.7-0.8 measured best on both halves
   * of the tone dev set).
   */
  shifterFactor?: number;
}

/**
 * Defaults of the options the pipeline does not set, calibrated on the tone dev set (scripts/tune-tone.ts,
 * checked on both halves): report words at 0.7 of their weight unless the sentence also judges
 * (an evaluative word of at least 0.45), words below 0.2 not counted, a contrast word shifting weight
 * to what follows it.
 */
export const TONE_DEFAULTS = {
  reportFactor: 0.7,
  reportEvaluative: 0.45,
  minWeight: 0.2,
  referenceWords: 60,
  contrast: 0.3,
} as const;

export interface ToneTerm {
  term: string;
  weight: number;
}

export interface ToneResult {
  tone: number;
  /** The value the label is decided on: `tone` with length-aware smoothing (equal to it for short texts). */
  decision: number;
  label: 'negative' | 'neutral' | 'positive';
  positive: number;
  negative: number;
  polarity: number;
  words: number;
  terms: ToneTerm[];
  /** How the label was decided: by the label model or by the neutral band on `decision`. */
  labelBasis: 'model' | 'band';
}

/** Whether capitalization of the word at `i` says something (not sentence- or quote-initial, not all caps). */
function caseTells(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.text.length > 1 && t.text === t.text.toUpperCase()) return false;
  const prev = tokens[i - 1];
  if (prev === undefined) return false;
  return prev.word || prev.norm === ',' || prev.norm === ';';
}

/**
 * Weight of a single listed word, honouring capitalization where it tells noun from other words
 * (`tells`: `caseTells` for the word's place).
 */
function casedWeight(lex: ToneLexicon, t: Token, tells: boolean, norm: string): number | undefined {
  const c = lex.cased.get(norm);
  if (!c || !tells) return lex.weights.get(norm);
  return /^\p{Lu}/u.test(t.text) ? c.upper : c.lower;
}

/** Weight of the part after the last hyphen of the word `t` (`Mega-Hit` → `Hit`), or undefined. */
function hyphenHeadWeight(lex: ToneLexicon, t: Token, minLength: number): number | undefined {
  const cut = t.text.lastIndexOf('-');
  if (cut <= 0 || t.text.length - cut - 1 < 3) return undefined;
  const text = t.text.slice(cut + 1);
  const norm = t.norm.slice(t.norm.lastIndexOf('-') + 1);
  if (norm.length < 3) return undefined;
  // After a hyphen, capitalization always tells a noun (`Corona-Krise`) from another word (`Corona-bedingt`).
  const upper = /^\p{Lu}/u.test(text);
  const of = (form: string): number | undefined => {
    const c = lex.cased.get(form);
    return c ? (upper ? c.upper : c.lower) : lex.weights.get(form);
  };
  const direct = of(norm);
  if (direct !== undefined || minLength <= 0) return direct;
  const base = inflectionBase(lex, norm, minLength);
  return base === null ? undefined : of(base);
}

function modelUsesDomains(lex: ToneLexicon): boolean {
  return lex.model?.features.some((f) => f.name.startsWith(DOMAIN_FEATURE)) ?? false;
}

/** Share of a positive adjective's weight that `un` + the adjective gets, negative (`unfreundlich`). */
const UN_FACTOR = 0.8;

/** Weight of an unlisted word from an evaluative first part or from `un` + a positive adjective. */
function affixWeight(lex: ToneLexicon, t: Token, minLength: number): number | undefined {
  const norm = t.norm;
  const candidates = lex.prefixes.get(norm.slice(0, PREFIX_KEY));
  if (candidates)
    for (const [p, w] of candidates) if (norm.length - p.length >= 3 && norm.startsWith(p)) return w;
  // `un` + adjective or participle, written lower-case: the opposite of a positive word.
  if (norm.length >= 6 && norm.startsWith('un') && !/^\p{Lu}/u.test(t.text)) {
    const base = norm.slice(2);
    let w = lex.cased.get(base)?.lower ?? lex.weights.get(base);
    if (w === undefined && minLength > 0) {
      const b = inflectionBase(lex, base, minLength);
      if (b !== null) w = lex.cased.get(b)?.lower ?? lex.weights.get(b);
    }
    if (w !== undefined && w > 0) return -UN_FACTOR * w;
  }
  return undefined;
}

/**
 * Weight of a lower-case adjective built on a polar noun with an ending that negates it (`problemlos`,
 * `gewaltfreie`, `erfolgloser`), or of a compound noun whose last part is a noun shifter
 * (`Schuldenabbau`, `Armutsbekämpfung`): the first part's weight reversed, or undefined.
 */
function suffixWeight(lex: ToneLexicon, t: Token, factor: number): number | undefined {
  const w = suffixBaseWeight(lex, t.norm, /^\p{Lu}/u.test(t.text));
  return w === null ? undefined : -factor * w;
}

/** Per lexicon: the base weight `suffixWeight` found for each norm, for nouns and for other words. */
const suffixMemos = new WeakMap<
  ToneLexicon,
  { upper: Map<string, number | null>; lower: Map<string, number | null> }
>();
const SUFFIX_MEMO_LIMIT = 50_000;

/** The listed noun weight a `-los`/`-frei` adjective or shifter compound is built on, or null (memoized). */
function suffixBaseWeight(lex: ToneLexicon, norm: string, upper: boolean): number | null {
  let memo = suffixMemos.get(lex);
  if (!memo) {
    memo = { upper: new Map(), lower: new Map() };
    suffixMemos.set(lex, memo);
  }
  const cache = upper ? memo.upper : memo.lower;
  const known = cache.get(norm);
  if (known !== undefined) return known;
  let found: number | null = null;
  // A noun may end in a noun shifter (`Schuldenabbau`), an adjective in a negating ending (`gewaltfrei`).
  const bases = upper ? shifterHeadBases(lex.shifters, norm) : suffixBases(lex.shifters, norm);
  for (const base of bases) {
    const w = lex.cased.get(base)?.upper;
    if (w !== undefined && Math.abs(w) >= SUFFIX_MIN_WEIGHT) {
      found = w;
      break;
    }
  }
  if (cache.size >= SUFFIX_MEMO_LIMIT) cache.clear();
  cache.set(norm, found);
  return found;
}

/** Per lexicon and minimum length: the listed base form each norm extends by an ending, or null. */
const inflectionBases = new WeakMap<ToneLexicon, Map<number, Map<string, string | null>>>();
const BASE_CACHE_LIMIT = 100_000;

/** The listed, inflectable base form that `norm` extends by an inflection ending (base ≥ minLength letters). */
function inflectionBase(lex: ToneLexicon, norm: string, minLength: number): string | null {
  let byLength = inflectionBases.get(lex);
  if (!byLength) {
    byLength = new Map();
    inflectionBases.set(lex, byLength);
  }
  let cache = byLength.get(minLength);
  if (!cache) {
    cache = new Map();
    byLength.set(minLength, cache);
  }
  const cached = cache.get(norm);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  for (const e of INFLECTION_ENDINGS) {
    if (!norm.endsWith(e) || norm.length - e.length < minLength) continue;
    const base = norm.slice(0, -e.length);
    if (!lex.inflectable.has(base)) continue;
    found = base;
    break;
  }
  if (cache.size >= BASE_CACHE_LIMIT) cache.clear();
  cache.set(norm, found);
  return found;
}

/**
 * Weight of a listed base form that the word `t` extends by an inflection ending (base ≥ minLength
 * letters); `tells` is `caseTells` for its place.
 */
function inflectedWeight(
  lex: ToneLexicon,
  t: Token,
  tells: boolean,
  minLength: number,
  caseSensitive: boolean,
): number | undefined {
  const base = inflectionBase(lex, t.norm, minLength);
  if (base === null) return undefined;
  return caseSensitive ? casedWeight(lex, t, tells, base) : lex.weights.get(base);
}

/** The options that decide a word's weight apart from its context (see `wordWeight`). */
interface WordWeightSettings {
  inflection: number;
  caseSensitive: boolean;
  hyphenHeads: boolean;
  affixes: boolean;
  minWeight: number;
  shifterFactor: number;
  useStems: boolean;
}

/**
 * The weight of a word that starts no lexicon phrase, glob or case rule: its plain-word entry
 * (`term`, the lexicon form its norm names) or else the fallbacks in order (inflection ending,
 * hyphen head, negating suffix, evaluative prefix or `un-`, stem); none for an intensifier. Apart
 * from the word itself it depends only on whether capitalization tells at its place (`tells`).
 */
function wordWeight(
  lex: ToneLexicon,
  t: Token,
  tells: boolean,
  term: string | undefined,
  s: WordWeightSettings,
): number | undefined {
  let weight: number | undefined;
  if (term !== undefined) weight = s.caseSensitive ? casedWeight(lex, t, tells, term) : lex.weights.get(term);
  if (weight === undefined && s.inflection > 0 && !t.stop)
    weight = inflectedWeight(lex, t, tells, s.inflection, s.caseSensitive);
  if (weight === undefined && s.hyphenHeads) weight = hyphenHeadWeight(lex, t, s.inflection);
  // Before the evaluative first parts: `skandalfrei` is no scandal, `Terrorbekämpfung` no terror. Also
  // where the lexicon lists the word as barely polar (SentiWS rates `gewaltfrei` 0.004).
  if (
    (weight === undefined || Math.abs(weight) < s.minWeight) &&
    s.affixes &&
    !t.stop &&
    lex.shifters.suffixes.length > 0
  )
    weight = suffixWeight(lex, t, s.shifterFactor) ?? weight;
  if (weight === undefined && s.affixes && !t.stop) weight = affixWeight(lex, t, s.inflection);
  if (weight === undefined && s.useStems && !t.stop) weight = lex.stems.get(t.stem);
  // Intensifiers and softeners only scale other words (`besonders`, `stark`).
  if (lex.modifiers.has(t.norm)) weight = undefined;
  return weight;
}

/**
 * What scoring a sentence needs to know of a word form apart from its place, found once per form:
 * its weight where capitalization does not tell (`untold`) and where it does (`told`), the plain
 * lexicon term it is, and the word lists it is on. One lookup of the token instead of about eight
 * lookups of its norm in the lexicon's sets and maps.
 */
interface WordFacts {
  untold: number | undefined;
  told: number | undefined;
  /** The lexicon's single-word term for the norm (`LexiconMatcher.single`), or undefined. */
  single: string | undefined;
  /** `shifterKind` at the start of the sentence, and elsewhere. */
  shifterInitial: ShifterKind | null;
  shifter: ShifterKind | null;
  /** A shifter of growth (`isIncreasing`). */
  increase: boolean;
  /** The particle of a separable shifter verb (`weist … zurück`). */
  particle: boolean;
  contrast: boolean;
  quantity: boolean;
  /** A reporting word (`lex.report`). */
  report: boolean;
}

function wordFacts(lex: ToneLexicon, matcher: LexiconMatcher, t: Token, s: WordWeightSettings): WordFacts {
  const single = matcher.single.get(t.norm);
  const shifterInitial = shifterKind(lex.shifters, t, true);
  const shifter = shifterKind(lex.shifters, t, false);
  return {
    untold: wordWeight(lex, t, false, single, s),
    told: wordWeight(lex, t, true, single, s),
    single,
    shifterInitial,
    shifter,
    increase: (shifterInitial !== null || shifter !== null) && isIncreasing(lex.shifters, t.norm),
    particle: lex.shifters.particles.has(t.norm),
    contrast: CONTRAST.has(t.norm),
    quantity: lex.markers.quantityWords.has(t.norm),
    report: isNegator(negation(lex.report), t.norm),
  };
}

/**
 * Per lexicon and settings: the facts (`WordFacts`: weights, lexicon term, word lists) of the words
 * met, by token. The tokens codec hands out one token per word form (for up to 50,000 forms at a
 * time), so a form is looked up and weighed once; bounded like the codec's memo, since the tokens it
 * holds would otherwise stay alive after the codec let them go.
 */
const wordWeightMemos = new WeakMap<ToneLexicon, Map<string, Map<Token, WordFacts>>>();
const WORD_MEMO_LIMIT = 50_000;

/**
 * The memo last used with an options object, with its lexicon and settings: found without building
 * the key string for every sentence (the settings are compared, in case the object was changed).
 */
const memoByOptions = new WeakMap<
  ToneOptions,
  { lex: ToneLexicon; settings: WordWeightSettings; memo: Map<Token, WordFacts> }
>();

const sameSettings = (a: WordWeightSettings, b: WordWeightSettings): boolean =>
  a.inflection === b.inflection &&
  a.caseSensitive === b.caseSensitive &&
  a.hyphenHeads === b.hyphenHeads &&
  a.affixes === b.affixes &&
  a.minWeight === b.minWeight &&
  a.shifterFactor === b.shifterFactor &&
  a.useStems === b.useStems;

function memoFor(lex: ToneLexicon, opts: ToneOptions, settings: WordWeightSettings): Map<Token, WordFacts> {
  const last = memoByOptions.get(opts);
  if (last !== undefined && last.lex === lex && sameSettings(last.settings, settings)) return last.memo;
  const memo = wordWeightMemo(lex, settings);
  memoByOptions.set(opts, { lex, settings, memo });
  return memo;
}

function wordWeightMemo(lex: ToneLexicon, s: WordWeightSettings): Map<Token, WordFacts> {
  let bySettings = wordWeightMemos.get(lex);
  if (!bySettings) {
    bySettings = new Map();
    wordWeightMemos.set(lex, bySettings);
  }
  const key = `${s.inflection}|${s.caseSensitive}|${s.hyphenHeads}|${s.affixes}|${s.minWeight}|${s.shifterFactor}|${s.useStems}`;
  let memo = bySettings.get(key);
  if (!memo) {
    memo = new Map();
    bySettings.set(key, memo);
  }
  return memo;
}

const hedgeCache = new WeakMap<string[], Set<string>>();

function hedgeSet(list: string[]): Set<string> {
  let set = hedgeCache.get(list);
  if (!set) {
    set = new Set(list);
    hedgeCache.set(list, set);
  }
  return set;
}

const CLAUSE_END = new Set([',', ';', ':', '.', '..', '...', '…', '!', '?', '–', '—', '-', '(', ')']);
const MAX_TERMS = 20;
const MODIFIER_REACH = 2;

/**
 * How the lexicon's terms are found in a sentence. Most terms are single plain words: they are looked
 * up by the token's norm (`single`: norm as the dictionary normalizes a pattern -> the term). Only
 * phrases, globs and case-sensitive terms go through the dictionary engine (`dict`), which is then
 * small: compiling every word into it cost each score worker ~0.2 s at start and a unit lookup per token.
 * The result is the dictionary's over all terms: the longest hit per start token, and among hits of
 * one length a plain word before a glob, terms in lexicon order.
 */
interface LexiconMatcher {
  dict: CompiledDictionary;
  single: Map<string, string>;
}

const matchers = new WeakMap<ToneLexicon, LexiconMatcher>();

/** A term the dictionary would read as one literal word (no space, no glob, not case-sensitive). */
function isPlainWord(term: string): boolean {
  return !/\s/.test(term.trim()) && !term.includes('*') && !term.trim().startsWith('=');
}

function lexiconMatcher(lex: ToneLexicon): LexiconMatcher {
  let m = matchers.get(lex);
  if (!m) {
    const spec: Record<string, string[]> = {};
    const single = new Map<string, string>();
    for (const term of lex.weights.keys()) {
      if (!isPlainWord(term)) spec[term] = [term];
      else {
        const norm = normalizeToken(term.trim());
        if (norm !== '' && !single.has(norm)) single.set(norm, term);
      }
    }
    m = { dict: compileDictionary(spec), single };
    matchers.set(lex, m);
  }
  return m;
}

interface Negation {
  exact: Set<string>;
  prefixes: string[];
}

const negationCache = new WeakMap<string[], Negation>();

function negation(list: string[]): Negation {
  let n = negationCache.get(list);
  if (!n) {
    n = { exact: new Set(), prefixes: [] };
    for (const w of list) {
      if (w.endsWith('*')) n.prefixes.push(w.slice(0, -1));
      else n.exact.add(w);
    }
    negationCache.set(list, n);
  }
  return n;
}

function isNegator(neg: Negation, norm: string): boolean {
  if (neg.exact.has(norm)) return true;
  for (const p of neg.prefixes) if (norm.startsWith(p)) return true;
  return false;
}

interface Part {
  index: number;
  clause: number;
  weight: number;
  /** The weight before negation (shifters use it). */
  unnegated: number;
  term: string;
  negated: boolean;
  report: boolean;
  /** In a subordinate clause (after dass, weil, wenn, a relative pronoun after a comma …). */
  sub: boolean;
  /** Inside quotation marks. */
  quote: boolean;
}

/** Default share of a governed word's weight that a shifter reverses. */
const SHIFTER_FACTOR = 0.8;
/** A noun under a negating ending (`-los`, `-frei`) must weigh at least this to give the adjective a weight. */
const SUFFIX_MIN_WEIGHT = 0.2;

const CONTRAST = new Set(['aber', 'jedoch', 'allerdings', 'trotzdem', 'dennoch', 'sondern']);

interface Accumulator extends ToneEvidence {
  terms: ToneTerm[];
}

function scoreSentence(tokens: Token[], lex: ToneLexicon, opts: ToneOptions, acc: Accumulator): void {
  const matcher = lexiconMatcher(lex);
  const neg = negation(opts.negators ?? lex.negators);
  const scope = opts.scope ?? 3;
  const factor = opts.negationFactor ?? 0.5;
  const negFactor = opts.negatedNegativeFactor ?? factor;
  const flip = (w: number): number => -w * (w < 0 ? negFactor : factor);
  const useStems = opts.stems ?? false;
  const postNegation = opts.postNegation ?? true;
  const contrast = opts.contrast ?? TONE_DEFAULTS.contrast;
  const inflection = opts.inflectionFallback ?? 5;
  const caseSensitive = opts.caseSensitive ?? true;
  const minWeight = opts.minWeight ?? TONE_DEFAULTS.minWeight;
  const hyphenHeads = opts.hyphenHeads ?? true;
  const affixes = opts.affixes ?? true;
  const countDomains = opts.countDomains ?? modelUsesDomains(lex);
  const countWordClasses = opts.countWordClasses ?? (lex.model ?? null) !== null;
  const useShifters = opts.shifters ?? true;
  const shifterFactor = opts.shifterFactor ?? SHIFTER_FACTOR;
  const settings: WordWeightSettings = {
    inflection,
    caseSensitive,
    hyphenHeads,
    affixes,
    minWeight,
    shifterFactor,
    useStems,
  };
  const memo = memoFor(lex, opts, settings);
  const shifterHits: ShifterHit[] = [];
  // Longest hit per start token.
  const hitAt = new Map<number, { end: number; term: string }>();
  if (matcher.dict.keys.length > 0)
    for (const h of findHits(matcher.dict, tokens)) {
      const prev = hitAt.get(h.start);
      if (!prev || prev.end < h.end) hitAt.set(h.start, { end: h.end, term: h.key });
    }
  let negatedUntil = -1;
  let weder = false;
  let clause = 0;
  let contrastAt = -1;
  let parts: Part[] = [];
  const markers = lex.markers;
  let inQuote = false;
  let quoted = false;
  let question = false;
  let exclamation = false;
  // Whether the current clause is subordinate; decided by its first word.
  let sub = false;
  let clauseStart = true;
  // First token of the current clause, and the last negator seen (for separable shifter verbs).
  let clauseFrom = 0;
  let lastNegator = -1;
  let afterComma = false;
  let i = 0;
  const n = tokens.length;
  while (i < n) {
    const t = tokens[i] as Token;
    if (!t.word) {
      if (markers.quotes.has(t.norm)) {
        inQuote = !inQuote;
        quoted = true;
      }
      if (t.norm.includes('?')) question = true;
      if (t.norm.includes('!')) exclamation = true;
      if (CLAUSE_END.has(t.norm) || t.norm.includes('?') || t.norm.includes('!')) {
        negatedUntil = -1;
        clause++;
        clauseStart = true;
        clauseFrom = i + 1;
        afterComma = t.norm === ',';
        sub = false;
      }
      i++;
      continue;
    }
    if (clauseStart) {
      sub = markers.subordinators.has(t.norm) || (afterComma && markers.relativePronouns.has(t.norm));
      clauseStart = false;
    }
    acc.words++;
    if (countWordClasses) {
      if (markers.personal.has(t.norm)) acc.personal++;
      if (markers.contrasts.has(t.norm)) acc.contrasts++;
    }
    const digit = t.norm.charCodeAt(0) - 48;
    if (digit >= 0 && digit <= 9) acc.numbers++;
    else if (countDomains && !t.stop) {
      const d = domainOf(lex.domains, t.norm);
      if (d >= 0) {
        const name = lex.domains.names[d] as string;
        acc.domains[name] = (acc.domains[name] ?? 0) + 1;
      }
    }
    let facts = memo.get(t);
    if (facts === undefined) {
      facts = wordFacts(lex, matcher, t, settings);
      if (memo.size >= WORD_MEMO_LIMIT) memo.clear();
      memo.set(t, facts);
    }
    // A phrase, glob or case rule starting here (rare); else the word's weight is the memoized one.
    const dictHit = hitAt.get(i);
    let hit = dictHit;
    if ((hit === undefined || hit.end === i + 1) && facts.single !== undefined)
      hit = { end: i + 1, term: facts.single };
    let weight: number | undefined;
    let end = i + 1;
    let term = t.text;
    if (hit) {
      end = hit.end;
      if (end > i + 1) {
        weight = lex.weights.get(hit.term);
        term = tokens
          .slice(i, end)
          .map((x) => x.text)
          .join(' ');
        acc.words += tokens.slice(i + 1, end).filter((x) => x.word).length;
      }
    }
    const phrase = end > i + 1;
    if (useShifters && !phrase) {
      const kind = i === 0 ? facts.shifterInitial : facts.shifter;
      if (kind !== null)
        shifterHits.push({
          index: i,
          clause,
          kind,
          text: t.text,
          negated: i <= negatedUntil,
          increase: facts.increase,
        });
      else if (facts.particle) {
        // `weist die Vorwürfe zurück`: the particle completes a shifter verb earlier in the clause.
        const v = particleVerb(lex.shifters, tokens, i, clauseFrom);
        if (v >= 0)
          shifterHits.push({
            index: v,
            clause,
            kind: 'verb',
            text: `${(tokens[v] as Token).text} ${t.text}`,
            negated: lastNegator >= clauseFrom && lastNegator < i,
          });
      }
    }
    if (!phrase && (isNegator(neg, t.norm) || (weder && t.norm === 'noch'))) {
      acc.negators++;
      lastNegator = i;
      negatedUntil = i + scope;
      if (t.norm === 'weder') weder = true;
      // A clause-final negator ("Das gefällt mir nicht.") negates the polar words before it.
      const next = tokens[i + 1];
      if (postNegation && (next === undefined || (!next.word && CLAUSE_END.has(next.norm)))) {
        for (const p of parts) {
          if (p.clause === clause && p.index >= i - scope && !p.negated) {
            p.weight = flip(p.weight);
            p.negated = true;
          }
        }
      }
      i++;
      continue;
    }
    if (contrast > 0 && facts.contrast && contrastAt < 0 && parts.length > 0) contrastAt = i;
    if (!phrase) {
      if (dictHit !== undefined) {
        // A glob or case rule (rare): weighed here, not memoized.
        weight = wordWeight(lex, t, caseTells(tokens, i), hit?.term, settings);
      } else {
        // A plain word or none: weighed once per word form.
        weight = facts.untold === facts.told || !caseTells(tokens, i) ? facts.untold : facts.told;
      }
    }
    // `gut drei Stunden`, `satte 20 Prozent`: the word only gives the size of the number after it.
    if (weight !== undefined && !phrase && facts.quantity) {
      const next = tokens[i + 1];
      if (next?.word && (/^\d/.test(next.norm) || markers.numberWords.has(next.norm))) weight = undefined;
    }
    // Minimum evidence: a word the lexicon rates barely polar (SentiWS lists many at ±0.004) is no evidence.
    if (weight !== undefined && Math.abs(weight) < minWeight) weight = undefined;
    if (weight !== undefined && weight !== 0) {
      let w = weight;
      for (let k = i - 1; k >= 0 && k >= i - MODIFIER_REACH; k--) {
        const m = tokens[k] as Token;
        if (!m.word) break;
        const f = lex.modifiers.get(m.norm);
        if (f !== undefined) {
          w *= f;
          break;
        }
        // A modifier reaches over an adjective (`sehr großen Erfolg`), not over an article or
        // preposition (`zu einem Angriff` is no `zu` intensifying `Angriff`).
        if (lex.markers.modifierBarriers.has(m.norm)) break;
      }
      const negated = !phrase && i <= negatedUntil;
      const unnegated = w;
      if (negated) w = flip(w);
      parts.push({
        index: i,
        clause,
        weight: w,
        unnegated,
        term,
        negated,
        report: !phrase && facts.report,
        sub,
        quote: inQuote,
      });
    }
    i = end;
  }
  if (shifterHits.length > 0)
    parts = applyShifters(parts, shifterHits, tokens, lex.shifters, {
      window: opts.shifterWindow ?? 4,
      factor: shifterFactor,
    });
  const hedgeFactor = opts.hedgeFactor ?? 0.7;
  const hedgeList = opts.hedges ?? lex.hedges;
  if (hedgeFactor !== 1 && hedgeList.length > 0) {
    const hedges = hedgeSet(hedgeList);
    const hedged = new Set<number>();
    let c = 0;
    for (const t of tokens) {
      if (!t.word && (CLAUSE_END.has(t.norm) || t.norm.includes('?') || t.norm.includes('!'))) c++;
      else if (hedges.has(t.norm)) {
        hedged.add(c);
        acc.hedges++;
      }
    }
    for (const p of parts) if (hedged.has(p.clause)) p.weight *= hedgeFactor;
  }
  const reportFactor = opts.reportFactor ?? TONE_DEFAULTS.reportFactor;
  if (reportFactor !== 1) {
    const evaluativeMin = opts.reportEvaluative ?? TONE_DEFAULTS.reportEvaluative;
    const evaluative =
      evaluativeMin > 0 && parts.some((p) => !p.report && Math.abs(p.weight) >= evaluativeMin);
    if (!evaluative) for (const p of parts) if (p.report) p.weight *= reportFactor;
  }
  for (const p of parts) {
    let w = p.weight;
    // Contrast ("…, aber …"): what follows the contrast word weighs more than what precedes it.
    if (contrastAt >= 0) w *= p.index < contrastAt ? 1 - contrast : 1 + contrast;
    const a = Math.abs(w);
    if (w > 0) {
      acc.pos += w;
      acc.posCount++;
      if (a >= STRONG) acc.strongPos++;
      if (p.sub) acc.posSub += a;
      if (p.quote) acc.posQuote += a;
    } else {
      acc.neg += a;
      acc.negCount++;
      if (a >= STRONG) acc.strongNeg++;
      if (p.sub) acc.negSub += a;
      if (p.quote) acc.negQuote += a;
      if (p.report) acc.reportNeg += a;
    }
    if (p.negated) acc.negated++;
    acc.terms.push({ term: p.term, weight: Math.round(w * 1000) / 1000 });
  }
  acc.sentences++;
  if (question) acc.questions++;
  if (exclamation) acc.exclamations++;
  if (quoted) acc.quoted++;
}

function label(tone: number, band: [number, number]): ToneResult['label'] {
  if (tone < band[0]) return 'negative';
  if (tone > band[1]) return 'positive';
  return 'neutral';
}

/** The evidence and label of a text, for measurements and fitting the label model. */
export function toneEvidence(sentences: Token[][], lexicon: ToneLexicon, opts: ToneOptions): ToneEvidence {
  const acc: Accumulator = { ...emptyEvidence(), terms: [] };
  const all = { ...opts, countWordClasses: true };
  for (const s of sentences) scoreSentence(s, lexicon, all, acc);
  const { terms: _terms, ...evidence } = acc;
  return evidence;
}

function result(acc: Accumulator, lex: ToneLexicon, opts: ToneOptions): ToneResult {
  const smoothing = opts.smoothing ?? 1;
  const tone = (acc.pos - acc.neg) / (acc.pos + acc.neg + smoothing);
  // Length-aware label: a text longer than `referenceWords` needs proportionately more evidence.
  const reference = opts.referenceWords ?? TONE_DEFAULTS.referenceWords;
  const scale = reference > 0 ? Math.max(1, acc.words / reference) : 1;
  const decision = (acc.pos - acc.neg) / (acc.pos + acc.neg + smoothing * scale);
  const per100 = (x: number): number => (acc.words > 0 ? (100 * x) / acc.words : 0);
  const positive = per100(acc.pos);
  const negative = per100(acc.neg);
  const terms = [...acc.terms].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, MAX_TERMS);
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  const model = opts.labelModel === false ? null : (lex.model ?? null);
  const decided = model
    ? modelLabel(
        modelScores(
          model,
          featureVector(
            acc,
            model.features.map((f) => f.name),
            reference,
          ),
        ),
      )
    : label(decision, opts.neutralBand);
  return {
    tone: round(tone),
    decision: round(decision),
    label: decided,
    labelBasis: model ? 'model' : 'band',
    positive: round(positive),
    negative: round(negative),
    polarity: round(positive + negative),
    words: acc.words,
    terms,
  };
}

/** Tone of a whole text (all sentences). */
export function scoreTone(sentences: Token[][], lexicon: ToneLexicon, opts: ToneOptions): ToneResult {
  const acc: Accumulator = { ...emptyEvidence(), terms: [] };
  for (const s of sentences) scoreSentence(s, lexicon, opts, acc);
  return result(acc, lexicon, opts);
}

/** Tone of the sentences with the given indexes (those mentioning a target term); null when none. */
export function scoreTargetTone(
  sentences: Token[][],
  sentenceIndexes: number[],
  lexicon: ToneLexicon,
  opts: ToneOptions,
): ToneResult | null {
  const picked = sentenceIndexes.map((i) => sentences[i]).filter((s): s is Token[] => s !== undefined);
  if (picked.length === 0) return null;
  return scoreTone(picked, lexicon, opts);
}
