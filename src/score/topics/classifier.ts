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
  /**
   * Rounds of self-training over the uncoded articles given at training time (0: off). In round r of R,
   * each label takes the r/R share of its quota (its share of the coded sample times the number of uncoded
   * articles) from the uncoded articles predicted as it, most confident first; the SVMs are then refitted on
   * the coded and these machine-coded articles. Quotas keep the label mix of the coded sample, so a label
   * the SVM over-predicts cannot swallow the rest.
   */
  selfTrainingRounds: number;
  /** Cost factor of a machine-coded article relative to a hand-coded one. */
  pseudoLabelWeight: number;
  /**
   * Most machine-coded articles added in the last round (quotas shrink in proportion), which bounds the
   * training time on large corpora: with 5,000 uncoded articles and no cap, training took 8x as long.
   */
  maxPseudoLabeled: number;
  /**
   * `temperature` of a self-trained model, whose margins are larger (the uncoded articles were in its
   * training data): 2.2 minimized the log-loss on held-out news articles, as 7 did for the plain SVM.
   * The stored model's `temperature` is the one that applies to it.
   */
  selfTrainedTemperature: number;
  /**
   * `split`: when both word features (stems, bigrams) and character n-grams are on, one model is trained on
   * each and their probabilities are multiplied (each self-trains on its own codes, so their errors differ:
   * on 10 splits of the topics dev set +0.6 accuracy / +1.0 macro-F1 points with half of it coded, about
   * the same as `joint` with 70%, never worse). `joint`: one model on all features.
   */
  views: 'split' | 'joint';
  /**
   * Which views get the news-field pseudo-terms (`f:` block, weight `blockWeights.f`; see fields.ts and
   * data/topics/news-fields.yml): `words` the stem view (or the joint model), `chars` the character view,
   * `all` both, `none` neither. Prior knowledge the coded sample lacks: most topical words occur in no
   * coded article, but their field does. On 20 splits of the topics dev set, `all` raised accuracy /
   * macro-F1 from 0.772 / 0.760 to 0.807 / 0.806 with half of it coded and from 0.791 / 0.786 to
   * 0.812 / 0.811 with 70%; `words` alone gained less at 50%, block weights 0.3 and 1 less than 0.5, and
   * field words counted inside compounds (`fieldCompounds`) as much as without them.
   */
  fieldViews: 'none' | 'words' | 'chars' | 'all';
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
  fields: false,
  fieldCompounds: false,
  blockWeights: { w: 1, b: 0.5, c: 1, n: 1, f: 0.5 },
  C: 1,
  classWeight: 'balanced',
  loss: 'squared',
  maxIter: 200,
  tolerance: 0.1,
  seed: 1,
  temperature: 7,
  selfTrainingRounds: 2,
  pseudoLabelWeight: 0.5,
  maxPseudoLabeled: 1000,
  selfTrainedTemperature: 2.2,
  views: 'split',
  fieldViews: 'all',
};

/** One linear model (one-vs-rest SVMs over one feature view) as plain JSON-serializable data. */
export interface TopicViewModel {
  /** The options this view was trained with; its `temperature` is the one that applies to it. */
  options: TopicModelOptions;
  /** Features (`w:` stem, `b:` stem pair, `c:` character n-gram) and their idf. */
  vocabulary: string[];
  idf: number[];
  /** One weight per feature for each label, in the model's `labels` order. */
  weights: number[][];
  bias: number[];
}

/** A trained classifier as plain JSON-serializable data. */
export interface TopicModel {
  kind: 'lokalpresse-topic-svm';
  version: 2;
  options: TopicModelOptions;
  /** Class labels, sorted. */
  labels: string[];
  /** One model per feature view (see `TopicModelOptions.views`); their probabilities are multiplied. */
  views: TopicViewModel[];
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
   * Articles that will be classified later (the uncoded rest of the corpus). They contribute to the
   * vocabulary and idf (features that occur once in the coded sample and again in the rest are kept) and,
   * machine-coded, to the weights when `selfTrainingRounds` > 0.
   */
  unlabeled?: readonly Token[][][];
}

/** Coded articles turned into TF-IDF vectors, with the vocabulary they were weighted by. */
export interface FeaturizedSample {
  vocab: Vocabulary;
  vectors: SparseVector[];
  labels: string[];
  /** Vectors of the uncoded articles, when self-training needs them (else empty). */
  unlabeled: SparseVector[];
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
  const weigh = (t: Map<number, number>) => weightArticle(t, vocab.position, vocab.idf, vocab.kind, options);
  return {
    vocab,
    vectors: terms.map(weigh),
    labels: samples.map((s) => s.label),
    unlabeled: options.selfTrainingRounds > 0 ? extra.map(weigh) : [],
  };
}

/** One-vs-rest linear SVMs: labels (sorted), a weight vector and a bias per label. */
export interface FittedWeights {
  labels: string[];
  weights: Float64Array[];
  bias: number[];
}

/**
 * One-vs-rest SVMs on weighted vectors with their labels; `sampleWeight` scales each example's cost
 * (and its count in the balanced class costs).
 */
