/**
 * Polarity shifters: words of decrease, ending, prevention, loss and lack that reverse the polarity of
 * the polar word they govern (`Rückgang der Arbeitslosigkeit` is good news, `Verlust des Vertrauens`
 * bad news). The word list is `data/lexicons/shifters.tsv`; this module finds what each shifter governs
 * with two simple rules instead of a parse:
 * - a noun shifter (`Rückgang`, `Mangel`, `Ende`; only when written capitalized) governs the polar
 *   words of the noun phrase attached to it by a link word (`des`, `der`, `von`, `an`, `auf`): it needs
 *   a link word right after it (`am Ende jubelt` is no ending of cheers), and the phrase runs over
 *   further link words and lower-case words (adjectives) up to its head, the first capitalized word
 *   (`Mangel an guter Hilfe`), ending earlier at punctuation or after `window` words;
 * - a verb shifter (`sinkt`, `verhindert`, `beigelegt`) governs the nearest polar noun (a capitalized
 *   word: adverbs as in `sanken fassungslos` are not what the verb acts on) within `window` content
 *   words (stopwords are not counted) after it in the same clause (`verhindert einen Anschlag`), else
 *   the nearest before it (`die Kriminalität sinkt`, `den Streit beigelegt`);
 * - an adjective shifter (`sinkende`, `fehlende`, `mangelnde`; lower case) governs the polar noun it
 *   modifies, within two content words after it (`fehlende Unterstützung`, `sinkende Arbeitslosigkeit`);
 * - a preposition of opposition (`gegen`) governs the negative words of the noun phrase after it like
 *   a noun shifter, without a link word (`ein Zeichen gegen Rassismus`, `gegen das gefährliche Virus`);
 *   positive words after it stay (`gegen den Tabellenführer` is a contest, not opposition).
 * A governed word's weight becomes −factor × weight and its term reads `Shifter+Word`; the shifter's
 * own lexicon weight (Verlust, Rückgang are negative) no longer counts, since the pair is judged as one.
 * A negated shifter cancels the shift (`konnte den Anschlag nicht verhindern`, `kein Rückgang der
 * Arbeitslosigkeit`): the governed word counts with its own polarity, even where the negator's scope
 * reached it too.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../../paths.js';
import type { Token } from '../../records.js';

interface WordList {
  exact: Set<string>;
  /** Prefixes by their first MIN_PREFIX letters, so a word is checked against a few at most. */
  prefixes: Map<string, string[]>;
}

export interface Shifters {
  nouns: WordList;
  verbs: WordList;
  adjectives: WordList;
  prepositions: WordList;
  /** Words a noun shifter reaches over to the noun phrase it governs (`des`, `von`, `an`). */
  links: Set<string>;
  /** Conjunctions that join a further noun phrase to the governed one (`gegen Rassismus und Hass`). */
  coordinators: Set<string>;
  /** Adjective endings that negate the noun before them (`problemlos`, `gewaltfrei`, `erfolglos`). */
  suffixes: string[];
  /** Separable verbs: the finite forms that a clause-final particle completes (`zurück` → weist, geht). */
  particles: Map<string, Set<string>>;
  /** The first two letters of every shifter form, as a number: most words are rejected by them alone. */
  starts: Set<number>;
  /**
   * Words of growth (third column `increase`: `wächst`, `Zuwachs`, `wachsende`): they govern like the
   * other shifters but keep a negative word's polarity, dropping their own positive weight.
   */
  increasing: WordList;
}

/** The first two letters of a word as one number (no string is made). */
function startOf(norm: string): number {
  return norm.charCodeAt(0) * 65536 + norm.charCodeAt(1);
}

export type ShifterKind = 'noun' | 'verb' | 'adjective' | 'preposition';

/** A shifter found in a sentence. */
export interface ShifterHit {
  index: number;
  clause: number;
  kind: ShifterKind;
  text: string;
  /** In the scope of a negator (`nicht verhindert`, `kein Rückgang`): the shift is cancelled. */
  negated: boolean;
  /** A word of growth (`die Not wächst`): it keeps a governed negative word's polarity. */
  increase?: boolean;
}

/** What the shifter rules need of a polar word of the scorer. */
export interface ShiftablePart {
  index: number;
  clause: number;
  weight: number;
  /** The weight before a negator flipped it (equal to `weight` when not negated). */
  unnegated: number;
  term: string;
  shifted?: boolean;
}

