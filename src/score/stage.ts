import path from 'node:path';
import { resolveConfigPath } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { AtomicFile } from '../io/atomic.js';
import { jsonLine, readJsonl } from '../io/jsonl.js';
import { decodeTokens } from '../io/tokens-codec.js';
import { zipJsonl } from '../io/zip-jsonl.js';
import type { ArticleScores, ArticleTags } from '../records.js';
import type { StageContext, StageDefinition, StageResult } from '../runner/stage.js';
import { type Coding, readCodings } from './codings.js';
import { loadToneLexicon, scoreTargetTone, scoreTone } from './tone/index.js';
import {
  codebookTopics,
  crossValidate,
  predictTopic,
  type TopicModel,
  type TopicSample,
  trainTopicClassifier,
} from './topics/index.js';

export const SCORES_FILE = 'scores.jsonl';

type EncodedTokens = Parameters<typeof decodeTokens>[0];

interface Classifier {
  model: TopicModel;
  coded: Map<string, string>;
  cv: ReturnType<typeof crossValidate>;
}

/** Trains the topic classifier on the hand-coded articles (first pass over the tokens). */
async function trainFromCodings(ctx: StageContext, codings: Coding[]): Promise<Classifier | null> {
  const coded = new Map(codings.filter((c) => c.topic !== null).map((c) => [c.id, c.topic as string]));
  if (coded.size === 0) return null;
  const samples: TopicSample[] = [];
  for await (const line of readJsonl<EncodedTokens>(path.join(ctx.outDir, 'tokens.jsonl'))) {
    const label = coded.get(line.id);
    if (label !== undefined) samples.push({ id: line.id, sentences: decodeTokens(line).sentences, label });
  }
  const missing = coded.size - samples.length;
  if (missing > 0) ctx.log.warn(`score: ${missing} coded ids are not in the corpus and were ignored`);
  const { folds, min_coded } = ctx.config.score.topics;
  if (samples.length < min_coded) {
    ctx.log.warn(
      `score: only ${samples.length} coded articles found, score.topics.min_coded is ${min_coded}; topics come from the codebook`,
    );
    return null;
  }
  const cv = crossValidate(samples, Math.min(folds, samples.length));
  ctx.log.info(
    `score: topic classifier trained on ${samples.length} coded articles; ${folds}-fold cross-validation: accuracy ${cv.accuracy.toFixed(3)}, macro-F1 ${cv.macroF1.toFixed(3)}`,
  );
  return { model: trainTopicClassifier(samples), coded, cv };
}

/** Tone, target tone and topics per article (`scores.jsonl`). */
export async function runScore(ctx: StageContext): Promise<StageResult> {
  const toneConfig = ctx.config.score.tone;
  const lexicon = loadToneLexicon({
    builtin: toneConfig.builtin_lexicon,
    files: toneConfig.lexicons.map((f) => resolveConfigPath(ctx.configDir, f)),
  });
  const toneOptions = { neutralBand: toneConfig.neutral_band, scope: toneConfig.negation_scope };
  const codings = ctx.codingsFile ? readCodings(ctx.codingsFile) : [];
  const classifier = await trainFromCodings(ctx, codings);
  const out = new AtomicFile(path.join(ctx.outDir, SCORES_FILE));
  let n = 0;
  try {
    const files: [string, string] = [
      path.join(ctx.outDir, 'tokens.jsonl'),
      path.join(ctx.outDir, 'tags.jsonl'),
    ];
    for await (const [line, tags] of zipJsonl<[EncodedTokens, ArticleTags]>(files)) {
      const { id, sentences } = decodeTokens(line);
      const tone = scoreTone(sentences, lexicon, toneOptions);
      const target = scoreTargetTone(sentences, tags.target_sentences, lexicon, toneOptions);
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
      if (classifier) {
        const hand = classifier.coded.get(id);
        const predicted = predictTopic(classifier.model, sentences);
        scores.topic_coded = hand ?? null;
        scores.topic = hand ?? predicted.label;
        scores.topic_confidence = hand ? 1 : predicted.confidence;
        scores.topic_basis = hand ? 'coded' : 'classifier';
      }
      await out.write(jsonLine(scores));
      n += 1;
      ctx.log.progress('score', n, ctx.articleCount);
    }
    await out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
  const details = classifier
    ? { topic_classifier: { coded: classifier.coded.size, cross_validation: classifier.cv } }
    : undefined;
  return { in: n, out: n, rejected: 0, ...(details ? { details } : {}) };
}

export const scoreStage: StageDefinition = {
  name: 'score',
  describe: 'scoring tone and topics',
  reads: ['tokens.jsonl', 'tags.jsonl'],
  writes: [SCORES_FILE],
  configPart: (config: Config) => config.score,
  dataFiles: (ctx) => [
    ...ctx.config.score.tone.lexicons.map((f) => resolveConfigPath(ctx.configDir, f)),
    ...(ctx.codingsFile ? [path.resolve(ctx.codingsFile)] : []),
  ],
  run: runScore,
};