export function fitLinearModels(
  x: readonly SparseVector[],
  gold: readonly string[],
  dim: number,
  options: TopicModelOptions,
  sampleWeight?: Float64Array,
): FittedWeights {
  if (x.length === 0) throw new Error('trainTopicClassifier: no coded articles');
  const labels = [...new Set(gold)].sort();
  const random = seededRandom(options.seed);
  const weights: Float64Array[] = [];
  const bias: number[] = [];
  for (const label of labels) {
    const y = Int8Array.from(gold, (g) => (g === label ? 1 : -1));
    let positives = 0;
    let negatives = 0;
    y.forEach((v, i) => {
      const w = sampleWeight?.[i] ?? 1;
      if (v > 0) positives += w;
      else negatives += w;
    });
    const total = positives + negatives;
    const balanced = options.classWeight === 'balanced' && positives > 0 && negatives > 0;
    const fn = trainLinearSvm(
      x,
      y,
      dim,
      {
        costPositive: balanced ? (options.C * total) / (2 * positives) : options.C,
        costNegative: balanced ? (options.C * total) / (2 * negatives) : options.C,
        bias: 1,
        maxIter: options.maxIter,
        tolerance: options.tolerance,
        loss: options.loss,
        ...(sampleWeight ? { sampleWeight } : {}),
      },
      random,
    );
    weights.push(fn.w);
    bias.push(fn.b);
  }
  return { labels, weights, bias };
}

/** One-vs-rest SVM weights for vectors already weighted; `use` picks the rows to train on (default all). */
export function fitTopicWeights(
  data: FeaturizedSample,
  options: TopicModelOptions,
  use?: readonly number[],
): FittedWeights {
  const rows = use ?? data.vectors.map((_, i) => i);
  return fitLinearModels(
    rows.map((i) => data.vectors[i] as SparseVector),
    rows.map((i) => data.labels[i] as string),
    data.vocab.vocabulary.length,
    options,
  );
}

/**
 * Picks machine codes for round `round` (1-based) of `rounds`: each label's quota is its share of the coded
 * sample times the number of uncoded articles (at most `cap`) times round/rounds, filled with the uncoded
 * articles predicted as that label, most confident first (ties by position). Returns [index, label] pairs.
 */
export function pseudoLabels(
  fitted: FittedWeights,
  codedLabels: readonly string[],
  unlabeled: readonly SparseVector[],
  round: number,
  rounds: number,
  temperature: number,
  cap = Number.POSITIVE_INFINITY,
): [number, string][] {
  const pool = Math.min(unlabeled.length, cap);
  const share = fitted.labels.map((l) => codedLabels.filter((g) => g === l).length / codedLabels.length);
  const byLabel = fitted.labels.map((): { i: number; p: number }[] => []);
  unlabeled.forEach((x, i) => {
    const probabilities = softmax(linearMargins(fitted.weights, fitted.bias, x), temperature);
    const { label, confidence } = decide(fitted.labels, probabilities);
    byLabel[fitted.labels.indexOf(label)]?.push({ i, p: confidence });
  });
  const picked: [number, string][] = [];
  byLabel.forEach((list, k) => {
    const quota = Math.ceil(((share[k] as number) * pool * round) / rounds);
    list.sort((a, b) => b.p - a.p || a.i - b.i);
    for (const { i } of list.slice(0, quota)) picked.push([i, fitted.labels[k] as string]);
  });
  return picked.sort((a, b) => a[0] - b[0]);
}

/**
 * The SVMs of the coded sample, refitted `selfTrainingRounds` times with machine-coded uncoded articles
 * added (see `pseudoLabels`). Without uncoded vectors this is plain `fitTopicWeights`; `selfTrained`
 * tells which happened.
 */
export function fitWithSelfTraining(
  data: FeaturizedSample,
  options: TopicModelOptions,
): FittedWeights & { selfTrained: boolean } {
  let fitted = fitTopicWeights(data, options);
  const rounds = Math.max(0, Math.floor(options.selfTrainingRounds));
  const useful = options.pseudoLabelWeight > 0 && options.maxPseudoLabeled > 0;
  if (rounds === 0 || !useful || data.unlabeled.length === 0 || fitted.labels.length < 2) {
    return { ...fitted, selfTrained: false };
  }
  const dim = data.vocab.vocabulary.length;
  for (let round = 1; round <= rounds; round++) {
    const picked = pseudoLabels(
      fitted,
      data.labels,
      data.unlabeled,
      round,
      rounds,
      options.temperature,
      options.maxPseudoLabeled,
    );
    const x = [...data.vectors, ...picked.map(([i]) => data.unlabeled[i] as SparseVector)];
    const gold = [...data.labels, ...picked.map(([, label]) => label)];
    const weight = Float64Array.from(x, (_, i) => (i < data.vectors.length ? 1 : options.pseudoLabelWeight));
    fitted = fitLinearModels(x, gold, dim, options, weight);
  }
  return { ...fitted, selfTrained: true };
}