export interface ShiftOptions {
  /** Content words (not stopwords) a shifter reaches (default 4). */
  window: number;
  /** A governed weight becomes −factor × weight. */
  factor: number;
}

const MIN_PREFIX = 5;
/** Content words an adjective shifter reaches: the noun it modifies (`fehlende politische Unterstützung`). */
const ADJECTIVE_WINDOW = 2;
/** Tokens after a comma in which a list must reach its coordinator (`A, B und C`). */
const LIST_REACH = 4;
/** Tokens back from a genitive attribute to its head noun (`Eskalation des blutigen Kriegs`). */
const HEAD_REACH = 4;
const GENITIVE_LINKS = new Set(['des', 'der', 'eines', 'einer']);

function emptyList(): WordList {
  return { exact: new Set(), prefixes: new Map() };
}

/** Parse `form<TAB>kind` lines (kind noun, verb, adjective, preposition, particle, suffix, link or coordinator; `#` comments; a trailing `*` marks a prefix). */
export function parseShifters(text: string): Shifters {
  const out: Shifters = {
    nouns: emptyList(),
    verbs: emptyList(),
    adjectives: emptyList(),
    prepositions: emptyList(),
    links: new Set(),
    coordinators: new Set(),
    particles: new Map(),
    suffixes: [],
    starts: new Set(),
    increasing: emptyList(),
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [rawForm, rawKind, rawRole] = line.split('\t').map((c) => c.trim());
    const form = (rawForm ?? '').toLowerCase();
    if (form === '') continue;
    if (rawKind === 'suffix') {
      out.suffixes.push(form);
      continue;
    }
    if (rawKind === 'particle') {
      const [verb, particle] = form.split(/\s+/);
      if (verb === undefined || particle === undefined)
        throw new Error(`shifters: particle verb '${form}' needs a finite form and a particle`);
      const forms = out.particles.get(particle) ?? new Set<string>();
      forms.add(verb);
      out.particles.set(particle, forms);
      continue;
    }
    if (rawKind === 'link' || rawKind === 'coordinator') {
      (rawKind === 'link' ? out.links : out.coordinators).add(form);
      continue;
    }
    const list =
      rawKind === 'noun'
        ? out.nouns
        : rawKind === 'verb'
          ? out.verbs
          : rawKind === 'adjective'
            ? out.adjectives
            : rawKind === 'preposition'
              ? out.prepositions
              : null;
    if (list === null) throw new Error(`shifters: unknown kind '${rawKind ?? ''}' for '${form}'`);
    if (rawRole !== undefined && rawRole !== '' && rawRole !== 'increase')
      throw new Error(`shifters: unknown third column '${rawRole}' for '${form}' (only 'increase')`);
    out.starts.add(startOf(form));
    addForm(list, form);
    if (rawRole === 'increase') addForm(out.increasing, form);
  }
  return out;
}

function addForm(list: WordList, form: string): void {
  if (!form.endsWith('*')) {
    list.exact.add(form);
    return;
  }
  const prefix = form.slice(0, -1);
  if (prefix.length < MIN_PREFIX)
    throw new Error(`shifters: prefix '${form}' needs at least ${MIN_PREFIX} letters`);
  const key = prefix.slice(0, MIN_PREFIX);
  const same = list.prefixes.get(key);
  if (same) same.push(prefix);
  else list.prefixes.set(key, [prefix]);
}

/** Whether a shifter word is a word of growth (`wächst`, `Zuwachs`), not of decrease, loss or lack. */
export function isIncreasing(shifters: Shifters, norm: string): boolean {
  return (listsOf(shifters, norm) & INCREASE) !== 0;
}

/**
 * The finite verb that the clause-final particle at `i` completes into a shifter (`weist die Vorwürfe
 * zurück`, `die Arbeitslosigkeit geht deutlich zurück`): its index, searched back to `from` (the start
 * of the clause), or -1.
 */
export function particleVerb(shifters: Shifters, tokens: Token[], i: number, from: number): number {
  const forms = shifters.particles.get((tokens[i] as Token).norm);
  if (forms === undefined) return -1;
  const next = tokens[i + 1];
  if (next?.word) return -1;
  for (let k = i - 1; k >= from; k--) {
    const t = tokens[k] as Token;
    if (!t.word) return -1;
    if (forms.has(t.norm)) return k;
  }
  return -1;
}

