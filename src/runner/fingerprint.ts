import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { hashDataFiles, hashFile, hashText, stableJson } from '../io/hash.js';
import { writeFileAtomic } from '../io/write-file.js';

/**
 * A cheap fingerprint of a corpus folder: every file's relative path, size and modification time.
 * Changing, adding or removing an input changes it.
 */
export function corpusFingerprint(dir: string): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  const walk = (d: string): void => {
    let real: string;
    try {
      real = statSync(d).isDirectory() ? d : '';
    } catch {
      return;
    }
    if (real === '' || seen.has(real)) return;
    seen.add(real);
    let entries: string[];
    try {
      entries = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const p = path.join(d, name);
      try {
        const st = statSync(p);
        if (st.isDirectory()) walk(p);
        else parts.push(`${path.relative(dir, p)}\t${st.size}\t${st.mtimeMs}`);
      } catch {
        parts.push(`${path.relative(dir, p)}\tunreadable`);
      }
    }
  };
  walk(dir);
  return hashText(parts.join('\n'));
}

/** Fingerprint of a stage: code version, config part, data files and input files. */
export async function stageFingerprint(parts: {
  version: string;
  config: unknown;
  dataFiles: string[];
  inputFiles: string[];
  corpus: string | null;
}): Promise<string> {
  const data = await hashDataFiles(parts.dataFiles);
  const inputs = await Promise.all(
    parts.inputFiles.map(async (f) => `${path.basename(f)}:${await hashOutputFile(f)}`),
  );
  return hashText(
    stableJson({ version: parts.version, config: parts.config, data, inputs, corpus: parts.corpus }),
  );
}

/** Where hashes of a folder's stage outputs are remembered. */
const memoFile = (dir: string): string => path.join(dir, '.lokalpresse', 'output-hashes.json');

type HashMemo = Record<string, { stamp: string; hash: string }>;

function readMemo(file: string): HashMemo {
  try {
    const memo = JSON.parse(readFileSync(file, 'utf8')) as HashMemo;
    return memo !== null && typeof memo === 'object' ? memo : {};
  } catch {
    return {};
  }
}

/**
 * The hash of a stage's output file, remembered by size, mtime and inode: an unchanged re-run does
 * not read gigabytes of outputs again just to find them unchanged. Every stage replaces its outputs
 * by renaming a new file into place, which changes the inode, and an edit in place changes the mtime.
 */
export async function hashOutputFile(file: string): Promise<string> {
  let stamp: string;
  try {
    const st = statSync(file);
    stamp = `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    return hashFile(file);
  }
  const memoPath = memoFile(path.dirname(file));
  const name = path.basename(file);
  const known = readMemo(memoPath)[name];
  if (known && known.stamp === stamp) return known.hash;
  const hash = await hashFile(file);
  try {
    mkdirSync(path.dirname(memoPath), { recursive: true });
    // Read again: stages hash their inputs one after another, each adding its own.
    writeFileAtomic(memoPath, JSON.stringify({ ...readMemo(memoPath), [name]: { stamp, hash } }));
  } catch {
    // Only a shortcut: without it the file is hashed again next time.
  }
  return hash;
}
