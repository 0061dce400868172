import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/paths.js';

/**
 * Runs a script in a fresh node (TypeScript through tsx) so that the V8 flags it sets do not touch the
 * test process; prints what the script logs. The script imports the module under test.
 */
function runNode(nodeArgs: string[], body: string): { stdout: string; stderr: string } {
  const module = path.join(packageRoot, 'src', 'runner', 'heap-limits.ts');
  const script = [
    "import v8 from 'node:v8';",
    "import { Worker } from 'node:worker_threads';",
    `import { boundHeaps } from ${JSON.stringify(module)};`,
    body,
  ].join('\n');
  const run = spawnSync(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
      cwd: packageRoot,
    },
  );
  return { stdout: run.stdout, stderr: run.stderr };
}

/** Logs the young generation (MB) of a worker thread started after `boundHeaps()` (or without it). */
const workerYoungGeneration = (bound: boolean): string => `
${bound ? 'boundHeaps();' : ''}
// The worker's code is a module too: it inherits --input-type=module.
const code = "import v8 from 'node:v8'; import { parentPort } from 'node:worker_threads';" +
  "let keep = []; for (let i = 0; i < 2e6; i++) { keep.push({ n: i, s: 'Flüchtlingshilfe ' + i }); if (keep.length > 500) keep = []; }" +
  "parentPort.postMessage(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);";
const w = new Worker(code, { eval: true });
w.on('message', (bytes) => { console.log('worker-new-space-mb', Math.round(bytes / 1e6)); w.terminate(); });
`;

describe('heap limits (runner/heap-limits.ts)', () => {
  it('uses V8 flags this Node version knows (an unknown flag would only print an error)', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    });
    expect(options).toMatch(/--heap-growing-percent\b/);
    expect(options).toMatch(/--max-semi-space-size\b/);
  });

  it('halves the young generation of worker threads started afterwards, without a message', () => {
    const unbound = runNode([], workerYoungGeneration(false));
    const bound = runNode([], workerYoungGeneration(true));
    expect(bound.stderr).toBe('');
    const mb = (out: string): number => Number(/worker-new-space-mb (\d+)/.exec(out)?.[1] ?? Number.NaN);
    // Two semi-spaces: 2 × 16 MB by default, 2 × 8 MB bounded.
    expect(mb(unbound.stdout)).toBeGreaterThan(20);
    expect(mb(bound.stdout)).toBeLessThanOrEqual(17);
  });

  it('keeps values the user passed to node', () => {
    const given = runNode(
      ['--max-semi-space-size=2', '--heap-growing-percent=50'],
      `boundHeaps();
console.log(process.execArgv.filter((a) => a.startsWith('--max') || a.startsWith('--heap')).join(' '));
${workerYoungGeneration(false)}`,
    );
    expect(given.stderr).toBe('');
    expect(given.stdout).toContain('--max-semi-space-size=2 --heap-growing-percent=50');
    expect(Number(/worker-new-space-mb (\d+)/.exec(given.stdout)?.[1])).toBeLessThanOrEqual(5);
  });

  it('keeps a value the user set in NODE_OPTIONS', () => {
    const script = [
      "import { Worker } from 'node:worker_threads';",
      `import { boundHeaps } from ${JSON.stringify(path.join(packageRoot, 'src', 'runner', 'heap-limits.ts'))};`,
      workerYoungGeneration(true),
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: packageRoot,
      env: { ...process.env, NODE_OPTIONS: '--max-semi-space-size=2' },
    });
    expect(run.stderr).toBe('');
    expect(Number(/worker-new-space-mb (\d+)/.exec(run.stdout)?.[1])).toBeLessThanOrEqual(5);
  });

  it('would print an error for a flag V8 does not know (what the first test guards against)', () => {
    const run = spawnSync(
      process.execPath,
      ['-e', "require('node:v8').setFlagsFromString('--no-such-heap-flag=1')"],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toMatch(/unrecognized flag/);
  });
});
