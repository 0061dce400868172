/**
 * Which municipality an article is about.
 *
 * Order of evidence: a metadata field that names a known municipality, then the outlet map (outlet
 * name -> municipality), then place mentions in title and text. Every place name, alias, district and
 * disambiguation rule is data (`data/municipalities.json` by default); this module holds only the
 * mechanism.
 *
 * Matching works on tokens: words and single punctuation marks, folded to lower case with umlauts
 * spelled out (`Mülheim` = `Muelheim`) and all dashes read as `-`. All surfaces of all places sit in
 * one token trie that is walked once over the text (leftmost-longest), so `Mülheim an der Ruhr` wins over
 * `Mülheim` and `Dortmunder Nordstadt` over `Dortmunder`. A mention counts only when its first word is
 * written with a capital letter (`in Münster`, `MÜNSTER.`, not `münster`).
 *
 * Disambiguation (`ambiguous`, keyed by a surface of the place):
 * - An `exclude` or `require` phrase that contains the surface is a *local* phrase: a mention inside a
 *   local `exclude` phrase never counts (`Köln-Mülheim`, `Mülheim-Kärlich`, `das Münster`); a mention
 *   inside a local `require` phrase always counts.
 * - An entry that does not contain the surface is a *document cue*, looked for anywhere in title and
 *   text: `exclude` cues point to a namesake elsewhere (`Köln`, `Kärlich`), `require` cues support this
 *   place (`Ruhr*`). Any unambiguous mention of the same place (its name written out, a district)
 *   supports it as well.
 * - Otherwise a plain mention counts when something supports it; without support it counts only if
 *   the surface has no `require` entries at all, or has `exclude` cues of which none occurs.
 *   So `require` alone makes a surface strict (support needed), `exclude` cues alone make it lenient
 *   (counts unless a namesake is hinted at), and both together mean: counts unless a namesake is
 *   hinted at and nothing supports it. This is the rule for plain `Mülheim`: in the local press it is
 *   nearly always Mülheim an der Ruhr, unless the text speaks of Köln, Kärlich or the Mosel without
 *   also naming the Ruhr or a district of Mülheim an der Ruhr.
 * - In phrases, a word ending in `*` matches any word starting with it (`Ruhr*`: `Ruhrgebiet`), and a
 *   word starting with `*` any capitalized word ending with it.
 *
 * A surface listed for two places counts for neither.
 */

import { z } from 'zod';

/** One municipality of the study, as configured. */
export interface PlaceConfig {
  name: string;
  /** Other spellings and forms: `Mülheim a. d. Ruhr`, `Dortmunder`, `Münsteraner`. */
  aliases?: string[];
  /** Districts and quarters whose mention counts for the municipality. */
  districts?: string[];
  /** Disambiguation rules per surface; a surface listed only here is added to the place. */
  ambiguous?: { [surface: string]: { require?: string[]; exclude?: string[] } };
}

