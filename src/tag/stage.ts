import { loadDictionary } from '../dictionary/index.js';
import { warnSkippedLines } from '../io/skipped-lines.js';
import { mapToFile, processorModule } from '../runner/map-stage.js';
import type { StageContext, StageDefinition, StageResult } from '../runner/stage.js';
import type { TagInit } from './process.js';
import { dictionaryFiles, TAGS_FILE, tagSpec } from './spec.js';

/** Dictionary hits per article: places, actors, codebook topics, query and target terms (`tags.jsonl`). */
export async function runTag(ctx: StageContext): Promise<StageResult> {
  const init: TagInit = { files: dictionaryFiles(ctx), minQueryHits: ctx.config.tag.min_query_hits };
  for (const key of ['query', 'actors', 'codebook', 'targets'] as const)
    warnSkippedLines(ctx.log, `tag.${key}: dictionary`, init.files[key], loadDictionary);
  const spec = { module: processorModule(import.meta.url), init };
  let relevant = 0;
  const n = await mapToFile(
    ctx,
    'tag',
    [{ file: 'tokens.jsonl', from: 'tokenize' }],
    spec,
    TAGS_FILE,
    (line) => {
      if (line.includes('"relevant":true')) relevant += 1;
    },
  );
  ctx.log.info(`tag: ${relevant} of ${n} articles match the query`);
  return { in: n, out: n, rejected: 0, details: { relevant } };
}

export const tagStage: StageDefinition = { ...tagSpec, run: runTag };
