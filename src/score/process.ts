import { jsonLine } from '../io/jsonl.js';
import { checkSameId } from '../io/lines.js';
import { decodeTokens } from '../io/tokens-codec.js';
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
  /** Mean codebook hits per article in the corpus, by category; null: raw hit counts decide. */
  topicBaseline: Record<string, number> | null;
}

/** Codebook hits divided by (corpus mean + 1): common categories count for less. */
export function weighTopicHits(hits: Record<string, number>, baseline: Record<string, number> | null) {
  if (!baseline) return hits;
  const weighted: Record<string, number> = {};
  for (const [k, v] of Object.entries(hits)) weighted[k] = v / ((baseline[k] ?? 0) + 1);
  return weighted;
}

/** Turns one article's `tokens.jsonl` and `tags.jsonl` lines into its `scores.jsonl` line. */
export function createProcessor(init: ScoreInit): Processor {
  const lexicon = loadToneLexicon(init.lexicon);
  const coded = new Map(init.coded);
  return ([tokensLine, tagsLine]) => {
    const { id, sentences } = decodeTokens(
      JSON.parse(tokensLine as string) as Parameters<typeof decodeTokens>[0],
    );
    const tags = JSON.parse(tagsLine as string) as ArticleTags;
    checkSameId([id, tags.id], 'tokens.jsonl and tags.jsonl');
    const tone = scoreTone(sentences, lexicon, init.tone);
    const target = scoreTargetTone(sentences, tags.target_sentences, lexicon, init.tone);
    const book = codebookTopics(weighTopicHits(tags.topics, init.topicBaseline));
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
