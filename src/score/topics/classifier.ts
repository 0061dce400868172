import type { Token } from '../../records.js';
import { seededRandom } from './random.js';
import { dotDense, type SparseVector } from './sparse.js';
import { trainLinearSvm } from './svm.js';
import { articleTerms, closedTermTable, openTermTable, type TermOptions, type TermTable } from './terms.js';
import {
  fitVocabulary,
  type Vocabulary,
  vocabularyKinds,
  type WeightingOptions,
  weightArticle,
} from './tfidf.js';

/** One hand-coded article. */
export interface TopicSample {
  id: string;
  sentences: Token[][];
  label: string;
}

/** The few global settings of the topic classifier. */
export interface TopicModelOptions extends TermOptions, WeightingOptions {
  /** SVM cost: larger fits the coded sample more closely. */
  C: number;
  /** `balanced` raises the cost of rare classes so each class weighs as much as the others. */
  classWeight: 'balanced' | 'none';
  /** Loss of the SVMs: squared hinge (smooth) or hinge. */
  loss: 'squared' | 'hinge';
  maxIter: number;
  tolerance: number;
  /** Seed of the shuffles in training. */
  seed: number;
  /**
   * Scale of the margins before the softmax that turns them into confidences. 7 minimized the log-loss on
   * held-out news articles (mean confidence then about equals accuracy); it does not change the labels.
   */
  temperature: number;
}

export const defaultTopicModelOptions: TopicModelOptions = {
  unigrams: true,
  surface: false,
  bigrams: true,
  charMin: 3,
  charMax: 5,
  numbers: true,
  minDf: 2,
  maxDfShare: 1,
  sublinearTf: true,
  blockWeights: { w: 1, b: 0.5, c: 1, n: 1 },
  C: 1,
  classWeight: 'balanced',
  loss: 'squared',
  maxIter: 200,
  tolerance: 0.1,
  seed: 1,
  temperature: 7,
};

/** A trained classifier as plain JSON-serializable data. */
export interface TopicModel {
  kind: 'lokalpresse-topic-svm';
  version: 1;
  options: TopicModelOptions;
  /** Class labels, sorted. */
  labels: string[];
  /** Features (`w:` stem, `b:` stem pair, `c:` character n-gram) and their idf. */
  vocabulary: string[];
  idf: number[];
  /** One weight per feature for each label, in `labels` order. */
  weights: number[][];
  bias: number[];
}

export interface TopicPrediction {
  label: string;
  /** Softmax probability of the chosen label (see `temperature`). */
  confidence: number;
  /** Softmax probability of every label. */
  scores: Record<string, number>;
}

export function resolveOptions(opts?: Partial<TopicModelOptions>): TopicModelOptions {
  return {
    ...defaultTopicModelOptions,
    ...opts,
    blockWeights: { ...defaultTopicModelOptions.blockWeights, ...opts?.blockWeights },
  };
}

/** Extra material for training that carries no label. */
export interface TrainingContext {
  /**
   * Articles that will be classified later (the uncoded rest of the corpus). They only contribute to the
   * vocabulary and idf, never to the weights; with them, features that occur once in the coded sample and
   * again in the rest are kept.
   */
  unlabeled?: readonly Token[][][];
}

/** Coded articles turned into TF-IDF vectors, with the vocabulary they were weighted by. */
export interface FeaturizedSample {
  vocab: Vocabulary;
  vectors: SparseVector[];
  labels: string[];
}

/**
 * Builds the vocabulary from the coded (and, when given, uncoded) articles and weights the coded ones.
 * Feature extraction is the costly part of training; cross-validation does it once for all folds.
 */
export function featurizeSamples(
  samples: readonly TopicSample[],
  options: TopicModelOptions,
  context: TrainingContext = {},
): FeaturizedSample {
  const table = openTermTable();
  const terms = samples.map((s) => articleTerms(s.sentences, options, table));
  const extra = (context.unlabeled ?? []).map((sentences) => articleTerms(sentences, options, table));
  const vocab = fitVocabulary([...terms, ...extra], table.terms, options);
  return {
    vocab,
    vectors: terms.map((t) => weightArticle(t, vocab.position, vocab.idf, vocab.kind, options)),
    labels: samples.map((s) => s.label),
  };
}

