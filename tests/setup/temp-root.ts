/**
 * Vitest global setup: every test run gets one temporary root folder, named in TMPDIR (which
 * `os.tmpdir()` reads at each call, and which the test workers and the CLI processes the tests
 * start inherit), and the folder is removed when the run ends. Tests create their folders with
 * `mkdtempSync(path.join(tmpdir(), …))` as usual; without this, every `npm test` left about
 * 150 MB of corpora and outputs behind in the system's temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(path.join(tmpdir(), 'lokalpresse-tests-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