/**
 * Per shifter list, what was found for each distinct norm: the suffix and head bases and the lists a
 * norm is on. Each word is analysed once; a map that reaches MEMO_LIMIT entries is cleared (a corpus
 * has far fewer distinct words than tokens, so this keeps memory bounded without changing results).
 */
interface ShifterMemo {
  suffix: Map<string, readonly string[]>;
  head: Map<string, readonly string[]>;
  /** Bit mask of the lists a norm is on (NOUN | VERB | ADJECTIVE | PREPOSITION). */
  lists: Map<string, number>;
}

const MEMO_LIMIT = 50_000;
const memos = new WeakMap<Shifters, ShifterMemo>();
/** The shared answer for words with no shifter base (most words): no array per word. */
const NONE: readonly string[] = Object.freeze([]);

/** The memo looked up last: a scorer uses one shifter list for a whole corpus. */
let lastShifters: Shifters | null = null;
let lastMemo: ShifterMemo | null = null;

function memoOf(shifters: Shifters): ShifterMemo {
  if (shifters === lastShifters && lastMemo !== null) return lastMemo;
  let m = memos.get(shifters);
  if (!m) {
    m = { suffix: new Map(), head: new Map(), lists: new Map() };
    memos.set(shifters, m);
  }
  lastShifters = shifters;
  lastMemo = m;
  return m;
}

function remember<V>(memo: Map<string, V>, norm: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(norm, value);
}

const ADJECTIVE_ENDINGS = ['en', 'er', 'es', 'em', 'e', ''];
const LINKING = ['s', 'es', 'n', 'en'];

/**
 * The nouns a lower-case adjective may be built on with a shifting ending (`problemlos` on `problem`,
 * `gewaltfreie` on `gewalt`, `erfolgloser` on `erfolg` with its linking s), longest first; [] when
 * it has no such ending. The caller looks them up as nouns and reverses the weight of the first found.
 */
export function suffixBases(shifters: Shifters, norm: string): readonly string[] {
  const memo = memoOf(shifters).suffix;
  const known = memo.get(norm);
  if (known !== undefined) return known;
  const found = findSuffixBases(shifters, norm);
  remember(memo, norm, found);
  return found;
}

function findSuffixBases(shifters: Shifters, norm: string): readonly string[] {
  for (const ending of ADJECTIVE_ENDINGS) {
    if (!norm.endsWith(ending)) continue;
    const stem = norm.slice(0, norm.length - ending.length);
    for (const suffix of shifters.suffixes) {
      if (!stem.endsWith(suffix)) continue;
      const base = stem.slice(0, stem.length - suffix.length);
      if (base.length < 4) continue;
      const out = [base];
      for (const l of LINKING)
        if (base.endsWith(l) && base.length - l.length >= 4) out.push(base.slice(0, -l.length));
      return out;
    }
  }
  return NONE;
}

const headCache = new WeakMap<Shifters, Map<string, string[]>>();

/**
 * The first parts a compound noun ending in a noun shifter may be built on (`Schuldenabbau` on
 * `schulden`, `Armutsbekämpfung` on `armut`), longest first; [] when it ends in none. The caller looks
 * them up as nouns and reverses the weight of the first found.
 */
export function shifterHeadBases(shifters: Shifters, norm: string): readonly string[] {
  const memo = memoOf(shifters).head;
  const known = memo.get(norm);
  if (known !== undefined) return known;
  const found = findHeadBases(shifters, norm);
  remember(memo, norm, found);
  return found;
}

function findHeadBases(shifters: Shifters, norm: string): readonly string[] {
  let byEnd = headCache.get(shifters);
  if (!byEnd) {
    byEnd = new Map();
    for (const form of shifters.nouns.exact) {
      const key = form.slice(-3);
      const list = byEnd.get(key) ?? [];
      list.push(form);
      byEnd.set(key, list);
    }
    headCache.set(shifters, byEnd);
  }
  const forms = byEnd.get(norm.slice(-3));
  if (!forms) return NONE;
  for (const form of forms) {
    if (!norm.endsWith(form)) continue;
    const base = norm.slice(0, norm.length - form.length);
    if (base.length < 4) continue;
    const out = [base];
    for (const l of LINKING)
      if (base.endsWith(l) && base.length - l.length >= 4) out.push(base.slice(0, -l.length));
    return out;
  }
  return NONE;
}

