import path from 'node:path';
import { NO_PLACE } from '../aggregate/spec.js';
import { dialects, formatCsv } from '../io/csv.js';
import { decodeTokens, type EncodedTokensLine } from '../io/tokens-codec.js';
import { writeFileAtomic } from '../io/write-file.js';
import { zipJsonl } from '../io/zip-jsonl.js';
import type { Article, ArticleTags } from '../records.js';
import type { StageContext, StageDefinition, StageResult } from '../runner/stage.js';
import { looseTopics } from './coherence.js';
import { exploreSettings } from './settings.js';
import { exploreSpec } from './spec.js';
import {
  MUNICIPALITY_TOPIC_COLUMNS,
  municipalityTopicRows,
  TOPIC_TERM_COLUMNS,
  topicTermRows,
} from './tables.js';
import { type ExploreDoc, exploreTopics } from './topics.js';

/**
 * Unsupervised topics (NMF) over the relevant articles, first copies of duplicates only: top terms per
 * topic and topic shares per municipality, to help build or extend the codebook.
 */
export async function runExplore(ctx: StageContext): Promise<StageResult> {
  const settings = exploreSettings(ctx.config);
  const dialect = dialects[ctx.config.output.csv_dialect];
  const docs: ExploreDoc[] = [];
  const municipalities: (string | null)[] = [];
  let n = 0;
  // An even sample of a large corpus: the documents are held in memory for the factorization.
  const step = Math.max(1, Math.ceil((ctx.articleCount ?? 0) / settings.max_articles));
  const files = ['articles.jsonl', 'tags.jsonl', 'tokens.jsonl'].map((f) => path.join(ctx.outDir, f)) as [
    string,
    string,
    string,
  ];
  for await (const [a, t, encoded] of zipJsonl<[Article, ArticleTags, EncodedTokensLine]>(files)) {
    n += 1;
    ctx.log.progress('explore', n, ctx.articleCount);
    if (settings.relevant_only && !t.relevant) continue;
    if (a.duplicate_of !== null) continue;
    if ((n - 1) % step !== 0) continue;
    docs.push({ id: a.id, sentences: decodeTokens(encoded).sentences });
    municipalities.push(a.municipality);
  }
  const exploration = exploreTopics(docs, {
    k: settings.k,
    topTerms: settings.top_terms,
    seed: settings.seed,
    minDf: settings.min_df,
    maxDfShare: settings.max_df_share,
    maxTerms: settings.max_terms,
  });
  writeFileAtomic(
    path.join(ctx.outDir, 'explore_topics.csv'),
    formatCsv(TOPIC_TERM_COLUMNS, topicTermRows(exploration), dialect),
  );
  const byPlace = municipalityTopicRows(exploration, municipalities, settings.top_terms, NO_PLACE);
  writeFileAtomic(
    path.join(ctx.outDir, 'explore_topics_by_municipality.csv'),
    formatCsv(MUNICIPALITY_TOPIC_COLUMNS, byPlace, dialect),
  );
  ctx.log.info(
    `explore: ${exploration.topics.length} topics from ${docs.length} of ${n} articles` +
      ` (${exploration.matrix.columns} stems, ${exploration.iterations} rounds; explore.relevant_only=${settings.relevant_only})`,
  );
  const loose = looseTopics(exploration.topics);
  if (loose.length > 0)
    ctx.log.info(
      `explore: the top terms of topic${loose.length > 1 ? 's' : ''} ${loose.join(', ')} are the least coherent` +
        ' (coherence in explore_topics.csv at or below 0, or under half the median of the topics): read them with care',
    );
  return {
    in: n,
    out: docs.length,
    rejected: 0,
    details: { topics: exploration.topics.length, stems: exploration.matrix.columns },
  };
}

export const exploreStage: StageDefinition = { ...exploreSpec, run: runExplore };
