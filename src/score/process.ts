import { jsonLine } from '../io/jsonl.js';
import { checkSameId } from '../io/lines.js';
import { parseTokensLine } from '../io/tokens-codec.js';
import type { ArticleScores, ArticleTags } from '../records.js';
import type { Processor } from '../runner/pool.js';
import { loadToneLexicon, scoreTargetTone, scoreTone, type ToneOptions } from './tone/index.js';
import { codebookTopics, predictTopic, type TopicModel } from './topics/index.js';

export interface ScoreInit {
  lexicon: { builtin: boolean; files: string[] };
  tone: Pick<ToneOptions, 'neutralBand' | 'scope' | 'reportFactor' | 'minWeight' | 'referenceWords'>;
  /** The topic classifier trained on the hand-coded sample, or null (topics from the codebook). */
  model: TopicModel | null;
  /** Hand codes of the coded articles: id -> topic. */
  coded: Array<[string, string]>;
}

/** Codebook hits divided by (corpus mean + 1): common categories count for less. */
export function weighTopicHits(hits: Record<string, number>, baseline: Record<string, number> | null) {
  if (!baseline) return hits;
  const weighted: Record<string, number> = {};
  for (const [k, v] of Object.entries(hits)) weighted[k] = v / ((baseline[k] ?? 0) + 1);
  return weighted;
}

/**
 * Codebook topics of a scored article recomputed from its hits weighed by the corpus means: the
 * shares always, the main topic where the codebook decides it (not hand-coded or classified). Keys
 * keep their order, so the line is what scoring with the weights from the start would write.
 */
export function weighCodebookTopics<
  T extends Pick<ArticleScores, 'topic_shares' | 'topic' | 'topic_confidence' | 'topic_basis'>,
>(scores: T, hits: Record<string, number>, baseline: Record<string, number>): T {
  const book = codebookTopics(weighTopicHits(hits, baseline));
  scores.topic_shares = book.shares;
  if (scores.topic_basis === 'codebook' || scores.topic_basis === 'none') {
    scores.topic = book.main;
    scores.topic_confidence = book.confidence;
    scores.topic_basis = book.main ? 'codebook' : 'none';
  }
  return scores;
}

/** Turns one article's `tokens.jsonl` and `tags.jsonl` lines into its `scores.jsonl` line. */
export function createProcessor(init: ScoreInit): Processor {
  const lexicon = loadToneLexicon(init.lexicon);
  const coded = new Map(init.coded);
  return ([tokensLine, tagsLine]) => {
    const { id, sentences } = parseTokensLine(tokensLine as string);
    const tags = JSON.parse(tagsLine as string) as ArticleTags;
    checkSameId([id, tags.id], 'tokens.jsonl and tags.jsonl');
    const tone = scoreTone(sentences, lexicon, init.tone);
    const target = scoreTargetTone(sentences, tags.target_sentences, lexicon, init.tone);
    // Codebook topics from raw hits here; the score stage weighs them by the corpus means afterwards
    // (`weighCodebookTopics`), so these lines do not depend on the rest of the corpus and can be reused.
    const book = codebookTopics(tags.topics);
    const scores: ArticleScores = {
      id,
      words: tone.words,
      tone: tone.tone,
      tone_label: tone.label,
      tone_positive: tone.positive,
      tone_negative: tone.negative,
      tone_polarity: tone.polarity,
      tone_terms: tone.terms,
      target_tone: target ? target.tone : null,
      topic_shares: book.shares,
      topic: book.main,
      topic_confidence: book.confidence,
      topic_basis: book.main ? 'codebook' : 'none',
      topic_coded: null,
    };
    if (init.model) {
      const hand = coded.get(id);
      scores.topic_coded = hand ?? null;
      if (hand !== undefined) {
        scores.topic = hand;
        scores.topic_confidence = 1;
        scores.topic_basis = 'coded';
      } else {
        const predicted = predictTopic(init.model, sentences);
        scores.topic = predicted.label;
        scores.topic_confidence = predicted.confidence;
        scores.topic_basis = 'classifier';
      }
    }
    return jsonLine(scores);
  };
}
