/**
 * Compiles a dictionary (category key -> patterns) into lookup structures whose matching time is
 * linear in text length: literal words in a Map, prefix globs in a character trie, suffix globs in a
 * reversed-character trie, the (few) infix and start*end globs checked one by one. The unit ids a token
 * norm matches are cached per norm, so repeated words cost one Map lookup.
 *
 * Compound rule (`compounds: true`):
 * - a literal word of at least 4 letters also matches as the head of a closed compound
 *   (`unterkunft` in `flüchtlingsunterkunft`, modifier ≥ 3 letters) and as its modifier, with or
 *   without a linking element (-s, -es, -n, -en, -e, -er, -ns) before a head of ≥ 4 letters
 *   (`flüchtling` in `flüchtlingsunterkunft`);
 * - in hyphenated compounds every part is matched on its own as well (`*unterkunft` and `asyl*` both
 *   match `asyl-unterkunft-suche`), a part ending in a linking -s also as the part without it.
 * Globs always match whole norms by definition (`flüchtling*` matches `flüchtlingsunterkunft` with or
 * without the option).
 */
import { parsePattern, unitKey, type WordUnit } from './patterns.js';

export type DictionarySpec = Record<string, string[]>;

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Glob units ending at this node. */
  globs: number[];
  /** Literal units (compound matching) ending at this node. */
  words: number[];
}

export interface DictionaryEntry {
  key: string;
  pattern: string;
  /** Unit ids, one per word of the pattern. */
  units: number[];
}

export interface CompiledDictionary {
  keys: string[];
  compounds: boolean;
  units: WordUnit[];
  exact: Map<string, number[]>;
  prefix: TrieNode;
  suffix: TrieNode;
  /** Infix and start*end units, checked one by one. */
  scattered: number[];
  /** Unit of a bare `*`, or -1. */
  any: number;
  /** Case-sensitive units, checked one by one against the surface text. */
  cased: number[];
  /** Single-word entries by unit id. */
  single: Map<number, DictionaryEntry[]>;
  /** Phrase entries by the unit id of their first word. */
  phrases: Map<number, DictionaryEntry[]>;
  cache: Map<string, readonly number[]>;
  casedCache: Map<string, readonly number[]>;
}

const MIN_COMPOUND_WORD = 4;
const MIN_MODIFIER = 3;
const MIN_HEAD = 4;
const LINKING = ['', 's', 'es', 'n', 'en', 'e', 'er', 'ns'];
const CACHE_LIMIT = 200_000;
export const EMPTY: readonly number[] = Object.freeze([]);

function node(): TrieNode {
  return { next: new Map(), globs: [], words: [] };
}

function insert(root: TrieNode, s: string, id: number, field: 'globs' | 'words', reversed: boolean): void {
  let n = root;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(reversed ? len - 1 - i : i);
    let child = n.next.get(c);
    if (!child) {
      child = node();
      n.next.set(c, child);
    }
    n = child;
  }
  n[field].push(id);
}

export function compileDictionary(
  spec: DictionarySpec,
  opts: { compounds?: boolean } = {},
): CompiledDictionary {
  const dict: CompiledDictionary = {
    keys: Object.keys(spec),
    compounds: opts.compounds ?? false,
    units: [],
    exact: new Map(),
    prefix: node(),
    suffix: node(),
    scattered: [],
    any: -1,
    cased: [],
    single: new Map(),
    phrases: new Map(),
    cache: new Map(),
    casedCache: new Map(),
  };
  const ids = new Map<string, number>();
  const unitId = (u: WordUnit): number => {
    const k = unitKey(u);
    let id = ids.get(k);
    if (id !== undefined) return id;
    id = dict.units.length;
    dict.units.push(u);
    ids.set(k, id);
    if (u.cased) dict.cased.push(id);
    else if (u.kind === 'any') dict.any = id;
    else if (u.kind === 'exact') {
      const list = dict.exact.get(u.a);
      if (list) list.push(id);
      else dict.exact.set(u.a, [id]);
      if (dict.compounds && u.a.length >= MIN_COMPOUND_WORD) {
        insert(dict.prefix, u.a, id, 'words', false);
        insert(dict.suffix, u.a, id, 'words', true);
      }
    } else if (u.kind === 'prefix') insert(dict.prefix, u.a, id, 'globs', false);
    else if (u.kind === 'suffix') insert(dict.suffix, u.a, id, 'globs', true);
    else dict.scattered.push(id);
    return id;
  };
  for (const [key, patterns] of Object.entries(spec)) {
    for (const pattern of patterns) {
      const units = parsePattern(pattern).map(unitId);
      const first = units[0];
      if (first === undefined) continue;
      const entry: DictionaryEntry = { key, pattern, units };
      const index = units.length === 1 ? dict.single : dict.phrases;
      const list = index.get(first);
      if (list) list.push(entry);
      else index.set(first, [entry]);
    }
  }
  return dict;
}

