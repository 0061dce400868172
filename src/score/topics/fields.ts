import { readFileSync } from 'node:fs';
import { type CompiledDictionary, compileDictionary } from '../../dictionary/compile.js';
import { parseYamlDictionary } from '../../dictionary/load.js';
import { hitsOfUnits, tokenUnits } from '../../dictionary/match.js';
import { dataPath } from '../../paths.js';
import type { Token } from '../../records.js';
import { type InnerPieceIndex, innerGroups, innerPieceIndex } from './inner-pieces.js';

/**
 * General fields of news (sport, economy, media, crime …) with words typical of each, as prior knowledge
 * for the topic classifier: a small coded sample has seen few of a field's words, but one hit of any of
 * them counts for the field, and the classifier learns how fields map onto the user's categories.
 */
export interface NewsFieldLexicon {
  /**
   * Field names, each parent before its first subfield (`medien`, `medien.presse`, …, nested keys of the
   * file joined by dots); field k is feature `f:<fields[k]>`. A hit of a subfield is also one of each of
   * its parents, so the classifier sees both the broad field and the narrow one.
   */
  fields: string[];
  /** Field indexes a hit of each dictionary key (a leaf of the file) counts for: itself and its parents. */
  countsFor: number[][];
  /** Position of each dictionary key in `countsFor`. */
  keyIndex: ReadonlyMap<string, number>;
  dict: CompiledDictionary;
  /** Prefix globs matched inside words (compounds on), by dictionary key index; null when off. */
  inner: InnerPieceIndex | null;
  /**
   * Hits of articles already counted, by their sentence list: both feature views of a model count the same
   * article, in training and in prediction. Entries go when the article does.
   */
  memo: WeakMap<object, ReadonlyMap<string, number>>;
}

/** The lexicon shipped with the package. */
export const defaultNewsFieldsFile: string = dataPath('topics', 'news-fields.yml');

/** Shortest prefix glob (`fußball*`) that also counts inside compounds (`Hallenfußball`) with compounds on. */
export const MIN_INNER_PREFIX = 6;

/**
 * The pieces of one-word prefix globs (`fernseh*` -> `fernseh`) of at least MIN_INNER_PREFIX letters,
 * which with compounds on also count inside a word (`Privatfernsehen`), so inflected compounds count as
 * well as the literal words the dictionary's compound rule covers. Shorter pieces would hit unrelated
 * words too often (`sport` in `Transport`).
 */
export function innerPrefixPieces(patterns: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    const piece = p.trim();
    if (!/^[^=*\s][^*\s]*\*$/.test(piece) || piece.length - 1 < MIN_INNER_PREFIX) continue;
    out.push(piece.slice(0, -1).toLowerCase());
  }
  return out;
}

/**
 * Builds a lexicon from a field -> patterns mapping (dictionary syntax, see src/dictionary/patterns.ts).
 * `compounds`: literal words count as heads and modifiers of closed compounds (the dictionary's compound
 * rule) and long prefix globs inside words (`innerPrefixPieces`).
 */
export function newsFieldLexicon(
  spec: Record<string, string[]>,
  opts: { compounds: boolean },
): NewsFieldLexicon {
  const keys = Object.keys(spec);
  const fields: string[] = [];
  const position = new Map<string, number>();
  const countsFor = keys.map((key) => {
    const parts = key.split('.');
    return parts.map((_, depth) => {
      const name = parts.slice(0, depth + 1).join('.');
      let k = position.get(name);
      if (k === undefined) {
        k = fields.length;
        fields.push(name);
        position.set(name, k);
      }
      return k;
    });
  });
  const pieces = keys.flatMap((key, k) =>
    opts.compounds ? innerPrefixPieces(spec[key] ?? []).map((p) => [p, k] as const) : [],
  );
  return {
    fields,
    countsFor,
    keyIndex: new Map(keys.map((key, k) => [key, k])),
    dict: compileDictionary(spec, { compounds: opts.compounds }),
    inner: pieces.length > 0 ? innerPieceIndex(pieces) : null,
    memo: new WeakMap(),
  };
}

const loaded = new Map<string, NewsFieldLexicon>();

/**
 * The lexicon of a YAML file (default: the shipped one), compiled once per file and compound setting.
 * With `compounds`, a literal word also counts as the head or modifier of a closed compound
 * (`sender` in `Fernsehsender`), so compounds the file does not list still vote for their field.
 */
export function loadNewsFields(compounds: boolean, file: string = defaultNewsFieldsFile): NewsFieldLexicon {
  const key = `${compounds ? 1 : 0}\u0000${file}`;
  const known = loaded.get(key);
  if (known) return known;
  const lexicon = newsFieldLexicon(parseYamlDictionary(readFileSync(file, 'utf8')), { compounds });
  loaded.set(key, lexicon);
  return lexicon;
}

/**
 * Hits of each field in an article, by field name (fields without a hit are left out). A token counts
 * once per field (a phrase counts at its first token), but may count for several fields. The result is
 * remembered for the same sentence list (do not change an article's tokens after counting it).
 */
export function fieldHits(
  sentences: readonly (readonly Token[])[],
  lexicon: NewsFieldLexicon,
): ReadonlyMap<string, number> {
  const known = lexicon.memo.get(sentences);
  if (known) return known;
  const { dict, inner, fields, countsFor, keyIndex } = lexicon;
  const perField = new Array<number>(fields.length).fill(0);
  const here = new Set<number>();
  const add = (key: number): void => {
    for (const k of countsFor[key] ?? []) here.add(k);
  };
  for (const sentence of sentences) {
    const units = sentence.map((t) => tokenUnits(dict, t));
    const hits = hitsOfUnits(dict, units);
    let h = 0;
    sentence.forEach((token, i) => {
      here.clear();
      for (; h < hits.length && (hits[h]?.start ?? 0) === i; h++) add(keyIndex.get(hits[h]?.key ?? '') ?? -1);
      if (inner && token.word) for (const key of innerGroups(inner, token.norm)) add(key);
      for (const k of here) perField[k] = (perField[k] as number) + 1;
    });
  }
  const counts = new Map<string, number>();
  perField.forEach((n, k) => {
    if (n > 0) counts.set(fields[k] as string, n);
  });
  lexicon.memo.set(sentences, counts);
  return counts;
}