/** Rounds a weight for storage: 6 significant digits are plenty and keep the JSON small. */
function compact(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(6));
}

/**
 * The feature views trained as separate models: words and character n-grams apart when `views` is
 * `split` and both are on, else the options themselves.
 */
export function featureViews(options: TopicModelOptions): TopicModelOptions[] {
  const words = options.unigrams || options.bigrams || options.surface;
  const chars = options.charMin > 0 && options.charMax >= options.charMin;
  const into = options.fieldViews ?? 'none';
  if (options.views !== 'split' || !words || !chars) {
    return [{ ...options, fields: options.fields === true || into !== 'none' }];
  }
  return [
    {
      ...options,
      charMin: 0,
      charMax: 0,
      fields: options.fields === true || into === 'words' || into === 'all',
    },
    {
      ...options,
      unigrams: false,
      bigrams: false,
      surface: false,
      fields: options.fields === true || into === 'chars' || into === 'all',
    },
  ];
}

/** Trains one feature view (see `trainTopicClassifier`). */
function trainView(
  samples: readonly TopicSample[],
  options: TopicModelOptions,
  context: TrainingContext,
): { labels: string[]; view: TopicViewModel } {
  const data = featurizeSamples(samples, options, context);
  const fitted = fitWithSelfTraining(data, options);
  return {
    labels: fitted.labels,
    view: {
      options: fitted.selfTrained ? { ...options, temperature: options.selfTrainedTemperature } : options,
      vocabulary: data.vocab.vocabulary,
      idf: data.vocab.idf.map(compact),
      weights: fitted.weights.map((w) => Array.from(w, compact)),
      bias: fitted.bias.map(compact),
    },
  };
}

/**
 * Trains one-vs-rest linear SVMs on TF-IDF features of the coded sample, one set per feature view.
 * Deterministic for a seed. Pass the uncoded articles as `context.unlabeled` to let them shape the
 * vocabulary and idf and, with `selfTrainingRounds` > 0, to self-train on them.
 */
export function trainTopicClassifier(
  samples: readonly TopicSample[],
  opts?: Partial<TopicModelOptions>,
  context: TrainingContext = {},
): TopicModel {
  const options = resolveOptions(opts);
  if (samples.length === 0) throw new Error('trainTopicClassifier: no coded articles');
  const trained = featureViews(options).map((view) => trainView(samples, view, context));
  return {
    kind: 'lokalpresse-topic-svm',
    version: 2,
    options,
    labels: trained[0]?.labels ?? [],
    views: trained.map((t) => t.view),
  };
}

/** One view with lookup structures rebuilt once, for classifying many articles. */
export interface PreparedTopicView {
  view: TopicViewModel;
  /** Closed term table over the view's vocabulary: term ids are vocabulary positions. */
  table: TermTable;
  kind: Uint8Array;
  weights: Float64Array[];
}

/** Model with lookup structures rebuilt once, for classifying many articles. */
export interface PreparedTopicModel {
  model: TopicModel;
  views: PreparedTopicView[];
}

const preparedCache = new WeakMap<TopicModel, PreparedTopicModel>();

/** Builds (once per model object) the feature index and dense weights used for prediction. */
export function prepareTopicModel(model: TopicModel): PreparedTopicModel {
  const cached = preparedCache.get(model);
  if (cached) return cached;
  const prepared: PreparedTopicModel = {
    model,
    views: model.views.map((view) => ({
      view,
      table: closedTermTable(view.vocabulary),
      kind: vocabularyKinds(view.vocabulary),
      weights: view.weights.map((w) => Float64Array.from(w)),
    })),
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
 * Combines the probabilities of several views: their normalized geometric mean, so views that agree
 * strengthen a label and a view that rules a label out weighs against it, while the confidence stays on the
 * scale of one view's.
 */
export function combineViews(probabilities: readonly (readonly number[])[]): number[] {
  const first = probabilities[0];
  if (!first || probabilities.length === 1) return first ? [...first] : [];
  const logMean = first.map((_, k) => {
    let sum = 0;
    for (const p of probabilities) sum += Math.log(Math.max(p[k] as number, 1e-300));
    return sum / probabilities.length;
  });
  return softmax(logMean, 1);
}

/**
 * Classifies one article. `confidence` is the probability of the winning label: per view the softmax of
 * the one-vs-rest margins times its `temperature` (fixed at training time), the views combined by
 * `combineViews`; treat it as a ranking of certainty.
 */
export function predictTopic(model: TopicModel | PreparedTopicModel, sentences: Token[][]): TopicPrediction {
  const prepared = 'model' in model ? model : prepareTopicModel(model);
  const probabilities = prepared.views.map(({ view, table, kind, weights }) => {
    const counts = articleTerms(sentences, view.options, table);
    const vector = weightArticle(counts, null, view.idf, kind, view.options);
    return softmax(linearMargins(weights, view.bias, vector), view.options.temperature);
  });
  return decide(prepared.model.labels, combineViews(probabilities));
}
