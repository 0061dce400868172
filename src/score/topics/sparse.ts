/** Sparse vector with sorted, unique indices. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export function squaredNorm(x: SparseVector): number {
  let sum = 0;
  for (let k = 0; k < x.val.length; k++) {
    const v = x.val[k] as number;
    sum += v * v;
  }
  return sum;
}

/** Dot product with a dense weight vector. */
export function dotDense(x: SparseVector, w: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < x.idx.length; k++) sum += (x.val[k] as number) * (w[x.idx[k] as number] as number);
  return sum;
}

/** w += scale * x, in place. */
export function addScaled(w: Float64Array, x: SparseVector, scale: number): void {
  for (let k = 0; k < x.idx.length; k++) {
    const i = x.idx[k] as number;
    w[i] = (w[i] as number) + scale * (x.val[k] as number);
  }
}
