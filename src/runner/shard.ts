import { createHash } from 'node:crypto';

/** One machine's part of a corpus: files whose path hashes to `index` modulo `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (0 ≤ i < n), as given to `--shard`. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) {
    throw new Error(`--shard expects i/n with 0 ≤ i < n (e.g. 0/4 … 3/4), got "${text}"`);
  }
  return { index, count };
}

export const shardLabel = (shard: Shard | null): string => (shard ? `${shard.index}/${shard.count}` : 'all');

/**
 * Whether a corpus file belongs to a shard. The split hashes the file's path, so every machine
 * decides alike without talking to the others, and a file keeps its shard when others are added.
 */
export function inShard(relPath: string, shard: Shard | null): boolean {
  if (!shard || shard.count === 1) return true;
  const h = createHash('sha1').update(relPath).digest().readUInt32BE(0);
  return h % shard.count === shard.index;
}
