import { readFileSync } from 'node:fs';
import { type CompiledDictionary, compileDictionary } from '../../dictionary/compile.js';
import { parseYamlDictionary } from '../../dictionary/load.js';
import { hitsOfUnits, tokenUnits } from '../../dictionary/match.js';
import { dataPath } from '../../paths.js';
import type { Token } from '../../records.js';

/**
 * General fields of news (sport, economy, media, crime …) with words typical of each, as prior knowledge
 * for the topic classifier: a small coded sample has seen few of a field's words, but one hit of any of
 * them counts for the field, and the classifier learns how fields map onto the user's categories.
 */
export interface NewsFieldLexicon {
  /** Field names in file order; field k is feature `f:<fields[k]>`. */
  fields: string[];
  dict: CompiledDictionary;
}

/** The lexicon shipped with the package. */
export const defaultNewsFieldsFile: string = dataPath('topics', 'news-fields.yml');

/** Shortest prefix glob (`fußball*`) that also counts inside compounds (`*fußball*`) with compounds on. */
export const MIN_INNER_PREFIX = 6;

/**
 * Patterns with a prefix glob of one word (`fernseh*`, at least MIN_INNER_PREFIX letters) also matching
 * inside a word (`*fernseh*`: `Privatfernsehen`), so inflected compounds count as well as the literal
 * words the dictionary's compound rule covers. Shorter pieces would hit unrelated words too often.
 */
export function withInnerPrefixes(patterns: readonly string[]): string[] {
  const out = [...patterns];
  for (const p of patterns) {
    const piece = p.trim();
    if (!/^[^=*\s][^*\s]*\*$/.test(piece) || piece.length - 1 < MIN_INNER_PREFIX) continue;
    out.push(`*${piece}`);
  }
  return out;
}

/**
 * Builds a lexicon from a field -> patterns mapping (dictionary syntax, see src/dictionary/patterns.ts).
 * `compounds`: literal words count as heads and modifiers of closed compounds (the dictionary's compound
 * rule) and long prefix globs inside words (`withInnerPrefixes`).
 */
export function newsFieldLexicon(
  spec: Record<string, string[]>,
  opts: { compounds: boolean },
): NewsFieldLexicon {
  const patterns: Record<string, string[]> = {};
  for (const [field, list] of Object.entries(spec)) {
    patterns[field] = opts.compounds ? withInnerPrefixes(list) : [...list];
  }
  return { fields: Object.keys(spec), dict: compileDictionary(patterns, { compounds: opts.compounds }) };
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
 * once per field (the longest pattern starting there wins), but may count for several fields.
 */
export function fieldHits(
  sentences: readonly (readonly Token[])[],
  lexicon: NewsFieldLexicon,
): Map<string, number> {
  const counts = new Map<string, number>();
  const { dict } = lexicon;
  for (const sentence of sentences) {
    const units = sentence.map((t) => tokenUnits(dict, t));
    for (const hit of hitsOfUnits(dict, units)) counts.set(hit.key, (counts.get(hit.key) ?? 0) + 1);
  }
  return counts;
}
