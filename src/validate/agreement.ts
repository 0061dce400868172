import { seededRandom } from '../score/topics/random.js';
import { krippendorffAlpha, type MeasurementLevel } from './alpha.js';
import { type CategoryScore, type ConfusionMatrix, classificationScores } from './metrics.js';

export interface AgreementOptions {
  level: MeasurementLevel;
  /** Order of the categories: ranks them for the ordinal level and orders the report. */
  order?: string[];
  /** Number of bootstrap resamples of units for the alpha confidence interval (default 1000; 0: none). */
  bootstrap?: number;
  seed?: number;
}

export interface AgreementReport {
  /** Number of compared units (hand-coded items). */
  n: number;
  /** Items without an automatic code; they count as wrong and are left out of alpha. */
  uncoded: number;
  level: MeasurementLevel;
  accuracy: number;
  macroF1: number;
  perCategory: CategoryScore[];
  confusion: ConfusionMatrix;
  /** Krippendorff's alpha between automatic and hand codes (NaN when undefined). */
  alpha: number;
  /** 95% percentile bootstrap interval of alpha over units. */
  alphaCI: [number, number];
  bootstrap: number;
}

/** The q-quantile (0..1) of sorted values, linear interpolation between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (pos - lo);
}

/**
 * Percentile bootstrap of Krippendorff's alpha: units are resampled with replacement `rounds` times
 * (seeded), resamples where alpha is undefined are skipped.
 */
export function bootstrapAlpha(
  units: ReadonlyArray<readonly [string, string]>,
  level: MeasurementLevel,
  order: readonly string[] | undefined,
  rounds: number,
  seed: number,
): [number, number] {
  if (rounds <= 0 || units.length < 2) return [Number.NaN, Number.NaN];
  const random = seededRandom(seed);
  const estimates: number[] = [];
  const sample = new Array<readonly [string, string]>(units.length);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < units.length; i++)
      sample[i] = units[Math.floor(random() * units.length)] as [string, string];
    const a = krippendorffAlpha(sample, level, order);
    if (!Number.isNaN(a)) estimates.push(a);
  }
  estimates.sort((a, b) => a - b);
  return [quantile(estimates, 0.025), quantile(estimates, 0.975)];
}

/**
 * Compares automatic codes with hand codes: accuracy, macro-F1, per-category precision/recall/F1 (hand
 * codes are the gold standard), confusion matrix (hand in rows, automatic in columns) and Krippendorff's
 * alpha with a bootstrap confidence interval.
 */
export function agreementReport(
  pairs: ReadonlyArray<{ id: string; auto: string | null; hand: string }>,
  opts: AgreementOptions,
): AgreementReport {
  const order = opts.order ?? [];
  const scores = classificationScores(
    pairs.map((p) => p.hand),
    pairs.map((p) => p.auto),
    order,
  );
  const units = pairs.filter((p) => p.auto !== null).map((p) => [p.auto as string, p.hand] as const);
  const bootstrap = opts.bootstrap ?? 1000;
  return {
    n: scores.n,
    uncoded: pairs.length - units.length,
    level: opts.level,
    accuracy: scores.accuracy,
    macroF1: scores.macroF1,
    perCategory: scores.perCategory,
    confusion: scores.confusion,
    alpha: krippendorffAlpha(units, opts.level, opts.order),
    alphaCI: bootstrapAlpha(units, opts.level, opts.order, bootstrap, opts.seed ?? 1),
    bootstrap,
  };
}
