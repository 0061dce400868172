/** Running mean and variance (Welford), mergeable, so groups never hold their articles. */
export interface MeanAccumulator {
  n: number;
  mean: number;
  m2: number;
}

export const emptyMean = (): MeanAccumulator => ({ n: 0, mean: 0, m2: 0 });

export function addValue(acc: MeanAccumulator, x: number): void {
  acc.n += 1;
  const delta = x - acc.mean;
  acc.mean += delta / acc.n;
  acc.m2 += delta * (x - acc.mean);
}

/** Merges b into a (Chan et al.'s parallel formula): sharded runs combine to the same figures. */
export function mergeMean(a: MeanAccumulator, b: MeanAccumulator): void {
  if (b.n === 0) return;
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  a.m2 += b.m2 + (delta * delta * a.n * b.n) / n;
  a.mean += (delta * b.n) / n;
  a.n = n;
}

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

function tQuantile(df: number): number {
  if (df <= 30) return T975[df - 1] ?? 12.706;
  if (df <= 60) return 2.0;
  if (df <= 120) return 1.98;
  return 1.96;
}

/** Mean with its 95% confidence interval (t distribution); null bounds with fewer than two values. */
export function meanWithCi(acc: MeanAccumulator): {
  mean: number | null;
  low: number | null;
  high: number | null;
} {
  if (acc.n === 0) return { mean: null, low: null, high: null };
  if (acc.n < 2) return { mean: acc.mean, low: null, high: null };
  const se = Math.sqrt(acc.m2 / (acc.n - 1) / acc.n);
  const h = tQuantile(acc.n - 1) * se;
  return { mean: acc.mean, low: acc.mean - h, high: acc.mean + h };
}
