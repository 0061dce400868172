import { resolveConfigPath } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { bundledDataFiles } from '../paths.js';
import type { StageSpec } from '../runner/stage.js';

export const ARTICLES_FILE = 'articles.jsonl';
export const REJECTED_FILE = 'rejected.csv';
export const REJECTED_COLUMNS = ['file', 'record', 'reason'];

export const ingestSpec: StageSpec = {
  name: 'ingest',
  describe: 'reading the corpus',
  reads: [],
  writes: [ARTICLES_FILE, REJECTED_FILE],
  readsCorpus: true,
  configPart: (config: Config) => ({ ingest: config.ingest, csv: config.output.csv_dialect }),
  dataFiles: (ctx) => [
    resolveConfigPath(ctx.configDir, ctx.config.ingest.places),
    ...bundledDataFiles('extraction', 'dates', 'formats', 'language'),
  ],
};
