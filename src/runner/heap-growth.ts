import v8 from 'node:v8';

/**
 * How far V8 lets a heap grow past its live size before the next full collection, in percent.
 * V8's own heuristic allows up to four times the live size when the program allocates fast: the
 * stages keep ~50 MB alive per thread but let each thread's heap reach ~250 MB of garbage, so a run
 * with two workers peaked at ~730 MB on 20,000 articles. At 100% (twice the live size) the same run
 * peaks at ~435 MB for the same CPU time (measured with `npm run bench`; see README, Speed).
 */
export const HEAP_GROWING_PERCENT = 100;

const FLAG = '--heap-growing-percent';

/**
 * Bounds heap growth for this process and the worker threads it starts later (V8 flags are
 * process-wide). A value the user passed to node (`node --heap-growing-percent=N …`) is kept.
 */
export function boundHeapGrowth(percent: number = HEAP_GROWING_PERCENT): void {
  if (process.execArgv.some((arg) => arg.startsWith(FLAG))) return;
  v8.setFlagsFromString(`${FLAG}=${percent}`);
}
