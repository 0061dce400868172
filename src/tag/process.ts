import { readFileSync } from 'node:fs';
import {
  compileDictionary,
  createDictionarySet,
  hitsInEach,
  loadDictionary,
  zeroCounts,
} from '../dictionary/index.js';
import {
  compilePlaces,
  findPlaceMentionsInSentences,
  type PlaceConfig,
  parsePlaceConfig,
} from '../ingest/municipality.js';
import { jsonLine } from '../io/jsonl.js';
import { parseTokensLine } from '../io/tokens-codec.js';
import type { ArticleTags } from '../records.js';
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
  // One lookup per token for all four dictionaries.
  const set = createDictionarySet([query, actors, codebook, targets]);
  return ([line]) => {
    const { id, sentences } = parseTokensLine(line as string);
    const actorCounts = zeroCounts(actors);
    const topicCounts = zeroCounts(codebook);
    const targetSentences: number[] = [];
    let queryHits = 0;
    let words = 0;
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i] ?? [];
      for (const t of s) if (t.word) words++;
      const each = hitsInEach(set, s);
      const q = each[0] ?? [];
      queryHits += q.length;
      for (const h of each[1] ?? []) actorCounts[h.key] = (actorCounts[h.key] ?? 0) + 1;
      for (const h of each[2] ?? []) topicCounts[h.key] = (topicCounts[h.key] ?? 0) + 1;
      if ((each[3] ?? []).length > 0) targetSentences.push(i);
    }
    const tags: ArticleTags = {
      id,
      words,
      // Places are matched on the tokens' surface (hyphenated districts are one token there).
      places: findPlaceMentionsInSentences(gazetteer, sentences),
      actors: actorCounts,
      topics: topicCounts,
      query_hits: queryHits,
      relevant: queryHits >= init.minQueryHits,
      target_sentences: targetSentences,
    };
    return jsonLine(tags);
  };
}
