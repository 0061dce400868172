/**
 * The floor a pipeline run is compared with: read every file of the corpus as a stream, decode it as
 * UTF-8 and count the whitespace-separated words. Nothing can ingest a corpus faster than this.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

export interface FloorResult {
  files: number;
  bytes: number;
  words: number;
  seconds: number;
}

/** Every regular file below `dir`, in sorted order. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(abs));
    else if (e.isFile()) out.push(abs);
  }
  return out;
}

/** Words in one file, streamed; a word split across two chunks is counted once. */
async function countFileWords(file: string): Promise<{ bytes: number; words: number }> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let words = 0;
  let inWord = false;
  const count = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
      if (space) inWord = false;
      else if (!inWord) {
        inWord = true;
        words += 1;
      }
    }
  };
  // Buffers no bigger than the file: 2,000 small pages must not allocate 2,000 MB.
  const highWaterMark = Math.min(1 << 20, Math.max(1 << 14, statSync(file).size));
  for await (const chunk of createReadStream(file, { highWaterMark })) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    count(decoder.write(buf));
  }
  count(decoder.end());
  return { bytes, words };
}

export async function measureFloor(dir: string): Promise<FloorResult> {
  const started = process.hrtime.bigint();
  const files = listFiles(dir);
  let bytes = 0;
  let words = 0;
  for (const f of files) {
    const r = await countFileWords(f);
    bytes += r.bytes;
    words += r.words;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { files: files.length, bytes, words, seconds };
}
