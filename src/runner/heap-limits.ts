import v8 from 'node:v8';

/**
 * How far V8 lets a heap grow past its live size before the next full collection, in percent.
 * V8's own heuristic allows up to four times the live size when the program allocates fast: the
 * stages keep ~50 MB alive per thread but let each thread's heap reach ~250 MB of garbage, so a run
 * with two workers peaked at ~730 MB on 20,000 articles. At 100% (twice the live size) the same run
 * peaks at ~435 MB for the same CPU time (measured with `npm run bench`; see README, Speed).
 */
export const HEAP_GROWING_PERCENT = 100;

/**
 * Sets a V8 flag unless the user passed it to node (`node --flag=N …` or in NODE_OPTIONS), whose
 * value is kept.
 */
function setUnlessGiven(flag: string, value: number): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (given.some((arg) => arg.startsWith(flag))) return;
  v8.setFlagsFromString(`${flag}=${value}`);
}

/**
 * Bounds heap growth for this process and the worker threads it starts later (V8 flags are
 * process-wide and read when a thread's heap is set up). The young generation of a stage's workers
 * is set per stage (`PoolSpec.youngGenerationMb`).
 */
export function boundHeaps(): void {
  setUnlessGiven('--heap-growing-percent', HEAP_GROWING_PERCENT);
}
