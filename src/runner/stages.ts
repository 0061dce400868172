import { aggregateSpec } from '../aggregate/spec.js';
import { exploreSpec } from '../explore/spec.js';
import { ingestSpec } from '../ingest/spec.js';
import { reportSpec } from '../report/spec.js';
import { scoreSpec } from '../score/spec.js';
import { tagSpec } from '../tag/spec.js';
import { tokenizeSpec } from '../tokenize/spec.js';
import type { StageContext, StageDefinition, StageName, StageResult, StageSpec } from './stage.js';

/**
 * A stage whose code is imported when it first runs. Loading every stage's libraries (HTML parsing,
 * stemmers, the classifier, chart rendering) took about 0.4 s of each CLI start, which an unchanged
 * re-run or `lokalpresse score` alone paid for stages it never ran.
 */
function lazy(spec: StageSpec, load: () => Promise<StageDefinition>): StageDefinition {
  return {
    ...spec,
    run: async (ctx: StageContext): Promise<StageResult> => (await load()).run(ctx),
  };
}

/** Every stage of the pipeline by name. */
export const stages: Record<StageName, StageDefinition> = {
  ingest: lazy(ingestSpec, async () => (await import('../ingest/stage.js')).ingestStage),
  tokenize: lazy(tokenizeSpec, async () => (await import('../tokenize/stage.js')).tokenizeStage),
  tag: lazy(tagSpec, async () => (await import('../tag/stage.js')).tagStage),
  score: lazy(scoreSpec, async () => (await import('../score/stage.js')).scoreStage),
  aggregate: lazy(aggregateSpec, async () => (await import('../aggregate/stage.js')).aggregateStage),
  report: lazy(reportSpec, async () => (await import('../report/stage.js')).reportStage),
  explore: lazy(exploreSpec, async () => (await import('../explore/stage.js')).exploreStage),
};
