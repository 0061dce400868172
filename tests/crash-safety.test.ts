import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/paths.js';

const bin = path.join(packageRoot, 'bin', 'lokalpresse.js');
const built = existsSync(path.join(packageRoot, 'dist', 'cli.js'));
const TABLES = [
  'articles.csv',
  'municipality_period.csv',
  'topics_by_municipality_period.csv',
  'rejected.csv',
];

function run(out: string): void {
  const r = spawnSync(
    process.execPath,
    [bin, 'run', '--corpus', path.join(packageRoot, 'corpus'), '--out', out],
    {
      cwd: packageRoot,
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(0);
}

/** Starts a run and kills it with SIGKILL after `ms` milliseconds. */
function killedRun(out: string, ms: number, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [bin, 'run', '--corpus', path.join(packageRoot, 'corpus'), '--out', out],
      {
        cwd: packageRoot,
        stdio: 'ignore',
      },
    );
    const timer = setTimeout(() => child.kill(signal), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

// The built CLI is what users run; `npm ci`/`npm install` build it (prepare script).
describe.skipIf(!built)('a run killed at any moment', () => {
  const reference = mkdtempSync(path.join(tmpdir(), 'lp-ref-'));

  it('leaves complete files only, and the next run gives the undisturbed results', async () => {
    run(reference);
    for (const [ms, signal] of [
      [800, 'SIGKILL'],
      [4000, 'SIGKILL'],
      [3000, 'SIGINT'],
    ] as const) {
      const out = mkdtempSync(path.join(tmpdir(), 'lp-killed-'));
      await killedRun(out, ms, signal);
      // Whatever is there under a real name parses completely.
      for (const name of readdirSync(out).filter((n) => n.endsWith('.jsonl'))) {
        const lines = readFileSync(path.join(out, name), 'utf8').trim().split('\n');
        for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      }
      run(out);
      expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      for (const table of TABLES) {
        expect(readFileSync(path.join(out, table), 'utf8'), `${table} after ${signal} at ${ms} ms`).toBe(
          readFileSync(path.join(reference, table), 'utf8'),
        );
      }
    }
  }, 240_000);
});
