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
}

const CACHE_LIMIT = 200_000;

export function createDictionarySet(dicts: readonly CompiledDictionary[]): DictionarySet {
  return { dicts, cache: new Map() };
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

/** The hits of each dictionary of the set in a token list: `result[d]` equals `findHits(dicts[d], tokens)`. */
export function hitsInEach(set: DictionarySet, tokens: Token[]): DictionaryHit[][] {
  const n = tokens.length;
  const units: Array<Array<readonly number[]>> = set.dicts.map(() => new Array<readonly number[]>(n));
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const byNorm = t.word ? unitsByNorm(set, t.norm) : null;
    for (let d = 0; d < set.dicts.length; d++) {
      const list = units[d] as Array<readonly number[]>;
      list[i] = byNorm ? withCased(set.dicts[d] as CompiledDictionary, t, byNorm[d] ?? EMPTY) : EMPTY;
    }
  }
  return set.dicts.map((dict, d) => hitsOfUnits(dict, units[d] as Array<readonly number[]>));
}
