import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/paths.js';

const bin = path.join(packageRoot, 'bin', 'lokalpresse.js');
const built = existsSync(path.join(packageRoot, 'dist', 'runner', 'worker.js'));

function run(workers: number): string {
  const out = mkdtempSync(path.join(tmpdir(), `lp-workers-${workers}-`));
  const r = spawnSync(
    process.execPath,
    [bin, 'run', '--corpus', path.join(packageRoot, 'corpus'), '--out', out, '--workers', String(workers)],
    { cwd: packageRoot, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  return out;
}

// Worker threads load the compiled modules; `npm ci`/`npm install` build them (prepare script).
describe.skipIf(!built)('worker threads', () => {
  it('give the same records in the same order with one, two or three workers', () => {
    const [one, two, three] = [run(1), run(2), run(3)];
    for (const file of [
      'tokens.jsonl',
      'tags.jsonl',
      'scores.jsonl',
      'articles.csv',
      'municipality_period.csv',
      // keyness and kwic: built on a second thread from two workers on, in this thread with one.
      'keyness.csv',
      'kwic.csv',
    ]) {
      const reference = readFileSync(path.join(one, file), 'utf8');
      expect(reference.length).toBeGreaterThan(100);
      expect(readFileSync(path.join(two, file), 'utf8'), file).toBe(reference);
      expect(readFileSync(path.join(three, file), 'utf8'), file).toBe(reference);
    }
  }, 180_000);
});
