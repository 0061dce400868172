import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';

/** SHA-256 hex of a string or buffer. */
export function hashText(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 hex of a file's content, streamed; `missing` when the file does not exist. */
export async function hashFile(file: string): Promise<string> {
  if (!existsSync(file)) return 'missing';
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Each file's path with the hash of its content, for fingerprints and cache keys. */
export function hashDataFiles(files: string[]): Promise<string[]> {
  return Promise.all(files.map(async (f) => `${f}:${await hashFile(f)}`));
}

/** JSON with object keys sorted, so equal values hash equally. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
