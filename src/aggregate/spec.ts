import { resolveConfigPath } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { dataPath } from '../paths.js';
import { stageCacheFile } from '../runner/cache-files.js';
import type { StageSpec } from '../runner/stage.js';

/** The municipality cell of articles that name no place of the list. */
export const NO_PLACE = '(ohne Ort)';

/** The tables aggregate writes. */
export const AGGREGATE_OUTPUTS = [
  'articles.csv',
  'municipality_period.csv',
  'topics_by_municipality_period.csv',
  'sources.csv',
  'actors_nodes.csv',
  'actors_edges.csv',
  'keyness.csv',
  'kwic.csv',
];

/** Where aggregate keeps the kwic rows and keyness counts of row segments for re-runs. */
export const segmentCacheDir = (outDir: string): string => stageCacheFile(outDir, 'aggregate', 'segments');

export const aggregateSpec: StageSpec = {
  name: 'aggregate',
  describe: 'writing the tables',
  reads: ['articles.jsonl', 'tags.jsonl', 'scores.jsonl', 'tokens.jsonl'],
  writes: AGGREGATE_OUTPUTS,
  configPart: (config: Config) => ({
    aggregate: config.aggregate,
    output: config.output,
    codebook: config.tag.codebook,
    targets: config.tag.targets,
  }),
  dataFiles: (ctx) => [
    resolveConfigPath(ctx.configDir, ctx.config.tag.codebook),
    resolveConfigPath(ctx.configDir, ctx.config.tag.targets),
    dataPath('actor-labels.json'),
  ],
};