/** One-vs-rest SVM weights for vectors already weighted; `use` picks the rows to train on (default all). */
export function fitTopicWeights(
  data: FeaturizedSample,
  options: TopicModelOptions,
  use?: readonly number[],
): { labels: string[]; weights: Float64Array[]; bias: number[] } {
  const rows = use ?? data.vectors.map((_, i) => i);
  if (rows.length === 0) throw new Error('trainTopicClassifier: no coded articles');
  const x = rows.map((i) => data.vectors[i] as SparseVector);
  const gold = rows.map((i) => data.labels[i] as string);
  const labels = [...new Set(gold)].sort();
  const dim = data.vocab.vocabulary.length;
  const random = seededRandom(options.seed);
  const weights: Float64Array[] = [];
  const bias: number[] = [];
  for (const label of labels) {
    const y = Int8Array.from(gold, (g) => (g === label ? 1 : -1));
    const positives = y.reduce((sum, v) => sum + (v > 0 ? 1 : 0), 0);
    const negatives = y.length - positives;
    const balanced = options.classWeight === 'balanced' && positives > 0 && negatives > 0;
    const fn = trainLinearSvm(
      x,
      y,
      dim,
      {
        costPositive: balanced ? (options.C * y.length) / (2 * positives) : options.C,
        costNegative: balanced ? (options.C * y.length) / (2 * negatives) : options.C,
        bias: 1,
        maxIter: options.maxIter,
        tolerance: options.tolerance,
        loss: options.loss,
      },
      random,
    );
    weights.push(fn.w);
    bias.push(fn.b);
  }
  return { labels, weights, bias };
}

/** Rounds a weight for storage: 6 significant digits are plenty and keep the JSON small. */
function compact(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(6));
}

/**
 * Trains one-vs-rest linear SVMs on TF-IDF features of the coded sample. Deterministic for a seed.
 * Pass the uncoded articles as `context.unlabeled` to let them shape the vocabulary and idf.
 */
export function trainTopicClassifier(
  samples: readonly TopicSample[],
  opts?: Partial<TopicModelOptions>,
  context: TrainingContext = {},
): TopicModel {
  const options = resolveOptions(opts);
  if (samples.length === 0) throw new Error('trainTopicClassifier: no coded articles');
  const data = featurizeSamples(samples, options, context);
  const fitted = fitTopicWeights(data, options);
  return {
    kind: 'lokalpresse-topic-svm',
    version: 1,
    options,
    labels: fitted.labels,
    vocabulary: data.vocab.vocabulary,
    idf: data.vocab.idf.map(compact),
    weights: fitted.weights.map((w) => Array.from(w, compact)),
    bias: fitted.bias.map(compact),
  };
}

/** Model with lookup structures rebuilt once, for classifying many articles. */
export interface PreparedTopicModel {
  model: TopicModel;
  /** Closed term table over the model's vocabulary: term ids are vocabulary positions. */
  table: TermTable;
  kind: Uint8Array;
  weights: Float64Array[];
}

const preparedCache = new WeakMap<TopicModel, PreparedTopicModel>();

/** Builds (once per model object) the feature index and dense weights used for prediction. */
export function prepareTopicModel(model: TopicModel): PreparedTopicModel {
  const cached = preparedCache.get(model);
  if (cached) return cached;
  const prepared: PreparedTopicModel = {
    model,
    table: closedTermTable(model.vocabulary),
    kind: vocabularyKinds(model.vocabulary),
    weights: model.weights.map((w) => Float64Array.from(w)),
  };
  preparedCache.set(model, prepared);
  return prepared;
}

/** Margins w·x + b of every label for one article vector. */
export function linearMargins(
  weights: readonly Float64Array[],
  bias: readonly number[],
  vector: SparseVector,
): number[] {
  return weights.map((w, k) => dotDense(vector, w) + (bias[k] as number));
}

/** The label with the highest probability (first one on ties) and the probabilities by label. */
export function decide(labels: readonly string[], probabilities: readonly number[]): TopicPrediction {
  let best = 0;
  for (let k = 1; k < probabilities.length; k++) {
    if ((probabilities[k] as number) > (probabilities[best] as number)) best = k;
  }
  const scores: Record<string, number> = {};
  labels.forEach((label, k) => {
    scores[label] = probabilities[k] as number;
  });
  return { label: labels[best] as string, confidence: probabilities[best] as number, scores };
}

/** Softmax of margins scaled by `temperature`; a rough probability, not a calibrated one. */
export function softmax(margins: readonly number[], temperature: number): number[] {
  const max = Math.max(...margins);
  const exps = margins.map((m) => Math.exp((m - max) * temperature));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * Classifies one article. `confidence` is the softmax probability of the winning label, computed from the
 * one-vs-rest margins times `temperature` (fixed at training time); treat it as a ranking of certainty.
 */
export function predictTopic(model: TopicModel | PreparedTopicModel, sentences: Token[][]): TopicPrediction {
  const prepared = 'table' in model ? model : prepareTopicModel(model);
  const { options, labels } = prepared.model;
  const counts = articleTerms(sentences, options, prepared.table);
  const vector = weightArticle(counts, null, prepared.model.idf, prepared.kind, options);
  const margins = linearMargins(prepared.weights, prepared.model.bias, vector);
  return decide(labels, softmax(margins, options.temperature));
}
