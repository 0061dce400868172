import path from 'node:path';
import { resolveConfigPath } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { bundledDataFiles } from '../paths.js';
import type { StageSpec } from '../runner/stage.js';

export const SCORES_FILE = 'scores.jsonl';

export const scoreSpec: StageSpec = {
  name: 'score',
  describe: 'scoring tone and topics',
  reads: ['tokens.jsonl', 'tags.jsonl'],
  writes: [SCORES_FILE],
  configPart: (config: Config) => config.score,
  dataFiles: (ctx) => [
    ...bundledDataFiles('lexicons', 'tokenize', 'topics'),
    ...ctx.config.score.tone.lexicons.map((f) => resolveConfigPath(ctx.configDir, f)),
    ...(ctx.codingsFile ? [path.resolve(ctx.codingsFile)] : []),
  ],
};
