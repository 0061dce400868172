/**
 * Several dictionaries matched over the same tokens (the tag stage's query, actors, codebook and
 * targets): the units a norm matches in each of them are looked up once per token in one shared
 * cache instead of once per dictionary. Results are those of `findHits` on each dictionary.
 */
import type { Token } from '../records.js';
import { type CompiledDictionary, EMPTY, matchNorm } from './compile.js';
import { type DictionaryHit, hitsOfUnits, withCased } from './match.js';

export interface DictionarySet {
  dicts: readonly CompiledDictionary[];
  /** Norm -> units in each dictionary. */
  cache: Map<string, ReadonlyArray<readonly number[]>>;
  /** Per token of the sentence being matched: its cache entry, its units in one dictionary. */
  scratchNorms: Array<ReadonlyArray<readonly number[]>>;
  scratchUnits: Array<readonly number[]>;
}

const CACHE_LIMIT = 200_000;

export function createDictionarySet(dicts: readonly CompiledDictionary[]): DictionarySet {
  return { dicts, cache: new Map(), scratchNorms: [], scratchUnits: [] };
}

function unitsByNorm(set: DictionarySet, norm: string): ReadonlyArray<readonly number[]> {
  let entry = set.cache.get(norm);
  if (entry === undefined) {
    const each = set.dicts.map((d) => matchNorm(d, norm));
    // Most words match nothing: they share one entry.
    entry = each.every((u) => u === EMPTY) ? noneFor(set) : Object.freeze(each);
    if (set.cache.size >= CACHE_LIMIT) set.cache.clear();
    set.cache.set(norm, entry);
  }
  return entry;
}

const noneEntries = new WeakMap<DictionarySet, ReadonlyArray<readonly number[]>>();

function noneFor(set: DictionarySet): ReadonlyArray<readonly number[]> {
  let none = noneEntries.get(set);
  if (!none) {
    none = Object.freeze(set.dicts.map(() => EMPTY));
    noneEntries.set(set, none);
  }
  return none;
}

const NO_HITS: readonly DictionaryHit[] = Object.freeze([]);

/**
 * The hits of each dictionary of the set in a token list: `result[d]` equals
 * `findHits(dicts[d], tokens)` (a shared empty list when there are none: do not modify it).
 */
export function hitsInEach(set: DictionarySet, tokens: Token[]): Array<readonly DictionaryHit[]> {
  const n = tokens.length;
  const count = set.dicts.length;
  const none = noneFor(set);
  // Scratch lists reused from sentence to sentence (only the first n entries count).
  const byNorm = set.scratchNorms;
  let anyUnits = false;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const entry = t.word ? unitsByNorm(set, t.norm) : none;
    byNorm[i] = entry;
    if (entry !== none) anyUnits = true;
  }
  const out: Array<readonly DictionaryHit[]> = new Array(count);
  for (let d = 0; d < count; d++) {
    const dict = set.dicts[d] as CompiledDictionary;
    const cased = dict.cased.length > 0;
    // Most sentences match nothing in most dictionaries: no unit lists are built for those.
    let found = cased;
    for (let i = 0; i < n && anyUnits && !found; i++) {
      found = ((byNorm[i] as ReadonlyArray<readonly number[]>)[d] ?? EMPTY).length > 0;
    }
    if (!found) {
      out[d] = NO_HITS;
      continue;
    }
    const units = set.scratchUnits;
    found = false;
    for (let i = 0; i < n; i++) {
      const t = tokens[i] as Token;
      const byThis = (byNorm[i] as ReadonlyArray<readonly number[]>)[d] ?? EMPTY;
      const u = t.word ? (cased ? withCased(dict, t, byThis) : byThis) : EMPTY;
      units[i] = u;
      if (u.length > 0) found = true;
    }
    out[d] = found ? hitsOfUnits(dict, units, n) : NO_HITS;
  }
  return out;
}
