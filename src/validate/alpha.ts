/** Level of measurement of the codes, deciding the difference function of Krippendorff's alpha. */
export type MeasurementLevel = 'nominal' | 'ordinal';

/**
 * Krippendorff's alpha for units coded by two coders (here: automatic vs hand), no missing values.
 *
 * From the coincidence matrix o (each unit (c, k) adds 1 to o[c][k] and 1 to o[k][c]), marginals n_c and
 * n = 2 * units: alpha = 1 - (n - 1) * sum o[c][k] d(c,k) / sum n_c n_k d(c,k).
 * Nominal: d = 0 for equal values, 1 otherwise. Ordinal: for c before k in `order`,
 * d = (sum of n_g for g from c to k - (n_c + n_k) / 2)^2.
 * `order` ranks the values for the ordinal level (values not in it follow, sorted).
 * Returns NaN when it is undefined: fewer than two units, or all values the same.
 */
export function krippendorffAlpha(
  units: ReadonlyArray<readonly [string, string]>,
  level: MeasurementLevel,
  order?: readonly string[],
): number {
  if (units.length < 2) return Number.NaN;
  const seen = new Set<string>();
  for (const [a, b] of units) {
    seen.add(a);
    seen.add(b);
  }
  const values = [
    ...(order ?? []).filter((v) => seen.has(v)),
    ...[...seen].filter((v) => !(order ?? []).includes(v)).sort(),
  ];
  const position = new Map(values.map((v, i) => [v, i]));
  const m = values.length;
  const o = values.map(() => new Float64Array(m));
  for (const [a, b] of units) {
    const i = position.get(a) as number;
    const j = position.get(b) as number;
    (o[i] as Float64Array)[j] = ((o[i] as Float64Array)[j] as number) + 1;
    (o[j] as Float64Array)[i] = ((o[j] as Float64Array)[i] as number) + 1;
  }
  const marginal = o.map((row) => row.reduce((s, v) => s + v, 0));
  const n = marginal.reduce((s, v) => s + v, 0);
  const delta = (i: number, j: number): number => {
    if (i === j) return 0;
    if (level === 'nominal') return 1;
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    let sum = 0;
    for (let g = lo; g <= hi; g++) sum += marginal[g] as number;
    const d = sum - ((marginal[lo] as number) + (marginal[hi] as number)) / 2;
    return d * d;
  };
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      const d = delta(i, j);
      observed += ((o[i] as Float64Array)[j] as number) * d;
      expected += (marginal[i] as number) * (marginal[j] as number) * d;
    }
  }
  if (expected === 0) return Number.NaN;
  return 1 - ((n - 1) * observed) / expected;
}
