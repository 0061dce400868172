import { lstatSync, readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';

/** A file found in the corpus, or a path that could not be walked (with the reason). */
export type WalkEntry =
  | { kind: 'file'; abs: string; rel: string }
  | { kind: 'problem'; rel: string; reason: string };

const MAX_DEPTH = 64;

function safeRealpath(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

/** What a non-regular file is, for the rejection reason. */
function specialKind(st: Stats): string {
  if (st.isFIFO()) return 'named pipe';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'special file';
}

const inside = (dir: string, parent: string): boolean =>
  dir === parent || dir.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/**
 * Walks a folder recursively in sorted order. Follows symbolic links to folders outside the corpus,
 * but not to folders inside it (those are read under their own path, so file names do not depend on
 * link order) and never into a folder it has already seen (loops); stops at a depth limit. Named
 * pipes, sockets and devices are reported, not opened: reading a pipe would block the run. Every
 * skipped path is reported with its reason, never silently dropped.
 */
export function walkCorpus(root: string): WalkEntry[] {
  const entries: WalkEntry[] = [];
  const seenDirs = new Set<string>();
  let rootReal: string | null = null;
  try {
    rootReal = realpathSync(root);
  } catch {
    // Reported by visit() below.
  }
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
      let st: Stats;
      let link = false;
      try {
        const l = lstatSync(abs);
        link = l.isSymbolicLink();
        st = link ? statSync(abs) : l;
      } catch (error) {
        entries.push({ kind: 'problem', rel: rel(abs), reason: `cannot read: ${(error as Error).message}` });
        continue;
      }
      if (st.isDirectory()) {
        const target = link ? safeRealpath(abs) : null;
        if (link && target !== null && rootReal !== null && inside(target, rootReal)) {
          entries.push({
            kind: 'problem',
            rel: rel(abs),
            reason:
              'symbolic link to a folder inside the corpus (read under its own path, or already visited), not followed',
          });
          continue;
        }
        visit(abs, depth + 1);
      } else if (st.isFile()) entries.push({ kind: 'file', abs, rel: rel(abs) });
      else
        entries.push({
          kind: 'problem',
          rel: rel(abs),
          reason: `not a regular file (${specialKind(st)}), not read`,
        });
    }
  };
  visit(root, 0);
  return entries;
}
