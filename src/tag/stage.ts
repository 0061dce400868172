import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveConfigPath } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { compileDictionary, countHits, findHits, loadDictionary } from '../dictionary/index.js';
import { compilePlaces, findPlaceMentions, type PlaceConfig } from '../ingest/municipality.js';
import { AtomicFile } from '../io/atomic.js';
import { jsonLine, readJsonl } from '../io/jsonl.js';
import { decodeTokens } from '../io/tokens-codec.js';
import type { ArticleTags, Token } from '../records.js';
import type { StageContext, StageDefinition, StageResult } from '../runner/stage.js';

export const TAGS_FILE = 'tags.jsonl';

function dictionaryFiles(
  ctx: StageContext,
): Record<'query' | 'actors' | 'codebook' | 'targets' | 'places', string> {
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

function load(key: string, file: string): ReturnType<typeof compileDictionary> {
  try {
    return compileDictionary(loadDictionary(file), { compounds: true });
  } catch (error) {
    throw new Error(`tag.${key}: cannot load dictionary ${file}: ${(error as Error).message}`);
  }
}

/** Surface text of tokens, for place matching (hyphenated districts stay one token). */
const surface = (sentences: Token[][]): string =>
  sentences.map((s) => s.map((t) => t.text).join(' ')).join('\n');

/** Dictionary hits per article: places, actors, codebook topics, query and target terms (`tags.jsonl`). */
export async function runTag(ctx: StageContext): Promise<StageResult> {
  const files = dictionaryFiles(ctx);
  const query = load('query', files.query);
  const actors = load('actors', files.actors);
  const codebook = load('codebook', files.codebook);
  const targets = load('targets', files.targets);
  const gazetteer = compilePlaces(JSON.parse(readFileSync(files.places, 'utf8')) as PlaceConfig[]);
  const minHits = ctx.config.tag.min_query_hits;
  const out = new AtomicFile(path.join(ctx.outDir, TAGS_FILE));
  let n = 0;
  let relevant = 0;
  try {
    for await (const line of readJsonl<Parameters<typeof decodeTokens>[0]>(
      path.join(ctx.outDir, 'tokens.jsonl'),
    )) {
      const { id, sentences } = decodeTokens(line);
      const queryHits = Object.values(countHits(query, sentences)).reduce((a, b) => a + b, 0);
      const targetSentences: number[] = [];
      sentences.forEach((s, i) => {
        if (findHits(targets, s).length > 0) targetSentences.push(i);
      });
      const tags: ArticleTags = {
        id,
        words: sentences.reduce((sum, s) => sum + s.filter((t) => t.word).length, 0),
        places: findPlaceMentions(gazetteer, surface(sentences)),
        actors: countHits(actors, sentences),
        topics: countHits(codebook, sentences),
        query_hits: queryHits,
        relevant: queryHits >= minHits,
        target_sentences: targetSentences,
      };
      if (tags.relevant) relevant += 1;
      await out.write(jsonLine(tags));
      n += 1;
      ctx.log.progress('tag', n, ctx.articleCount);
    }
    await out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
  ctx.log.info(`tag: ${relevant} of ${n} articles match the query`);
  return { in: n, out: n, rejected: 0, details: { relevant } };
}

export const tagStage: StageDefinition = {
  name: 'tag',
  describe: 'looking up places, actors, topics and query terms',
  reads: ['tokens.jsonl'],
  writes: [TAGS_FILE],
  configPart: (config: Config) => ({ tag: config.tag, places: config.ingest.places }),
  dataFiles: (ctx) => Object.values(dictionaryFiles(ctx)),
  run: runTag,
};
