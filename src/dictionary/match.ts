import type { Token } from '../records.js';
import { type CompiledDictionary, type DictionaryEntry, unitsOfNorm, unitsOfText } from './compile.js';

export interface DictionaryHit {
  key: string;
  pattern: string;
  /** Token index of the first token. */
  start: number;
  /** Token index after the last token (exclusive). */
  end: number;
}

const NONE: readonly number[] = [];

/** Unit ids a token matches: by its norm, then (case-sensitive patterns) by its surface text. */
export function tokenUnits(dict: CompiledDictionary, t: Token): readonly number[] {
  if (!t.word) return NONE;
  return withCased(dict, t, unitsOfNorm(dict, t.norm));
}

/** Adds the units of case-sensitive patterns matched by the token's surface to its norm's units. */
export function withCased(dict: CompiledDictionary, t: Token, byNorm: readonly number[]): readonly number[] {
  if (dict.cased.length === 0) return byNorm;
  const byText = unitsOfText(dict, t.text);
  if (byText.length === 0) return byNorm;
  if (byNorm.length === 0) return byText;
  return [...byNorm, ...byText];
}

/** Records a hit of `e` from `start` to `end` unless the same key already has a longer one there. */
function addHit(hits: DictionaryHit[], from: number, e: DictionaryEntry, start: number, end: number): void {
  for (let k = from; k < hits.length; k++) {
    const prev = hits[k] as DictionaryHit;
    if (prev.key !== e.key) continue;
    if (prev.end < end) hits[k] = { key: e.key, pattern: e.pattern, start, end };
    return;
  }
  hits.push({ key: e.key, pattern: e.pattern, start, end });
}

/**
 * Dictionary hits in a token list, given the unit ids each token matches in this dictionary
 * (`units[i]` for token i < n, as from `tokenUnits`). See `findHits`.
 */
export function hitsOfUnits(
  dict: CompiledDictionary,
  units: ReadonlyArray<readonly number[]>,
  n: number = units.length,
): DictionaryHit[] {
  const hits: DictionaryHit[] = [];
  for (let i = 0; i < n; i++) {
    const here = units[i] as readonly number[];
    if (here.length === 0) continue;
    // Hits starting at this token are appended from here on; a key occurs once among them.
    const from = hits.length;
    for (const u of here) {
      const singles = dict.single.get(u);
      if (singles) for (const e of singles) addHit(hits, from, e, i, i + 1);
      const phrases = dict.phrases.get(u);
      if (!phrases) continue;
      for (const e of phrases) {
        const len = e.units.length;
        if (i + len > n) continue;
        let ok = true;
        for (let j = 1; j < len && ok; j++)
          ok = (units[i + j] as readonly number[]).includes(e.units[j] as number);
        if (ok) addHit(hits, from, e, i, i + len);
      }
    }
  }
  return hits;
}

/**
 * Dictionary hits in a token list (one sentence, or any list: phrases never cross its ends).
 * Phrases match consecutive tokens. A key counts at most once per start token: when several of its
 * patterns match there, the longest match is kept (so `flüchtling*` and `flüchtlinge` in one key
 * give one hit on `Flüchtlinge`). Hits are ordered by start token.
 */
export function findHits(dict: CompiledDictionary, tokens: Token[]): DictionaryHit[] {
  const units: Array<readonly number[]> = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) units[i] = tokenUnits(dict, tokens[i] as Token);
  return hitsOfUnits(dict, units);
}

/** Hits per key over all sentences; every key of the dictionary is present (0 when absent). */
export function countHits(dict: CompiledDictionary, sentences: Token[][]): Record<string, number> {
  const counts = zeroCounts(dict);
  for (const s of sentences) for (const h of findHits(dict, s)) counts[h.key] = (counts[h.key] ?? 0) + 1;
  return counts;
}

/** Every key of the dictionary with count 0, in the dictionary's order. */
export function zeroCounts(dict: CompiledDictionary): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of dict.keys) counts[k] = 0;
  return counts;
}
