import { seededRandom } from '../score/topics/random.js';

/** A sparse matrix by rows: row r has columns `idx[r]` (sorted) with values `val[r]`. */
export interface SparseRows {
  rows: { idx: Int32Array; val: Float64Array }[];
  columns: number;
}

export interface NmfOptions {
  k: number;
  seed: number;
  /** Most multiplicative update rounds. */
  maxIter: number;
  /** Stop when the relative drop of the squared error over 10 rounds falls below this. */
  tolerance: number;
}

/** V ≈ W H with W (rows × k) and H (k × columns) non-negative, both dense and row-major. */
export interface NmfResult {
  w: Float64Array;
  h: Float64Array;
  k: number;
  iterations: number;
  /** Squared Frobenius error ‖V − WH‖² at the end. */
  error: number;
}

const EPS = 1e-12;

/** Wᵀ V (k × columns) for sparse V. */
function wtV(v: SparseRows, w: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * v.columns);
  v.rows.forEach((row, r) => {
    for (let t = 0; t < row.idx.length; t++) {
      const c = row.idx[t] as number;
      const x = row.val[t] as number;
      for (let q = 0; q < k; q++) {
        const o = q * v.columns + c;
        out[o] = (out[o] as number) + (w[r * k + q] as number) * x;
      }
    }
  });
  return out;
}

/** V Hᵀ (rows × k) for sparse V. */
function vHt(v: SparseRows, h: Float64Array, k: number): Float64Array {
  const out = new Float64Array(v.rows.length * k);
  v.rows.forEach((row, r) => {
    for (let t = 0; t < row.idx.length; t++) {
      const c = row.idx[t] as number;
      const x = row.val[t] as number;
      for (let q = 0; q < k; q++) {
        const o = r * k + q;
        out[o] = (out[o] as number) + x * (h[q * v.columns + c] as number);
      }
    }
  });
  return out;
}

/** A Aᵀ for a row-major (k × n) matrix A: the k × k Gram matrix of its rows. */
function gramOfRows(a: Float64Array, k: number, n: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let p = 0; p < k; p++) {
    for (let q = p; q < k; q++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (a[p * n + i] as number) * (a[q * n + i] as number);
      out[p * k + q] = s;
      out[q * k + p] = s;
    }
  }
  return out;
}

/** Wᵀ W (k × k) for a row-major (rows × k) W. */
function gramOfColumns(w: Float64Array, k: number, rows: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let r = 0; r < rows; r++) {
    for (let p = 0; p < k; p++) {
      const a = w[r * k + p] as number;
      if (a === 0) continue;
      for (let q = 0; q < k; q++) out[p * k + q] = (out[p * k + q] as number) + a * (w[r * k + q] as number);
    }
  }
  return out;
}

/**
 * ‖V − WH‖² = ‖V‖² − 2·Σ V∘(WH) + Σ (WᵀW)∘(HHᵀ), computed without forming WH.
 */
function squaredError(v: SparseRows, w: Float64Array, h: Float64Array, k: number, vNorm: number): number {
  let cross = 0;
  v.rows.forEach((row, r) => {
    for (let t = 0; t < row.idx.length; t++) {
      const c = row.idx[t] as number;
      let wh = 0;
      for (let q = 0; q < k; q++) wh += (w[r * k + q] as number) * (h[q * v.columns + c] as number);
      cross += (row.val[t] as number) * wh;
    }
  });
  const ww = gramOfColumns(w, k, v.rows.length);
  const hh = gramOfRows(h, k, v.columns);
  let quad = 0;
  for (let i = 0; i < k * k; i++) quad += (ww[i] as number) * (hh[i] as number);
  return Math.max(0, vNorm - 2 * cross + quad);
}

/**
 * Non-negative matrix factorization by the multiplicative updates of Lee & Seung (2001) for the squared
 * error. Deterministic for a seed: W and H start from seeded uniform values scaled to the mean of V.
 */
export function nmf(v: SparseRows, opts: NmfOptions): NmfResult {
  const k = Math.max(1, Math.floor(opts.k));
  const n = v.rows.length;
  const m = v.columns;
  let sum = 0;
  let vNorm = 0;
  for (const row of v.rows) {
    for (const x of row.val) {
      sum += x;
      vNorm += x * x;
    }
  }
  const scale = Math.sqrt(sum / Math.max(1, n * m) / k);
  const random = seededRandom(opts.seed);
  const w = Float64Array.from({ length: n * k }, () => scale * (0.1 + random()));
  const h = Float64Array.from({ length: k * m }, () => scale * (0.1 + random()));
  let previous = squaredError(v, w, h, k, vNorm);
  let error = previous;
  let iterations = 0;
  for (let iter = 1; iter <= opts.maxIter; iter++) {
    iterations = iter;
    // H ← H ∘ (WᵀV) / (WᵀW H)
    const numH = wtV(v, w, k);
    const ww = gramOfColumns(w, k, n);
    for (let c = 0; c < m; c++) {
      for (let p = 0; p < k; p++) {
        let den = 0;
        for (let q = 0; q < k; q++) den += (ww[p * k + q] as number) * (h[q * m + c] as number);
        h[p * m + c] = ((h[p * m + c] as number) * (numH[p * m + c] as number)) / (den + EPS);
      }
    }
    // W ← W ∘ (V Hᵀ) / (W H Hᵀ)
    const numW = vHt(v, h, k);
    const hh = gramOfRows(h, k, m);
    for (let r = 0; r < n; r++) {
      const row = w.slice(r * k, r * k + k);
      for (let p = 0; p < k; p++) {
        let den = 0;
        for (let q = 0; q < k; q++) den += (row[q] as number) * (hh[q * k + p] as number);
        w[r * k + p] = ((row[p] as number) * (numW[r * k + p] as number)) / (den + EPS);
      }
    }
    if (iter % 10 === 0 || iter === opts.maxIter) {
      error = squaredError(v, w, h, k, vNorm);
      if (previous - error <= opts.tolerance * Math.max(previous, EPS)) break;
      previous = error;
    }
  }
  return { w, h, k, iterations, error };
}
