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
