import type { Token } from '../../records.js';
import { seededRandom } from './random.js';
import { dotDense, type SparseVector } from './sparse.js';
import { trainLinearSvm } from './svm.js';
import { articleTerms, type TermOptions } from './terms.js';
import {
  fitVocabulary,
  type Vocabulary,
  vocabularyIndex,
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
  maxIter: number;
  tolerance: number;
  /** Seed of the shuffles in training. */
  seed: number;
  /** Scale of the margins before the softmax that turns them into confidences. */
  temperature: number;
}

export const defaultTopicModelOptions: TopicModelOptions = {
  unigrams: true,
  bigrams: true,
  charMin: 0,
  charMax: 0,
  numbers: false,
  minDf: 2,
  maxDfShare: 1,
  sublinearTf: true,
  blockWeights: { w: 1, b: 0.5, c: 1 },
  C: 1,
  classWeight: 'balanced',
  maxIter: 200,
  tolerance: 0.01,
  seed: 1,
  temperature: 4,
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

/** Trains one-vs-rest linear SVMs on TF-IDF features of the coded sample. Deterministic for a seed. */
export function trainTopicClassifier(
  samples: readonly TopicSample[],
  opts?: Partial<TopicModelOptions>,
  context: TrainingContext = {},
): TopicModel {
  const options = resolveOptions(opts);
  if (samples.length === 0) throw new Error('trainTopicClassifier: no coded articles');
  const labels = [...new Set(samples.map((s) => s.label))].sort();
  const terms = samples.map((s) => articleTerms(s.sentences, options));
  const extra = (context.unlabeled ?? []).map((sentences) => articleTerms(sentences, options));
  const vocab = fitVocabulary([...terms, ...extra], options);
  const index = vocabularyIndex(vocab);
  const x = terms.map((t) => weightArticle(t, vocab, index, options));
  const dim = vocab.vocabulary.length;
  const random = seededRandom(options.seed);
  const weights: number[][] = [];
  const bias: number[] = [];
  for (const label of labels) {
    const y = Int8Array.from(samples, (s) => (s.label === label ? 1 : -1));
    const positives = y.reduce((sum, v) => sum + (v > 0 ? 1 : 0), 0);
    const negatives = samples.length - positives;
    const balanced = options.classWeight === 'balanced' && positives > 0 && negatives > 0;
    const fn = trainLinearSvm(
      x,
      y,
      dim,
      {
        costPositive: balanced ? (options.C * samples.length) / (2 * positives) : options.C,
        costNegative: balanced ? (options.C * samples.length) / (2 * negatives) : options.C,
        bias: 1,
        maxIter: options.maxIter,
        tolerance: options.tolerance,
      },
      random,
    );
    weights.push(Array.from(fn.w));
    bias.push(fn.b);
  }
  return {
    kind: 'lokalpresse-topic-svm',
    version: 1,
    options,
    labels,
    vocabulary: vocab.vocabulary,
    idf: vocab.idf,
    weights,
    bias,
  };
}

/** Model with lookup structures rebuilt once, for classifying many articles. */
export interface PreparedTopicModel {
  model: TopicModel;
  vocab: Vocabulary;
  index: Map<string, number>;
  weights: Float64Array[];
}

const preparedCache = new WeakMap<TopicModel, PreparedTopicModel>();

/** Builds (once per model object) the feature index and dense weights used for prediction. */
export function prepareTopicModel(model: TopicModel): PreparedTopicModel {
  const cached = preparedCache.get(model);
  if (cached) return cached;
  const vocab = { vocabulary: model.vocabulary, idf: model.idf };
  const prepared = {
    model,
    vocab,
    index: vocabularyIndex(vocab),
    weights: model.weights.map((w) => Float64Array.from(w)),
  };
  preparedCache.set(model, prepared);
  return prepared;
}

/** Margins of every label for one article vector. */
export function topicMargins(prepared: PreparedTopicModel, vector: SparseVector): number[] {
  return prepared.weights.map((w, k) => dotDense(vector, w) + (prepared.model.bias[k] as number));
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
  const prepared = 'index' in model ? model : prepareTopicModel(model);
  const { options, labels } = prepared.model;
  const vector = weightArticle(articleTerms(sentences, options), prepared.vocab, prepared.index, options);
  const probabilities = softmax(topicMargins(prepared, vector), options.temperature);
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
