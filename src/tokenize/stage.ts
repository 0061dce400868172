import path from 'node:path';
import type { Config } from '../config/schema.js';
import { AtomicFile } from '../io/atomic.js';
import { rowsOfFile } from '../io/lines.js';
import { mapRows } from '../runner/pool.js';
import type { StageContext, StageDefinition, StageResult } from '../runner/stage.js';
import type { TokenizeInit } from './process.js';

export const TOKENS_FILE = 'tokens.jsonl';

/** Splits title and text of every article into sentences and tokens (`tokens.jsonl`). */
export async function runTokenize(ctx: StageContext): Promise<StageResult> {
  const init: TokenizeInit = { extraStopwords: ctx.config.tokenize.extra_stopwords };
  const spec = { module: new URL(`./process${path.extname(import.meta.url)}`, import.meta.url).href, init };
  const out = new AtomicFile(path.join(ctx.outDir, TOKENS_FILE));
  let n = 0;
  try {
    for await (const line of mapRows(rowsOfFile(path.join(ctx.outDir, 'articles.jsonl')), spec)) {
      await out.write(line);
      n += 1;
      ctx.log.progress('tokenize', n, ctx.articleCount);
    }
    await out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
  return { in: n, out: n, rejected: 0 };
}

export const tokenizeStage: StageDefinition = {
  name: 'tokenize',
  describe: 'splitting sentences and tokens',
  reads: ['articles.jsonl'],
  writes: [TOKENS_FILE],
  configPart: (config: Config) => config.tokenize,
  dataFiles: () => [],
  run: runTokenize,
};
