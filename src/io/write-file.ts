import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes a whole file under a temporary name and renames it into place. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`,
  );
  writeFileSync(temp, content);
  renameSync(temp, file);
}