/** The project's shifter list, `data/lexicons/shifters.tsv`. */
export function loadShifters(): Shifters {
  return parseShifters(readFileSync(dataPath('lexicons', 'shifters.tsv'), 'utf8'));
}

function listed(list: WordList, norm: string): boolean {
  if (list.exact.has(norm)) return true;
  const same = list.prefixes.get(norm.slice(0, MIN_PREFIX));
  if (same) for (const p of same) if (norm.startsWith(p)) return true;
  return false;
}

/**
 * Whether a word is a shifter, and of which kind: nouns only when capitalized, adjectives and
 * prepositions only in lower case or at the start of a sentence (`initial`).
 */
export function shifterKind(shifters: Shifters, token: Token, initial = false): ShifterKind | null {
  const mask = listsOf(shifters, token.norm);
  if (mask === 0) return null;
  const upper = /^\p{Lu}/u.test(token.text);
  if (upper && mask & NOUN) return 'noun';
  if (mask & VERB) return 'verb';
  if (!upper || initial) {
    if (mask & ADJECTIVE) return 'adjective';
    if (mask & PREPOSITION) return 'preposition';
  }
  return null;
}

const NOUN = 1;
const VERB = 2;
const ADJECTIVE = 4;
const PREPOSITION = 8;
const INCREASE = 16;

/** The shifter lists a norm is in, as a mask of the bits above (memoized per norm). */
function listsOf(shifters: Shifters, norm: string): number {
  if (norm.length < 4 || !shifters.starts.has(startOf(norm))) return 0;
  const memo = memoOf(shifters).lists;
  let mask = memo.get(norm);
  if (mask === undefined) {
    mask =
      (listed(shifters.nouns, norm) ? NOUN : 0) |
      (listed(shifters.verbs, norm) ? VERB : 0) |
      (listed(shifters.adjectives, norm) ? ADJECTIVE : 0) |
      (listed(shifters.prepositions, norm) ? PREPOSITION : 0) |
      (listed(shifters.increasing, norm) ? INCREASE : 0);
    remember(memo, norm, mask);
  }
  return mask;
}

/**
 * The parts a noun or preposition shifter governs: the polar words of the noun phrase after it, up to
 * and including its head, the first capitalized word (`gegen das gefährliche Virus`, `Mangel an guter
 * Hilfe`); after a noun, the phrase must be attached by a link word.
 */
function nounTargets<P extends ShiftablePart>(
  hit: ShifterHit,
  tokens: Token[],
  byIndex: Map<number, P>,
  shifters: Shifters,
  window: number,
): P[] {
  let start = hit.index + 1;
  if (hit.kind === 'noun') {
    const first = tokens[start];
    if (first === undefined || !shifters.links.has(first.norm)) return [];
    start++;
  }
  const found: P[] = [];
  // Only after a preposition: `Rückgang der Arbeitslosigkeit und der Erfolg der Firmen` joins subjects.
  const coordinate = hit.kind === 'preposition';
  // A list `A, B und C`: a comma joins when a capitalized item follows and then, within a few tokens,
  // a coordinator or another comma of the list (`gegen Rassismus, sagte sie, und …` is no list).
  const listGoesOn = (from: number): boolean => {
    if (!/^\p{Lu}/u.test(tokens[from]?.text ?? '')) return false;
    for (let j = from + 1; j < from + LIST_REACH; j++) {
      const u = tokens[j];
      if (u === undefined) return false;
      if (shifters.coordinators.has(u.norm) || u.norm === ',') return true;
      if (!u.word) return false;
    }
    return false;
  };
  const joins = (k: number): boolean => {
    const t = tokens[k];
    if (t === undefined || !coordinate || k <= start || !/^\p{Lu}/u.test(tokens[k - 1]?.text ?? ''))
      return false;
    return shifters.coordinators.has(t.norm) || (t.norm === ',' && listGoesOn(k + 1));
  };
  for (let k = start; k < start + window; k++) {
    // `gegen Rassismus und Hass`, `gegen Mobbing, Gewalt und Ausgrenzung`: governed too.
    if (joins(k)) {
      start = k + 1;
      continue;
    }
    const t = tokens[k];
    if (t === undefined || !t.word) break;
    const p = byIndex.get(k);
    // `gegen` + something good is mostly a contest (`gegen den Tabellenführer`), not opposition.
    if (p !== undefined && (hit.kind !== 'preposition' || p.weight < 0)) found.push(p);
    // The head noun ends the phrase, unless a coordinator follows it.
    if (/^\p{Lu}/u.test(t.text) && !joins(k + 1)) break;
  }
  return found;
}

