import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { hashFile, hashText, stableJson } from '../io/hash.js';

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
  const data = await Promise.all(parts.dataFiles.map(async (f) => `${f}:${await hashFile(f)}`));
  const inputs = await Promise.all(
    parts.inputFiles.map(async (f) => `${path.basename(f)}:${await hashFile(f)}`),
  );
  return hashText(
    stableJson({ version: parts.version, config: parts.config, data, inputs, corpus: parts.corpus }),
  );
}
