/**
 * Fitting the tone label model (`model.ts`) on labelled feature vectors: multinomial logistic
 * regression with neutral as reference class, standardized features, L2 penalty, optional class
 * weights inverse to class frequency, full-batch gradient descent; then the two biases are shifted on
 * a grid to maximize macro-F1 on the same data (the measure the label is judged by). Pure: plain arrays in,
 * a model out. Used by `scripts/tune-tone.ts --fit`.
 */
import { modelLabel, modelScores, type ToneLabel, type ToneModel } from './model.js';

export interface FitOptions {
  /** L2 penalty on the weights (not the biases), per sample (default 0.01). */
  l2?: number;
  /** Gradient descent steps (default 3000). */
  iterations?: number;
  /** Step size (default 0.5). */
  rate?: number;
  /** Weigh each class by n / (3 · its count), so rare classes count as much as neutral (default true). */
  balanced?: boolean;
  /** Shift the biases to maximize macro-F1 on the fitting data (default true). */
  tuneBiases?: boolean;
}

const CLASSES: readonly ToneLabel[] = ['negative', 'neutral', 'positive'];

/** Macro-averaged F1 of predicted against gold labels over the three classes. */
export function macroF1(gold: readonly ToneLabel[], predicted: readonly ToneLabel[]): number {
  let sum = 0;
  for (const c of CLASSES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === c && g === c) tp++;
      else if (p === c) fp++;
      else if (g === c) fn++;
    });
    sum += tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return sum / CLASSES.length;
}

export function fitToneModel(
  x: readonly (readonly number[])[],
  y: readonly ToneLabel[],
  names: readonly string[],
  opts: FitOptions = {},
): ToneModel {
  const n = x.length;
  const k = names.length;
  if (n === 0 || y.length !== n) throw new Error('fitToneModel: need as many labels as feature vectors');
  const l2 = opts.l2 ?? 0.01;
  const iterations = opts.iterations ?? 3000;
  const rate = opts.rate ?? 0.5;
  const mean = names.map((_, j) => x.reduce((s, r) => s + (r[j] ?? 0), 0) / n);
  const sd = names.map((_, j) => {
    const v = x.reduce((s, r) => s + ((r[j] ?? 0) - (mean[j] ?? 0)) ** 2, 0) / n;
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  const z = x.map((r) => names.map((_, j) => ((r[j] ?? 0) - (mean[j] ?? 0)) / (sd[j] ?? 1)));
  const counts = new Map<ToneLabel, number>(CLASSES.map((c) => [c, y.filter((l) => l === c).length]));
  const sampleWeight = y.map((c) =>
    opts.balanced === false ? 1 : n / (CLASSES.length * Math.max(1, counts.get(c) ?? 1)),
  );
  const totalWeight = sampleWeight.reduce((s, w) => s + w, 0);
  // Parameters of negative (0) and positive (1): bias then k weights.
  const w = [new Array<number>(k + 1).fill(0), new Array<number>(k + 1).fill(0)];
  const grad = [new Array<number>(k + 1).fill(0), new Array<number>(k + 1).fill(0)];
  for (let it = 0; it < iterations; it++) {
    for (const g of grad) g.fill(0);
    for (let i = 0; i < n; i++) {
      const zi = z[i] as number[];
      const s = w.map((wc) => {
        let v = wc[0] as number;
        for (let j = 0; j < k; j++) v += (wc[j + 1] as number) * (zi[j] as number);
        return v;
      });
      const m = Math.max(0, s[0] as number, s[1] as number);
      const e0 = Math.exp((s[0] as number) - m);
      const e1 = Math.exp((s[1] as number) - m);
      const eN = Math.exp(-m);
      const total = e0 + e1 + eN;
      const sw = sampleWeight[i] as number;
      const residual = [
        e0 / total - (y[i] === 'negative' ? 1 : 0),
        e1 / total - (y[i] === 'positive' ? 1 : 0),
      ];
      for (let c = 0; c < 2; c++) {
        const r = (residual[c] as number) * sw;
        const g = grad[c] as number[];
        g[0] = (g[0] as number) + r;
        for (let j = 0; j < k; j++) g[j + 1] = (g[j + 1] as number) + r * (zi[j] as number);
      }
    }
    for (let c = 0; c < 2; c++) {
      const wc = w[c] as number[];
      const g = grad[c] as number[];
      for (let j = 0; j <= k; j++) {
        const penalty = j === 0 ? 0 : l2 * (wc[j] as number);
        wc[j] = (wc[j] as number) - rate * ((g[j] as number) / totalWeight + penalty);
      }
    }
  }
  const round = (v: number): number => Math.round(v * 10000) / 10000;
  const model: ToneModel = {
    features: names.map((name, j) => ({ name, mean: round(mean[j] ?? 0), sd: round(sd[j] ?? 1) || 1 })),
    negative: { bias: round(w[0]?.[0] ?? 0), weights: (w[0] ?? []).slice(1).map(round) },
    positive: { bias: round(w[1]?.[0] ?? 0), weights: (w[1] ?? []).slice(1).map(round) },
  };
  if (opts.tuneBiases !== false) tuneBiases(model, x, y);
  return model;
}

/** Shift both biases (grid of 0.05 in [−1.5, 1.5]) to the pair with the best macro-F1 on x, y. */
function tuneBiases(model: ToneModel, x: readonly (readonly number[])[], y: readonly ToneLabel[]): void {
  const scores = x.map((r) => modelScores(model, r));
  let best = { dn: 0, dp: 0, f: macroF1(y, scores.map(modelLabel)) };
  for (let dn = -1.5; dn <= 1.5001; dn += 0.05) {
    for (let dp = -1.5; dp <= 1.5001; dp += 0.05) {
      const labels = scores.map((s) =>
        modelLabel({ negative: s.negative + dn, neutral: 0, positive: s.positive + dp }),
      );
      const f = macroF1(y, labels);
      // Prefer the smaller shift among equals, so the fitted biases change only when it helps.
      const better = f > best.f + 1e-9;
      const sameButSmaller =
        Math.abs(f - best.f) <= 1e-9 && Math.abs(dn) + Math.abs(dp) < Math.abs(best.dn) + Math.abs(best.dp);
      if (better || sameButSmaller) best = { dn, dp, f };
    }
  }
  model.negative.bias = Math.round((model.negative.bias + best.dn) * 10000) / 10000;
  model.positive.bias = Math.round((model.positive.bias + best.dp) * 10000) / 10000;
}
