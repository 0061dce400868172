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

function tokenUnits(dict: CompiledDictionary, t: Token): readonly number[] {
  if (!t.word) return NONE;
  const byNorm = unitsOfNorm(dict, t.norm);
  if (dict.cased.length === 0) return byNorm;
  const byText = unitsOfText(dict, t.text);
  if (byText.length === 0) return byNorm;
  if (byNorm.length === 0) return byText;
  return [...byNorm, ...byText];
}

/**
 * Dictionary hits in a token list (one sentence, or any list: phrases never cross its ends).
 * Phrases match consecutive tokens. A key counts at most once per start token: when several of its
 * patterns match there, the longest match is kept (so `flüchtling*` and `flüchtlinge` in one key
 * give one hit on `Flüchtlinge`). Hits are ordered by start token.
 */
export function findHits(dict: CompiledDictionary, tokens: Token[]): DictionaryHit[] {
  const n = tokens.length;
  const memo: Array<readonly number[] | undefined> = new Array(n);
  const unitsAt = (i: number): readonly number[] => {
    let u = memo[i];
    if (u === undefined) {
      u = tokenUnits(dict, tokens[i] as Token);
      memo[i] = u;
    }
    return u;
  };
  const hits: DictionaryHit[] = [];
  for (let i = 0; i < n; i++) {
    const units = unitsAt(i);
    if (units.length === 0) continue;
    let here: Map<string, DictionaryHit> | undefined;
    const add = (e: DictionaryEntry, end: number): void => {
      here ??= new Map();
      const prev = here.get(e.key);
      if (!prev || prev.end < end) here.set(e.key, { key: e.key, pattern: e.pattern, start: i, end });
    };
    for (const u of units) {
      const singles = dict.single.get(u);
      if (singles) for (const e of singles) add(e, i + 1);
      const phrases = dict.phrases.get(u);
      if (!phrases) continue;
      for (const e of phrases) {
        const len = e.units.length;
        if (i + len > n) continue;
        let ok = true;
        for (let j = 1; j < len && ok; j++) ok = unitsAt(i + j).includes(e.units[j] as number);
        if (ok) add(e, i + len);
      }
    }
    if (here) for (const h of (here as Map<string, DictionaryHit>).values()) hits.push(h);
  }
  return hits;
}

/** Hits per key over all sentences; every key of the dictionary is present (0 when absent). */
export function countHits(dict: CompiledDictionary, sentences: Token[][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of dict.keys) counts[k] = 0;
  for (const s of sentences) for (const h of findHits(dict, s)) counts[h.key] = (counts[h.key] ?? 0) + 1;
  return counts;
}
