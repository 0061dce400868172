/**
 * What the caches of reusable results (ingest's per-file cache, the row indexes of the per-article
 * stages) share: where their files live, a fingerprint of the program that wrote them, and how
 * `--force` forgets them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../version.js';

/** The folder of run state and caches in an output folder. */
export const stateDir = (outDir: string): string => path.join(outDir, '.lokalpresse');

/** A cache file of a stage: `.lokalpresse/<stage>.<name>`. */
export const stageCacheFile = (outDir: string, stage: string, name: string): string =>
  path.join(stateDir(outDir), `${stage}.${name}`);

/** Removes every cache file and folder of a stage (a forced run computes everything afresh). */
export function forgetCachedResults(outDir: string, stage: string): void {
  let names: string[];
  try {
    names = readdirSync(stateDir(outDir));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(`${stage}.`))
      rmSync(path.join(stateDir(outDir), name), { force: true, recursive: true });
  }
}

let programHash: string | null = null;

/**
 * The package version plus a hash of the program's own code files (the compiled `dist/` or the
 * `src/` sources, whichever is running): a result cached by another build of the program is never
 * reused, even when the version number was not raised.
 */
export function programFingerprint(): string {
  if (programHash !== null) return programHash;
  const codeRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha1');
  const files: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true }).map((d) => (d.isDirectory() ? `${d.name}/` : d.name));
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name.endsWith('/')) walk(path.join(dir, name));
      else if (/\.(js|ts|mjs)$/.test(name)) files.push(path.join(dir, name));
    }
  };
  walk(codeRoot);
  for (const file of files) {
    hash.update(path.relative(codeRoot, file));
    hash.update('\u0000');
    hash.update(readFileSync(file));
  }
  programHash = `${version}:${hash.digest('hex')}`;
  return programHash;
}
