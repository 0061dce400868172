/**
 * Scoring of publication dates against gold days (exact day). Pure functions, shared by
 * `scripts/eval-dates.ts` and evals that run the real ingest stage.
 */

/** One page: the gold day, the predicted day (null = abstained) and how it was found. */
export interface DatePrediction {
  gold: string;
  predicted: string | null;
  basis: string;
  /** Milliseconds spent on the page, when measured. */
  ms?: number;
}

export interface DateScore {
  pages: number;
  right: number;
  wrong: number;
  abstained: number;
  /** right / pages */
  accuracy: number;
  /** right / (right + wrong): a wrong date is worse than none. */
  precision: number;
  /** (right + wrong) / pages */
  coverage: number;
  byBasis: Record<string, { given: number; right: number }>;
  /** Median of `ms` over the pages that have it, else null. */
  medianMs: number | null;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Exact-day comparison; only the first ten characters (`YYYY-MM-DD`) of either side count. */
export function sameDay(gold: string, predicted: string | null): boolean {
  return predicted !== null && predicted.slice(0, 10) === gold.slice(0, 10);
}

export function scoreDates(items: DatePrediction[]): DateScore {
  let right = 0;
  let wrong = 0;
  const byBasis: Record<string, { given: number; right: number }> = {};
  for (const it of items) {
    if (it.predicted === null) continue;
    const ok = sameDay(it.gold, it.predicted);
    if (ok) right++;
    else wrong++;
    const b = byBasis[it.basis] ?? { given: 0, right: 0 };
    b.given++;
    if (ok) b.right++;
    byBasis[it.basis] = b;
  }
  const pages = items.length;
  const ms = items.map((i) => i.ms).filter((m): m is number => typeof m === 'number');
  return {
    pages,
    right,
    wrong,
    abstained: pages - right - wrong,
    accuracy: pages ? right / pages : 0,
    precision: right + wrong ? right / (right + wrong) : 0,
    coverage: pages ? (right + wrong) / pages : 0,
    byBasis,
    medianMs: median(ms),
  };
}

/** A short multi-line report of a score. */
export function formatDateScore(s: DateScore): string {
  const f = (x: number): string => x.toFixed(3);
  const lines = [
    `pages ${s.pages}  right ${s.right}  wrong ${s.wrong}  abstained ${s.abstained}`,
    `accuracy ${f(s.accuracy)}  precision ${f(s.precision)}  coverage ${f(s.coverage)}`,
    ...Object.entries(s.byBasis)
      .sort((a, b) => b[1].given - a[1].given)
      .map(
        ([k, v]) =>
          `  ${k.padEnd(8)} given ${String(v.given).padStart(4)}  right ${String(v.right).padStart(4)}`,
      ),
  ];
  if (s.medianMs !== null) lines.push(`median ms per page ${s.medianMs.toFixed(2)}`);
  return lines.join('\n');
}
