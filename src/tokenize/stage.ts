import { mapToFile, processorModule } from '../runner/map-stage.js';
import type { StageContext, StageDefinition, StageResult } from '../runner/stage.js';
import type { TokenizeInit } from './process.js';
import { TOKENS_FILE, tokenizeSpec } from './spec.js';

/** Splits title and text of every article into sentences and tokens (`tokens.jsonl`). */
export async function runTokenize(ctx: StageContext): Promise<StageResult> {
  const init: TokenizeInit = { extraStopwords: ctx.config.tokenize.extra_stopwords };
  const spec = { module: processorModule(import.meta.url), init };
  const n = await mapToFile(ctx, 'tokenize', [{ file: 'articles.jsonl', from: 'ingest' }], spec, TOKENS_FILE);
  return { in: n, out: n, rejected: 0 };
}

export const tokenizeStage: StageDefinition = { ...tokenizeSpec, run: runTokenize };
