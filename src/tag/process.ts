import { readFileSync } from 'node:fs';
import { compileDictionary, countHits, findHits, loadDictionary } from '../dictionary/index.js';
import {
  compilePlaces,
  findPlaceMentions,
  type PlaceConfig,
  parsePlaceConfig,
} from '../ingest/municipality.js';
import { jsonLine } from '../io/jsonl.js';
import { decodeTokens } from '../io/tokens-codec.js';
import type { ArticleTags, Token } from '../records.js';
import type { Processor } from '../runner/pool.js';

export interface TagInit {
  files: Record<'query' | 'actors' | 'codebook' | 'targets' | 'places', string>;
  minQueryHits: number;
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

/** Turns one `tokens.jsonl` line into its `tags.jsonl` line. */
export function createProcessor(init: TagInit): Processor {
  const query = load('query', init.files.query);
  const actors = load('actors', init.files.actors);
  const codebook = load('codebook', init.files.codebook);
  const targets = load('targets', init.files.targets);
  let places: PlaceConfig[];
  try {
    places = parsePlaceConfig(JSON.parse(readFileSync(init.files.places, 'utf8')));
  } catch (error) {
    throw new Error(`ingest.places: cannot read ${init.files.places}: ${(error as Error).message}`);
  }
  const gazetteer = compilePlaces(places);
  return ([line]) => {
    const { id, sentences } = decodeTokens(JSON.parse(line as string) as Parameters<typeof decodeTokens>[0]);
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
      relevant: queryHits >= init.minQueryHits,
      target_sentences: targetSentences,
    };
    return jsonLine(tags);
  };
}
