import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('stop with a message naming the file when a worker cannot build its processor', () => {
    // A user tone lexicon without one usable entry fails every score worker as it starts.
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-workers-lexicon-'));
    writeFileSync(path.join(dir, 'kaputt.tsv'), 'Flüchtlingshilfe ohne Gewicht\nHilfe|NN\tviel\n');
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ score: { tone: { lexicons: ['kaputt.tsv'] } } }),
    );
    const r = spawnSync(
      process.execPath,
      [
        bin,
        'run',
        '--corpus',
        path.join(packageRoot, 'corpus'),
        '--out',
        path.join(dir, 'out'),
        '--config',
        path.join(dir, 'config.json'),
        '--workers',
        '2',
      ],
      { cwd: packageRoot, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`tone lexicon ${path.join(dir, 'kaputt.tsv')}: no entries found`);
    // A message, not a crash: no stack trace, no unhandled rejection.
    expect(r.stderr).not.toMatch(/\n\s+at |triggerUncaughtException/);
    // The stages before score completed and were kept.
    expect(existsSync(path.join(dir, 'out', 'tags.jsonl'))).toBe(true);
    expect(existsSync(path.join(dir, 'out', 'scores.jsonl'))).toBe(false);
  }, 120_000);
});
