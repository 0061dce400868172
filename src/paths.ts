import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: one level above `src/` (when run from TypeScript) or `dist/` (compiled).
 * Data files (dictionaries, lexicons, codebook, boilerplate markers) are resolved against it.
 */
export const packageRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of a file under the package's `data/` folder. */
export function dataPath(...parts: string[]): string {
  return path.join(packageRoot, 'data', ...parts);
}

/**
 * The files of a bundled vocabulary folder under `data/` (boilerplate markers, date words, lexicons …),
 * so a stage that reads them is re-run when one of them is edited.
 */
export function bundledDataFiles(...folders: string[]): string[] {
  return folders.flatMap((folder) => {
    try {
      return readdirSync(dataPath(folder))
        .sort()
        .map((name) => dataPath(folder, name));
    } catch {
      return [];
    }
  });
}