/**
 * The part a verb shifter governs: the nearest polar noun after it in its clause, else before it
 * (an adjective shifter only after it: the noun it modifies),
 * counting only words that are not stopwords (`die Arbeitslosigkeit ist im vergangenen Jahr deutlich
 * gesunken` is three content words away).
 */
function verbTarget<P extends ShiftablePart>(
  hit: ShifterHit,
  tokens: Token[],
  byIndex: Map<number, P>,
  shifters: Shifters,
  window: number,
): P | undefined {
  for (const dir of hit.kind === 'adjective' ? [1] : [1, -1]) {
    let words = 0;
    for (let k = hit.index + dir; words < window; k += dir) {
      const t = tokens[k];
      if (t === undefined || !t.word) break;
      const p = byIndex.get(k);
      if (p !== undefined && /^\p{Lu}/u.test(t.text))
        return dir < 0 ? (headOf(k, tokens, byIndex, shifters) ?? p) : p;
      if (!t.stop) words++;
    }
  }
  return undefined;
}

/**
 * Going back from a verb, the first noun found may be a genitive attribute (`eine Eskalation des Kriegs
 * vermieden`): the polar head noun before its link word, if there is one.
 */
function headOf<P extends ShiftablePart>(
  k: number,
  tokens: Token[],
  byIndex: Map<number, P>,
  shifters: Shifters,
): P | undefined {
  let j = k - 1;
  let linked = false;
  while (j >= 0 && j >= k - HEAD_REACH) {
    const t = tokens[j] as Token;
    if (!t.word) return undefined;
    if (/^\p{Lu}/u.test(t.text)) return linked ? byIndex.get(j) : undefined;
    if (GENITIVE_LINKS.has(t.norm)) linked = true;
    else if (!linked && !shifters.links.has(t.norm)) return undefined;
    j--;
  }
  return undefined;
}

/**
 * Reverse the weights of the polar words that shifters govern (see the module comment). Returns the
 * parts to count: the shifters' own parts are left out where they governed a word.
 */
export function applyShifters<P extends ShiftablePart>(
  parts: P[],
  hits: ShifterHit[],
  tokens: Token[],
  shifters: Shifters,
  opts: ShiftOptions,
): P[] {
  if (hits.length === 0 || parts.length === 0) return parts;
  const shifterAt = new Set(hits.map((h) => h.index));
  // Candidates: polar words that are not shifters themselves.
  const byIndex = new Map<number, P>();
  for (const p of parts) if (!shifterAt.has(p.index)) byIndex.set(p.index, p);
  const governing = new Set<number>();
  for (const hit of hits) {
    const targets =
      hit.kind === 'noun' || hit.kind === 'preposition'
        ? nounTargets(hit, tokens, byIndex, shifters, opts.window)
        : [
            verbTarget(
              hit,
              tokens,
              byIndex,
              shifters,
              hit.kind === 'adjective' ? ADJECTIVE_WINDOW : opts.window,
            ),
          ];
    // Growth (`die Not wächst`): a negative word keeps its polarity; negated growth changes nothing.
    if (hit.increase) {
      if (hit.negated) continue;
      for (const target of targets) {
        if (target === undefined || target.shifted || target.weight >= 0) continue;
        target.term = `${hit.text}+${target.term}`;
        target.shifted = true;
        governing.add(hit.index);
      }
      continue;
    }
    for (const target of targets) {
      if (target === undefined || target.shifted) continue;
      target.weight = hit.negated ? target.unnegated : -target.weight * opts.factor;
      target.term = `${hit.negated ? 'nicht ' : ''}${hit.text}+${target.term}`;
      target.shifted = true;
      governing.add(hit.index);
    }
  }
  return governing.size === 0 ? parts : parts.filter((p) => !governing.has(p.index));
}
