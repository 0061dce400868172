import { resolveConfigPath } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { StageContext, StageSpec } from '../runner/stage.js';
import type { TagInit } from './process.js';

export const TAGS_FILE = 'tags.jsonl';

/** The dictionary files tag reads, resolved against the config's folder. */
export function dictionaryFiles(ctx: StageContext): TagInit['files'] {
  const { tag, ingest } = ctx.config;
  const r = (p: string): string => resolveConfigPath(ctx.configDir, p);
  return {
    query: r(tag.query),
    actors: r(tag.actors),
    codebook: r(tag.codebook),
    targets: r(tag.targets),
    places: r(ingest.places),
  };
}

export const tagSpec: StageSpec = {
  name: 'tag',
  describe: 'looking up places, actors, topics and query terms',
  reads: ['tokens.jsonl'],
  writes: [TAGS_FILE],
  configPart: (config: Config) => ({ tag: config.tag, places: config.ingest.places }),
  dataFiles: (ctx) => Object.values(dictionaryFiles(ctx)),
};
