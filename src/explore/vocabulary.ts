import type { Token } from '../records.js';
import { readDataRows } from '../tokenize/vocab.js';
import type { SparseRows } from './nmf.js';

/** Settings for the terms topics are built from. */
export interface TermSettings {
  /** Fewest articles a stem must occur in. */
  minDf: number;
  /** Largest share of articles a stem may occur in (more common stems say nothing about a topic). */
  maxDfShare: number;
  /** Most stems kept (the most widespread ones). */
  maxTerms: number;
}

/** The stems of the articles as a TF-IDF matrix, with a readable word form for each stem. */
export interface TermMatrix extends SparseRows {
  /** Stems, by column. */
  stems: string[];
  /** The most frequent word form of each stem, by column: what a reader sees. */
  display: string[];
}

const DIGITS = /^[\d.,]+$/;

let foreign: Set<string> | undefined;

/** Function words of other languages that German news quotes (data/explore/foreign-function-words.txt). */
function foreignFunctionWords(): Set<string> {
  foreign ??= new Set(readDataRows('explore', 'foreign-function-words.txt').map((row) => row[0] ?? ''));
  return foreign;
}

/**
 * Stem of a content word, or null for stopwords (German, and function words of other languages in
 * quoted titles), punctuation, numbers and one-letter words.
 */
function contentStem(token: Token): string | null {
  if (!token.word || token.stop) return null;
  if (foreignFunctionWords().has(token.norm)) return null;
  const stem = (token.stem || token.norm || token.text).toLowerCase();
  if (stem.length < 2 || DIGITS.test(stem)) return null;
  return stem;
}

/** The form with the highest count; ties go to the alphabetically first form, so output is stable. */
function commonest(forms: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [form, count] of forms) {
    if (count > bestCount || (count === bestCount && form < best)) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Counts content-word stems per article, keeps stems within the document-frequency limits and weights
 * them by sublinear TF-IDF, each article's row scaled to unit length.
 */
export function termMatrix(
  articles: readonly (readonly (readonly Token[])[])[],
  settings: TermSettings,
): TermMatrix {
  const counts: Map<string, number>[] = [];
  const df = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  for (const sentences of articles) {
    const c = new Map<string, number>();
    for (const sentence of sentences) {
      for (const token of sentence) {
        const stem = contentStem(token);
        if (stem === null) continue;
        c.set(stem, (c.get(stem) ?? 0) + 1);
        const f = forms.get(stem) ?? new Map<string, number>();
        const form = token.norm || token.text.toLowerCase();
        f.set(form, (f.get(form) ?? 0) + 1);
        forms.set(stem, f);
      }
    }
    for (const stem of c.keys()) df.set(stem, (df.get(stem) ?? 0) + 1);
    counts.push(c);
  }
  const n = articles.length;
  const maxDf = Math.max(settings.minDf, Math.floor(settings.maxDfShare * n));
  const stems = [...df.entries()]
    .filter(([, d]) => d >= settings.minDf && d <= maxDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, Math.max(0, settings.maxTerms))
    .map(([stem]) => stem)
    .sort();
  const column = new Map(stems.map((s, i) => [s, i]));
  const idf = stems.map((s) => Math.log((1 + n) / (1 + (df.get(s) as number))) + 1);
  const rows = counts.map((c) => {
    const cells: [number, number][] = [];
    for (const [stem, count] of c) {
      const j = column.get(stem);
      if (j !== undefined) cells.push([j, (1 + Math.log(count)) * (idf[j] as number)]);
    }
    cells.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(cells.reduce((s, [, v]) => s + v * v, 0)) || 1;
    return { idx: Int32Array.from(cells, ([j]) => j), val: Float64Array.from(cells, ([, v]) => v / norm) };
  });
  const display = stems.map((s) => commonest(forms.get(s) ?? new Map()) || s);
  return { rows, columns: stems.length, stems, display };
}
