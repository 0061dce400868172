import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the validation summary is kept between runs; run.json and the report include it. */
export const VALIDATION_SUMMARY = path.join('.lokalpresse', 'validation.json');

/** The saved validation summary, for run.json and the report; null when validate never ran. */
export function readValidationSummary(outDir: string): unknown {
  try {
    return JSON.parse(readFileSync(path.join(outDir, VALIDATION_SUMMARY), 'utf8')) as unknown;
  } catch {
    return null;
  }
}
