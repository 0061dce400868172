/**
 * Scoring of main-text extraction against snippet gold: every `with` snippet found in the
 * extracted text is a true positive, every one missing a false negative; every `without`
 * snippet found is a false positive. Whitespace is collapsed to single spaces on both sides.
 */

export interface ExtractionItem {
  /** The extracted article: title + "\n" + text. */
  text: string;
  /** Snippets that must appear. */
  with: string[];
  /** Snippets that must not appear (menus, teasers, footers, comments). */
  without: string[];
}

export interface SnippetCounts {
  tp: number;
  fn: number;
  fp: number;
  /** `without` snippets correctly absent. */
  tn: number;
}

export interface ExtractionScore extends SnippetCounts {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** Collapse every run of whitespace to one space and trim. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Snippet counts of one page. */
export function scorePage(item: ExtractionItem): SnippetCounts {
  const text = collapseWhitespace(item.text);
  const counts: SnippetCounts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const snippet of item.with) {
    if (text.includes(collapseWhitespace(snippet))) counts.tp++;
    else counts.fn++;
  }
  for (const snippet of item.without) {
    if (text.includes(collapseWhitespace(snippet))) counts.fp++;
    else counts.tn++;
  }
  return counts;
}

/** Precision, recall and F1 from counts; 0 when undefined. */
export function prf(counts: SnippetCounts): { precision: number; recall: number; f1: number } {
  const precision = counts.tp + counts.fp === 0 ? 0 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 0 : counts.tp / (counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Micro-averaged precision, recall and F1 over all snippets of all pages. */
export function scoreExtraction(items: ExtractionItem[]): ExtractionScore {
  const total: SnippetCounts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const item of items) {
    const c = scorePage(item);
    total.tp += c.tp;
    total.fn += c.fn;
    total.fp += c.fp;
    total.tn += c.tn;
  }
  return { ...total, ...prf(total), pages: items.length };
}

/** Median and 95th percentile of a list of numbers (0 for an empty list). */
export function percentiles(values: number[]): { median: number; p95: number } {
  if (values.length === 0) return { median: 0, p95: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, p95: at(0.95) };
}
