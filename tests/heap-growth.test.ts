import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('heap growth bound (runner/heap-growth.ts)', () => {
  it('uses a V8 flag this Node version knows (an unknown flag would only print an error)', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    });
    expect(options).toMatch(/--heap-growing-percent\b/);
  });

  it('is taken at run time without a message, and worker threads started later still run', () => {
    const script = [
      "const v8 = require('node:v8');",
      "v8.setFlagsFromString('--heap-growing-percent=100');",
      "const { Worker } = require('node:worker_threads');",
      'const w = new Worker(\'require("node:worker_threads").parentPort.postMessage(new Array(1e5).fill(1).length)\', { eval: true });',
      "w.on('message', (n) => { console.log('worker', n); w.terminate(); });",
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('worker 100000');
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
