import { aggregateStage } from '../aggregate/stage.js';
import { exploreStage } from '../explore/stage.js';
import { ingestStage } from '../ingest/stage.js';
import { reportStage } from '../report/stage.js';
import { scoreStage } from '../score/stage.js';
import { tagStage } from '../tag/stage.js';
import { tokenizeStage } from '../tokenize/stage.js';
import type { StageDefinition, StageName } from './stage.js';

/** Every stage of the pipeline by name. */
export const stages: Record<StageName, StageDefinition> = {
  ingest: ingestStage,
  tokenize: tokenizeStage,
  tag: tagStage,
  score: scoreStage,
  aggregate: aggregateStage,
  report: reportStage,
  explore: exploreStage,
};
