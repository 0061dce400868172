import type { Config } from '../config/schema.js';
import { bundledDataFiles } from '../paths.js';
import type { StageSpec } from '../runner/stage.js';
import { exploreSettings } from './settings.js';

export const EXPLORE_OUTPUTS = ['explore_topics.csv', 'explore_topics_by_municipality.csv'];

export const exploreSpec: StageSpec = {
  name: 'explore',
  describe: 'exploring topics',
  reads: ['articles.jsonl', 'tags.jsonl', 'tokens.jsonl'],
  writes: EXPLORE_OUTPUTS,
  configPart: (config: Config) => ({ explore: exploreSettings(config), output: config.output }),
  dataFiles: () => bundledDataFiles('explore'),
};