/** Adds a unit id to a short list unless present (lists hold a handful of ids: a scan beats a Set). */
function addUnit(out: number[], id: number): void {
  if (!out.includes(id)) out.push(id);
}

function walkPrefix(dict: CompiledDictionary, s: string, out: number[]): void {
  let n: TrieNode | undefined = dict.prefix;
  const len = s.length;
  for (let i = 0; i < len && n; i++) {
    n = n.next.get(s.charCodeAt(i));
    if (!n) return;
    for (const id of n.globs) addUnit(out, id);
    if (n.words.length > 0 && i + 1 < len) {
      const rest = len - i - 1;
      for (const link of LINKING) {
        if (rest - link.length >= MIN_HEAD && s.startsWith(link, i + 1)) {
          for (const id of n.words) addUnit(out, id);
          break;
        }
      }
    }
  }
}

function walkSuffix(dict: CompiledDictionary, s: string, out: number[]): void {
  let n: TrieNode | undefined = dict.suffix;
  const len = s.length;
  for (let i = 0; i < len && n; i++) {
    n = n.next.get(s.charCodeAt(len - 1 - i));
    if (!n) return;
    for (const id of n.globs) addUnit(out, id);
    if (n.words.length > 0 && len - i - 1 >= MIN_MODIFIER) for (const id of n.words) addUnit(out, id);
  }
}

function matchScattered(dict: CompiledDictionary, s: string, out: number[]): void {
  for (const id of dict.scattered) {
    const u = dict.units[id] as WordUnit;
    if (
      u.kind === 'infix'
        ? s.includes(u.a)
        : s.length >= u.a.length + u.b.length && s.startsWith(u.a) && s.endsWith(u.b)
    )
      addUnit(out, id);
  }
}

function matchWhole(dict: CompiledDictionary, s: string, out: number[]): void {
  const exact = dict.exact.get(s);
  if (exact) for (const id of exact) addUnit(out, id);
  walkPrefix(dict, s, out);
  walkSuffix(dict, s, out);
  if (dict.scattered.length > 0) matchScattered(dict, s, out);
}

/**
 * Unit ids matched by a (non-case-sensitive) token norm, without the cache: in the order in which
 * exact words, prefix globs, suffix globs, scattered globs, the parts of a hyphenated norm and `*`
 * first match.
 */
export function matchNorm(dict: CompiledDictionary, norm: string): readonly number[] {
  const out: number[] = [];
  matchWhole(dict, norm, out);
  if (dict.compounds && norm.includes('-')) {
    for (const part of norm.split('-')) {
      if (part === '') continue;
      matchWhole(dict, part, out);
      if (part.endsWith('s') && part.length > MIN_COMPOUND_WORD) {
        const bare = dict.exact.get(part.slice(0, -1));
        if (bare) for (const id of bare) addUnit(out, id);
      }
    }
  }
  if (dict.any >= 0) addUnit(out, dict.any);
  return out.length === 0 ? EMPTY : Object.freeze(out);
}

/** Unit ids matched by a (non-case-sensitive) token norm. */
export function unitsOfNorm(dict: CompiledDictionary, norm: string): readonly number[] {
  const cached = dict.cache.get(norm);
  if (cached) return cached;
  const result = matchNorm(dict, norm);
  if (dict.cache.size > CACHE_LIMIT) dict.cache.clear();
  dict.cache.set(norm, result);
  return result;
}

/** Unit ids of case-sensitive patterns matched by a surface text. */
export function unitsOfText(dict: CompiledDictionary, text: string): readonly number[] {
  if (dict.cased.length === 0) return EMPTY;
  const cached = dict.casedCache.get(text);
  if (cached) return cached;
  const out: number[] = [];
  for (const id of dict.cased) {
    const u = dict.units[id] as WordUnit;
    let ok: boolean;
    switch (u.kind) {
      case 'exact':
        ok = text === u.a;
        break;
      case 'prefix':
        ok = text.startsWith(u.a);
        break;
      case 'suffix':
        ok = text.endsWith(u.a);
        break;
      case 'infix':
        ok = text.includes(u.a);
        break;
      case 'affix':
        ok = text.length >= u.a.length + u.b.length && text.startsWith(u.a) && text.endsWith(u.b);
        break;
      default:
        ok = true;
    }
    if (ok) out.push(id);
  }
  const result = out.length === 0 ? EMPTY : Object.freeze(out);
  if (dict.casedCache.size > CACHE_LIMIT) dict.casedCache.clear();
  dict.casedCache.set(text, result);
  return result;
}
