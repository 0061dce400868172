import type { Config } from '../config/schema.js';
import { bundledDataFiles } from '../paths.js';
import type { StageSpec } from '../runner/stage.js';

export const TOKENS_FILE = 'tokens.jsonl';

export const tokenizeSpec: StageSpec = {
  name: 'tokenize',
  describe: 'splitting sentences and tokens',
  reads: ['articles.jsonl'],
  writes: [TOKENS_FILE],
  configPart: (config: Config) => config.tokenize,
  dataFiles: () => bundledDataFiles('tokenize'),
};
