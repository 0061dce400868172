import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGGREGATE_OUTPUTS } from '../src/aggregate/spec.js';
import { loadConfig } from '../src/config/load.js';
import { mergeShards } from '../src/merge/merge-shards.js';
import { compareWalkOrder } from '../src/merge/walk-order.js';
import { packageRoot } from '../src/paths.js';
import { memoryLogger } from '../src/runner/log.js';
import { runStages } from '../src/runner/run.js';
import { inShard, parseShard } from '../src/runner/shard.js';

// Every table aggregate writes, and ingest's rejections.
const TABLES = ['rejected.csv', ...AGGREGATE_OUTPUTS];

describe('sharded runs', () => {
  const { config, dir } = loadConfig(path.join(packageRoot, 'pipeline.config.json'), { explicit: true });
  const base = (outDir: string) => ({
    corpusDir: path.join(packageRoot, 'corpus'),
    outDir,
    config,
    configDir: dir,
    codingsFile: null,
    force: false,
    log: memoryLogger(),
  });

  it('split the corpus by path, each file in exactly one shard', () => {
    const files = ['web/a.html', 'text/über uns.txt', 'pressearchiv/export.csv', 'x/y/z.jsonl'];
    for (const f of files) {
      const owners = [0, 1, 2].filter((i) => inShard(f, { index: i, count: 3 }));
      expect(owners).toHaveLength(1);
    }
    expect(() => parseShard('3/3')).toThrow(/0 ≤ i < n/);
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
  });

  it('order paths as ingest walks folders', () => {
    expect(
      compareWalkOrder({ file: 'a/b.txt', record: null }, { file: 'a-c.txt', record: null }),
    ).toBeLessThan(0);
    expect(compareWalkOrder({ file: 'x.csv', record: 2 }, { file: 'x.csv', record: 10 })).toBeLessThan(0);
  });

  it('merged give the same tables as one run on the whole corpus', async () => {
    const single = mkdtempSync(path.join(tmpdir(), 'lp-single-'));
    await runStages(['ingest', 'tokenize', 'tag', 'score', 'aggregate'], base(single));
    const shardDirs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = mkdtempSync(path.join(tmpdir(), `lp-shard-${i}-`));
      await runStages(['ingest', 'tokenize', 'tag'], { ...base(d), shard: { index: i, count: 3 } });
      shardDirs.push(d);
    }
    const sizes = shardDirs.map(
      (d) => readFileSync(path.join(d, 'articles.jsonl'), 'utf8').trim().split('\n').length,
    );
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    const merged = mkdtempSync(path.join(tmpdir(), 'lp-merged-'));
    const result = await mergeShards(shardDirs, merged, config);
    expect(result.duplicates).toBe(1);
    await runStages(['score', 'aggregate'], { ...base(merged), force: true });
    for (const table of TABLES) {
      expect(readFileSync(path.join(merged, table), 'utf8'), table).toBe(
        readFileSync(path.join(single, table), 'utf8'),
      );
    }
  }, 240_000);
});
