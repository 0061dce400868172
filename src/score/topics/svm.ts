import type { Random } from './random.js';
import { addScaled, dotDense, type SparseVector, squaredNorm } from './sparse.js';

/** A linear decision function w·x + b. */
export interface LinearFunction {
  w: Float64Array;
  b: number;
}

export interface SvmOptions {
  /** Misclassification cost of positive and negative examples. */
  costPositive: number;
  costNegative: number;
  /** Value of the constant feature that carries the bias (0: no bias). */
  bias: number;
  maxIter: number;
  /** Stop when the projected gradient spread falls below this. */
  tolerance: number;
  /** `squared`: squared hinge (L2-loss SVM, smooth, the default); `hinge`: the classic L1-loss SVM. */
  loss?: 'squared' | 'hinge';
  /** Per-example factor on the cost (e.g. below 1 for machine-labelled examples); default 1 each. */
  sampleWeight?: Float64Array;
}

/**
 * Binary linear SVM with squared hinge loss and L2 regularization, trained by dual coordinate descent
 * (Hsieh et al. 2008, the method behind LIBLINEAR's default solver). `y` holds +1 / -1.
 * The bias is learned as the weight of a constant feature, so it is regularized like the others.
 */
export function trainLinearSvm(
  x: readonly SparseVector[],
  y: Int8Array,
  dim: number,
  opts: SvmOptions,
  random: Random,
): LinearFunction {
  const n = x.length;
  const w = new Float64Array(dim);
  let b = 0;
  const alpha = new Float64Array(n);
  const diag = new Float64Array(n);
  const qd = new Float64Array(n);
  const upper = new Float64Array(n);
  const hinge = opts.loss === 'hinge';
  const costs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cost =
      ((y[i] as number) > 0 ? opts.costPositive : opts.costNegative) * (opts.sampleWeight?.[i] ?? 1);
    costs[i] = cost;
    diag[i] = hinge ? 0 : 0.5 / cost;
    upper[i] = hinge ? cost : Number.POSITIVE_INFINITY;
    qd[i] = squaredNorm(x[i] as SparseVector) + opts.bias * opts.bias + (diag[i] as number);
  }
  // Examples without cost take no part (their alpha stays 0).
  const order = Int32Array.from(
    Array.from({ length: n }, (_, i) => i).filter((i) => (costs[i] as number) > 0),
  );
  const active = order.length;
  for (let iter = 0; iter < opts.maxIter; iter++) {
    for (let i = active - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    let pgMax = Number.NEGATIVE_INFINITY;
    let pgMin = Number.POSITIVE_INFINITY;
    for (let k = 0; k < active; k++) {
      const i = order[k] as number;
      const xi = x[i] as SparseVector;
      const yi = y[i] as number;
      const ai = alpha[i] as number;
      const g = yi * (dotDense(xi, w) + b * opts.bias) - 1 + (diag[i] as number) * ai;
      const ui = upper[i] as number;
      const pg = ai === 0 ? Math.min(g, 0) : ai >= ui ? Math.max(g, 0) : g;
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) > 1e-12) {
        const next = Math.min(Math.max(ai - g / (qd[i] as number), 0), ui);
        const delta = (next - ai) * yi;
        alpha[i] = next;
        addScaled(w, xi, delta);
        b += delta * opts.bias;
      }
    }
    if (pgMax - pgMin < opts.tolerance) break;
  }
  return { w, b: b * opts.bias };
}