const placeConfigSchema = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).optional(),
    districts: z.array(z.string().min(1)).optional(),
    ambiguous: z
      .record(
        z.string().min(1),
        z
          .object({
            require: z.array(z.string().min(1)).optional(),
            exclude: z.array(z.string().min(1)).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

/** Checks parsed JSON (e.g. `data/municipalities.json`) against the place config shape; throws with the path of the first problem. */
export function parsePlaceConfig(json: unknown): PlaceConfig[] {
  const result = z.array(placeConfigSchema).safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`places: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
}

/** Weights of mentions when the municipality is decided from the text. */
export interface PlaceScoring {
  /** A mention in the body. */
  text: number;
  /** A mention in the title. */
  title: number;
  /** A dateline at the start of the body or of one of its first lines (`DORTMUND.`, `Dortmund (nnd) –`). */
  dateline: number;
  /** The winner needs at least this many times the weight of the runner-up. */
  dominance: number;
}

export const DEFAULT_PLACE_SCORING: PlaceScoring = { text: 1, title: 3, dateline: 5, dominance: 1.5 };

type WordMatcher =
  | { kind: 'exact'; value: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'suffix'; value: string };

interface Phrase {
  words: WordMatcher[];
  /** Position of the surface inside a local phrase. */
  at: number;
}

interface Rule {
  localExclude: Phrase[];
  localRequire: Phrase[];
  excludeCues: Phrase[];
  requireCues: Phrase[];
  /** The surface has `require` entries (local or cue). */
  hasRequire: boolean;
}

interface Entry {
  place: string;
  /** Token length of the surface. */
  length: number;
  rule: Rule | null;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entry: Entry | null;
}

export interface Gazetteer {
  places: string[];
  root: TrieNode;
  scoring: PlaceScoring;
}

interface Tokens {
  fold: string[];
  orig: string[];
  /** Character offset of each token (only for tokens cut from one text, else empty). */
  start: number[];
  /** True when only spaces or tabs separate the token from the start of its line (as `start`). */
  lineStart: boolean[];
}

const DASHES = /[\u2010-\u2015\u2212]/g;

const PLAIN = /^[a-z0-9]*$/;

function foldUncached(word: string): string {
  const lower = word.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  return lower
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(DASHES, '-');
}

/** Folded form per word seen; news text repeats its words, so most folds are one lookup. */
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 100_000;

function foldWord(word: string): string {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    folded = foldUncached(word);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(word, folded);
  }
  return folded;
}

/** Character classes of the token scanner. */
const WORD = 1;
const SPACE = 2;
const OTHER = 3;

/**
 * Cuts text into tokens: maximal runs of characters that `wordChar` accepts, and single other
 * characters (code points); whitespace (`\s`) separates. The same tokens as the regex
 * `/[W]+|[^\sW]/gu` for a word class W, but classes are looked up in a table per code unit after
 * the first sight of a character instead of a Unicode property test per character.
 */
function createTokenScanner(wordChar: RegExp): (text: string, t: Tokens, positions: boolean) => void {
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, number>();
  const classify = (ch: string): number => (wordChar.test(ch) ? WORD : /\s/u.test(ch) ? SPACE : OTHER);
  return (text, t, positions) => {
    let atLineStart = true;
    let start = -1;
    let i = 0;
    /** Whether the current word has only ASCII lower-case letters and digits (its own fold). */
    let plain = true;
    const push = (from: number, to: number, own: boolean): void => {
      const orig = text.slice(from, to);
      t.orig.push(orig);
      t.fold.push(own ? orig : foldWord(orig));
      if (positions) {
        t.start.push(from);
        t.lineStart.push(atLineStart);
      }
      atLineStart = false;
    };
    while (i < text.length) {
      const code = text.codePointAt(i) ?? 0;
      const width = code > 0xffff ? 2 : 1;
      let cls: number;
      if (width === 1) {
        cls = bmp[code] ?? 0;
        if (cls === 0) {
          cls = classify(text.charAt(i));
          bmp[code] = cls;
        }
      } else {
        cls = astral.get(code) ?? 0;
        if (cls === 0) {
          cls = classify(text.slice(i, i + 2));
          astral.set(code, cls);
        }
      }
      if (cls === WORD) {
        if (start < 0) {
          start = i;
          plain = true;
        }
        if (plain && !((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39))) plain = false;
      } else {
        if (start >= 0) {
          push(start, i, plain);
          start = -1;
        }
        if (cls === OTHER) push(i, i + width, false);
        else if (code === 10) atLineStart = true;
      }
      i += width;
    }
    if (start >= 0) push(start, text.length, plain);
  };
}

const emptyTokens = (): Tokens => ({ fold: [], orig: [], start: [], lineStart: [] });

const scanText = createTokenScanner(/[\p{L}\p{N}]/u);
const scanPhrase = createTokenScanner(/[\p{L}\p{N}*]/u);

/** Tokens of a text, with their positions. */
function tokenize(text: string): Tokens {
  const t = emptyTokens();
  scanText(text, t, true);
  return t;
}

/** The tokens of one surface token (a tokenizer's `Dortmund-Hörde` is three here). */
interface Pieces {
  orig: string[];
  fold: string[];
}

const piecesCache = new Map<string, Pieces>();
const PIECES_CACHE_LIMIT = 100_000;

function piecesOf(word: string): Pieces {
  let pieces = piecesCache.get(word);
  if (pieces === undefined) {
    const t = emptyTokens();
    scanText(word, t, false);
    pieces = { orig: t.orig, fold: t.fold };
    if (piecesCache.size >= PIECES_CACHE_LIMIT) piecesCache.clear();
    piecesCache.set(word, pieces);
  }
  return pieces;
}

/**
 * Tokens of already tokenized sentences: each token's surface is cut like text would be, so the
 * result equals that of the surface text with tokens joined by spaces and sentences by newlines.
 */
function tokensOfSentences(sentences: ReadonlyArray<ReadonlyArray<{ text: string }>>): Tokens {
  const t = emptyTokens();
  for (const sentence of sentences) {
    for (const token of sentence) {
      const pieces = piecesOf(token.text);
      for (let k = 0; k < pieces.orig.length; k++) {
        t.orig.push(pieces.orig[k] ?? '');
        t.fold.push(pieces.fold[k] ?? '');
      }
    }
  }
  return t;
}

function phraseWords(phrase: string): WordMatcher[] {
  const t = emptyTokens();
  scanPhrase(phrase, t, false);
  return t.fold.map((w): WordMatcher => {
    if (w.length > 1 && w.endsWith('*')) return { kind: 'prefix', value: w.slice(0, -1) };
    if (w.length > 1 && w.startsWith('*')) return { kind: 'suffix', value: w.slice(1) };
    return { kind: 'exact', value: w };
  });
}

function wordMatches(m: WordMatcher, t: Tokens, i: number): boolean {
  const w = t.fold[i];
  if (w === undefined) return false;
  if (m.kind === 'exact') return w === m.value;
  if (m.kind === 'prefix') return w.startsWith(m.value);
  return w.length > m.value.length && w.endsWith(m.value) && isCapitalized(t.orig[i] ?? '');
}

/** Whether `phrase` occurs in the tokens with its word `at` on token `i`. */
function phraseAt(p: Phrase, t: Tokens, i: number): boolean {
  const from = i - p.at;
  if (from < 0) return false;
  return p.words.every((m, k) => wordMatches(m, t, from + k));
}

function phraseAnywhere(p: Phrase, t: Tokens): boolean {
  const len = p.words.length;
  for (let i = 0; i + len <= t.fold.length; i++) {
    let k = 0;
    while (k < len && wordMatches(p.words[k] as WordMatcher, t, i + k)) k++;
    if (k === len) return true;
  }
  return false;
}

/** Where the surface's words sit inside the phrase, or -1. */
function indexOfSurface(words: WordMatcher[], surface: string[]): number {
  for (let i = 0; i + surface.length <= words.length; i++) {
    if (surface.every((s, k) => words[i + k]?.kind === 'exact' && words[i + k]?.value === s)) return i;
  }
  return -1;
}

function compileRule(surface: string[], spec: { require?: string[]; exclude?: string[] }): Rule {
  const rule: Rule = {
    localExclude: [],
    localRequire: [],
    excludeCues: [],
    requireCues: [],
    hasRequire: (spec.require ?? []).length > 0,
  };
  for (const [list, local, cue] of [
    [spec.exclude ?? [], rule.localExclude, rule.excludeCues],
    [spec.require ?? [], rule.localRequire, rule.requireCues],
  ] as const) {
    for (const phrase of list) {
      const words = phraseWords(phrase);
      if (words.length === 0) continue;
      const at = indexOfSurface(words, surface);
      if (at >= 0) local.push({ words, at });
      else cue.push({ words, at: 0 });
    }
  }
  return rule;
}

function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() || /^\p{N}/u.test(word);
}

/** Builds the trie of all surfaces of all places. */
export function compilePlaces(places: PlaceConfig[], scoring: Partial<PlaceScoring> = {}): Gazetteer {
  const owners = new Map<string, { place: string; words: string[]; rule: Rule | null }>();
  const shared = new Set<string>();
  for (const place of places) {
    const ambiguous = place.ambiguous ?? {};
    const surfaces = [
      place.name,
      ...(place.aliases ?? []),
      ...(place.districts ?? []),
      ...Object.keys(ambiguous),
    ];
    for (const surface of surfaces) {
      const words = tokenize(surface).fold;
      if (words.length === 0) continue;
      const key = words.join(' ');
      const owner = owners.get(key);
      if (owner && owner.place !== place.name) shared.add(key);
      if (owner) continue;
      const spec = ambiguous[surface];
      owners.set(key, { place: place.name, words, rule: spec ? compileRule(words, spec) : null });
    }
    // Rules keyed by a spelling variant (`Muelheim`) still apply to the listed surface.
    for (const [surface, spec] of Object.entries(ambiguous)) {
      const words = tokenize(surface).fold;
      const owner = owners.get(words.join(' '));
      if (owner && owner.place === place.name && !owner.rule) owner.rule = compileRule(words, spec);
    }
  }
  const root: TrieNode = { next: new Map(), entry: null };
  for (const [key, owner] of owners) {
    if (shared.has(key)) continue;
    let node = root;
    for (const w of owner.words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map(), entry: null };
        node.next.set(w, child);
      }
      node = child;
    }
    node.entry = { place: owner.place, length: owner.words.length, rule: owner.rule };
  }
  return { places: places.map((p) => p.name), root, scoring: { ...DEFAULT_PLACE_SCORING, ...scoring } };
}

interface Match {
  place: string;
  /** Token index of the first word. */
  at: number;
  length: number;
  rule: Rule | null;
}

/** Leftmost-longest surface matches, capitalized ones only. */
function scan(g: Gazetteer, t: Tokens): Match[] {
  const out: Match[] = [];
  let i = 0;
  while (i < t.fold.length) {
    let node: TrieNode | undefined = g.root;
    let best: Entry | null = null;
    for (let j = i; j < t.fold.length; j++) {
      node = node.next.get(t.fold[j] ?? '');
      if (!node) break;
      if (node.entry) best = node.entry;
    }
    if (best && isCapitalized(t.orig[i] ?? '')) {
      out.push({ place: best.place, at: i, length: best.length, rule: best.rule });
      i += best.length;
    } else i++;
  }
  return out;
}

type Verdict = 'count' | 'drop' | 'undecided';

/** The local verdict of a mention: inside an exclude phrase, inside a require phrase, or neither. */
function localVerdict(m: Match, t: Tokens): Verdict {
  const rule = m.rule;
  if (!rule) return 'count';
  // Local phrases are anchored on the first word of the surface.
  if (rule.localExclude.some((p) => phraseAt(p, t, m.at))) return 'drop';
  if (rule.localRequire.some((p) => phraseAt(p, t, m.at))) return 'count';
  return 'undecided';
}

/** Applies the disambiguation rules; `t` is the whole document (cues are looked for there). */
function acceptedMatches(matches: Match[], t: Tokens, lenient: boolean): Match[] {
  const verdicts = matches.map((m) => localVerdict(m, t));
  const confirmed = new Set<string>();
  matches.forEach((m, k) => {
    if (verdicts[k] === 'count') confirmed.add(m.place);
  });
  const cueCache = new Map<Phrase, boolean>();
  const present = (p: Phrase): boolean => {
    let hit = cueCache.get(p);
    if (hit === undefined) {
      hit = phraseAnywhere(p, t);
      cueCache.set(p, hit);
    }
    return hit;
  };
  return matches.filter((m, k) => {
    const verdict = verdicts[k];
    if (verdict !== 'undecided') return verdict === 'count';
    if (lenient) return true;
    const rule = m.rule;
    if (!rule) return true;
    if (confirmed.has(m.place) || rule.requireCues.some(present)) return true;
    if (!rule.hasRequire) return !rule.excludeCues.some(present);
    return rule.excludeCues.length > 0 && !rule.excludeCues.some(present);
  });
}

/**
 * Merges `Dortmund-Hörde` (city, dash, district of the same city) into one mention so that a
 * hyphenated district counts once.
 */
function mergeHyphenated(matches: Match[], t: Tokens): Match[] {
  const out: Match[] = [];
  for (const m of matches) {
    const prev = out[out.length - 1];
    if (prev && prev.place === m.place && prev.at + prev.length + 1 === m.at && t.fold[m.at - 1] === '-') {
      out[out.length - 1] = { ...prev, length: m.at + m.length - prev.at };
      continue;
    }
    out.push(m);
  }
  return out;
}

function mentions(g: Gazetteer, t: Tokens, lenient = false): Match[] {
  return mergeHyphenated(acceptedMatches(scan(g, t), t, lenient), t);
}

/** Municipality name -> number of mentions (districts count for their city). */
export function findPlaceMentions(g: Gazetteer, text: string): Record<string, number> {
  return countMentions(mentions(g, tokenize(text)));
}

/**
 * Same as `findPlaceMentions` on the surface text of tokenized sentences (token texts joined by
 * spaces, sentences by newlines), without building and re-reading that text.
 */
export function findPlaceMentionsInSentences(
  g: Gazetteer,
  sentences: ReadonlyArray<ReadonlyArray<{ text: string }>>,
): Record<string, number> {
  return countMentions(mentions(g, tokensOfSentences(sentences)));
}

function countMentions(matches: Match[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of matches) counts[m.place] = (counts[m.place] ?? 0) + 1;
  return counts;
}

/** The one municipality a short field (metadata, outlet map value) names, or null. */
export function resolvePlaceName(g: Gazetteer, value: string): string | null {
  const found = new Set(mentions(g, tokenize(value), true).map((m) => m.place));
  if (found.size === 1) return [...found][0] ?? null;
  // A field in lower case (`dortmund`) still names the place.
  const folded = foldWord(value.trim());
  return g.places.find((p) => foldWord(p) === folded) ?? null;
}

/** Punctuation that follows the place of a dateline: `DORTMUND.`, `Dortmund (nnd) –`, `Bielefeld/Gütersloh:`. */
const DATELINE_FOLLOWERS = new Set(['.', '(', ':', '-', '/', ',']);
/** A dateline sits within this many characters of the start of the body. */
const DATELINE_WINDOW = 300;

function isDateline(m: Match, t: Tokens, bodyStart: number): boolean {
  const start = t.start[m.at] ?? 0;
  if (start < bodyStart || start - bodyStart > DATELINE_WINDOW || !t.lineStart[m.at]) return false;
  return DATELINE_FOLLOWERS.has(t.fold[m.at + m.length] ?? '');
}

const outletKey = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function assignMunicipality(
  g: Gazetteer,
  input: { metadata: string | null; source: string | null; title: string; text: string },
  outlets: Record<string, string>,
): { municipality: string | null; basis: 'metadata' | 'source' | 'text' | 'none' } {
  if (input.metadata && input.metadata.trim() !== '') {
    const place = resolvePlaceName(g, input.metadata);
    if (place) return { municipality: place, basis: 'metadata' };
  }
  if (input.source && input.source.trim() !== '') {
    const wanted = outletKey(input.source);
    for (const [outlet, municipality] of Object.entries(outlets)) {
      if (outletKey(outlet) !== wanted) continue;
      return { municipality: resolvePlaceName(g, municipality) ?? municipality.trim(), basis: 'source' };
    }
  }
  const title = input.title.trim();
  const doc = `${title}\n\n${input.text}`;
  const bodyStart = title.length + 2;
  const t = tokenize(doc);
  const weights = new Map<string, number>();
  const { scoring } = g;
  for (const m of mentions(g, t)) {
    const start = t.start[m.at] ?? 0;
    const w =
      start < bodyStart ? scoring.title : isDateline(m, t, bodyStart) ? scoring.dateline : scoring.text;
    weights.set(m.place, (weights.get(m.place) ?? 0) + w);
  }
  const ranked = [...weights.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top) return { municipality: null, basis: 'none' };
  const runnerUp = second?.[1] ?? 0;
  if (top[1] > runnerUp && top[1] >= scoring.dominance * runnerUp)
    return { municipality: top[0], basis: 'text' };
  return { municipality: null, basis: 'none' };
}
