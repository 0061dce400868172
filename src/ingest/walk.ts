import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** A file found in the corpus, or a path that could not be walked (with the reason). */
export type WalkEntry =
  | { kind: 'file'; abs: string; rel: string }
  | { kind: 'problem'; rel: string; reason: string };

const MAX_DEPTH = 64;

/**
 * Walks a folder recursively in sorted order. Follows symbolic links but never into a folder it
 * has already seen (loops), and stops at a depth limit; both are reported, not silently skipped.
 */
export function walkCorpus(root: string): WalkEntry[] {
  const entries: WalkEntry[] = [];
  const seenDirs = new Set<string>();
  const rel = (p: string): string => path.relative(root, p).split(path.sep).join('/');
  const visit = (dir: string, depth: number): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (error) {
      entries.push({
        kind: 'problem',
        rel: rel(dir),
        reason: `cannot resolve folder: ${(error as Error).message}`,
      });
      return;
    }
    if (seenDirs.has(real)) {
      entries.push({
        kind: 'problem',
        rel: rel(dir),
        reason: 'folder already visited (symbolic link loop), not read again',
      });
      return;
    }
    if (depth > MAX_DEPTH) {
      entries.push({
        kind: 'problem',
        rel: rel(dir),
        reason: `folder nested deeper than ${MAX_DEPTH} levels, not read`,
      });
      return;
    }
    seenDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      entries.push({
        kind: 'problem',
        rel: rel(dir),
        reason: `cannot list folder: ${(error as Error).message}`,
      });
      return;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const abs = path.join(dir, name);
      let isDir = false;
      try {
        const l = lstatSync(abs);
        isDir = l.isSymbolicLink() ? statSync(abs).isDirectory() : l.isDirectory();
      } catch (error) {
        entries.push({ kind: 'problem', rel: rel(abs), reason: `cannot read: ${(error as Error).message}` });
        continue;
      }
      if (isDir) visit(abs, depth + 1);
      else entries.push({ kind: 'file', abs, rel: rel(abs) });
    }
  };
  visit(root, 0);
  return entries;
}
