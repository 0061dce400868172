import { AGGREGATE_OUTPUTS } from '../aggregate/stage.js';
import type { Config } from '../config/schema.js';
import type { StageContext, StageDefinition, StageResult } from '../runner/stage.js';
import { writeReport } from './index.js';

/** Renders `report.html` from the tables aggregate wrote (and `run.json`). */
export async function runReport(ctx: StageContext): Promise<StageResult> {
  const file = await writeReport(ctx.outDir);
  ctx.log.info(`report: wrote ${file}`);
  return { in: 1, out: 1, rejected: 0 };
}

export const reportStage: StageDefinition = {
  name: 'report',
  describe: 'rendering report.html',
  // Every table but the per-article ones, which the report does not read.
  reads: AGGREGATE_OUTPUTS.filter((f) => f !== 'articles.csv' && f !== 'kwic.csv'),
  writes: ['report.html'],
  configPart: (config: Config) => ({
    output: config.output,
    tone: config.score.tone,
    aggregate: config.aggregate,
  }),
  dataFiles: () => [],
  run: runReport,
};
