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
 * 16 MB semi-spaces per thread the young generations alone hold tens of MB per thread. At 8 MB the
 * score stage on 20,000 articles peaks ~55 MB lower (405 instead of 462 MB) at the same CPU time;
 * tokenize, which keeps more of each batch alive, spends ~10% more CPU in scavenges (10.6-11.9 s
 * instead of 9.6-10.2 s), about 2% of a whole run. Score is the stage that sets a run's peak, so the
 * trade is taken. The main thread keeps V8's default: its heap is set up before this program runs.
 */
export const WORKER_SEMI_SPACE_MB = 8;

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
 * Bounds heap growth for this process and the young generation of the worker threads it starts
 * later (V8 flags are process-wide and read when a thread's heap is set up).
 */
export function boundHeaps(): void {
  setUnlessGiven('--heap-growing-percent', HEAP_GROWING_PERCENT);
  setUnlessGiven('--max-semi-space-size', WORKER_SEMI_SPACE_MB);
}
