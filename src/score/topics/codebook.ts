import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { dataPath } from '../../paths.js';

/** Result of coding an article by codebook hits. */
export interface CodebookTopics {
  /** Share of each topic among all topic hits; sums to 1, empty when there is no hit. */
  shares: Record<string, number>;
  /** Topic with most hits (ties: the one earlier in codebook order), null without hits. */
  main: string | null;
  /** Share of the main topic, null without hits. */
  confidence: number | null;
}

/** Path of the default codebook shipped with the package. */
export const defaultCodebookFile: string = dataPath('codebook.yml');

/** The topic keys of a codebook file, in file order (the order that breaks ties). */
export function codebookKeys(file: string = defaultCodebookFile): string[] {
  const parsed: unknown = parse(readFileSync(file, 'utf8'));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`codebook ${file}: expected a mapping of topic -> patterns`);
  }
  return Object.keys(parsed);
}

/**
 * Topic shares and main topic from dictionary hit counts.
 * `order` is the codebook order used to break ties; keys of `hits` not in it follow in their own order.
 * Negative or non-finite counts are treated as zero.
 */
export function codebookTopics(hits: Record<string, number>, order?: readonly string[]): CodebookTopics {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const key of [...(order ?? []), ...Object.keys(hits)]) {
    if (!seen.has(key) && key in hits) {
      seen.add(key);
      keys.push(key);
    }
  }
  const count = (key: string): number => {
    const value = hits[key] ?? 0;
    return Number.isFinite(value) && value > 0 ? value : 0;
  };
  const total = keys.reduce((sum, key) => sum + count(key), 0);
  if (total <= 0) return { shares: {}, main: null, confidence: null };
  const shares: Record<string, number> = {};
  let main: string | null = null;
  let best = 0;
  for (const key of keys) {
    const value = count(key);
    shares[key] = value / total;
    if (value > best) {
      best = value;
      main = key;
    }
  }
  return { shares, main, confidence: best / total };
}
