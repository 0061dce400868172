import { AGGREGATE_OUTPUTS } from '../aggregate/spec.js';
import type { Config } from '../config/schema.js';
import type { StageSpec } from '../runner/stage.js';

export const reportSpec: StageSpec = {
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
};
