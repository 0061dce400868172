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
 * Largest semi-space of a worker thread's young generation, in MB (V8's default on 64-bit systems
 * is 16). The stage threads allocate short-lived strings and objects for every article; with two
 * 16 MB semi-spaces per thread the young generations of the main thread and two workers alone hold
 * ~100 MB. At 8 MB per semi-space the scavenges are twice as frequent and each copies as little (the
 * survivors are the few records in flight), so the CPU time stays the same and the peak falls by
 * ~50 MB at 20,000 articles (see README, Speed). The main thread keeps V8's default: its heap is
 * set up before this program runs.
 */
export const WORKER_SEMI_SPACE_MB = 8;

/** Sets a V8 flag unless the user passed it to node (`node --flag=N …`), whose value is kept. */
function setUnlessGiven(flag: string, value: number): void {
  if (process.execArgv.some((arg) => arg.startsWith(flag))) return;
  v8.setFlagsFromString(`${flag}=${value}`);
}

/**
 * Bounds heap growth for this process and the young generation of the worker threads it starts
 * later (V8 flags are process-wide and read when a thread's heap is set up).
 */
export function boundHeaps(): void {
  setUnlessGiven('--heap-growing-percent', HEAP_GROWING_PERCENT);
  setUnlessGiven('--max-semi-space-size', WORKER_SEMI_SPACE_MB);
}
