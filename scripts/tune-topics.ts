/**
 * Evaluates supervised topic coding on a labelled article set: part of the articles serves as the
 * hand-coded sample, the rest is classified and scored (accuracy, macro-F1, per-class F1). The SVM lines
 * self-train over the uncoded rest (the default) unless named otherwise; `--no-unlabeled` hides the rest.
 * The last SVM line is the model as configured (by default words and character n-grams as two views,
 * both with the news-field pseudo-terms of data/topics/news-fields.yml);
 * the "one joint SVM" line puts all features into a single model for comparison.
 *
 *   npx tsx scripts/tune-topics.ts [--data DIR] [--train-share 0.5,0.7] [--seeds 1,2,3] [--folds 5]
 *                                  [--opts '{"C":0.5}'] [--no-unlabeled] [--quick] [--configured-only]
 *
 * `--configured-only` trains only the model as configured (no NB, joint or plain lines, no CV), about a
 * third of the time, and prints the spread of its scores over the seeds: for comparing variants.
 *
 * DIR defaults to ../shared/devsets and must hold topics/articles.jsonl (id, label, text).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  predictTopic,
  prepareTopicModel,
  type TopicModelOptions,
  type TopicSample,
  trainTopicClassifier,
} from '../src/score/topics/classifier.js';
import { crossValidate } from '../src/score/topics/crossval.js';
import { predictNaiveBayes, trainNaiveBayes } from '../src/score/topics/naive-bayes.js';
import { tokenizeGerman } from '../src/tokenize/german.js';
import { fmt, mean, type SplitScore, scoreSplit, stratifiedSplit } from './eval/topics-score.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/devsets' },
    'train-share': { type: 'string', default: '0.5,0.7' },
    seeds: { type: 'string', default: '1,2,3' },
    folds: { type: 'string', default: '5' },
    opts: { type: 'string', default: '{}' },
    'no-unlabeled': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'configured-only': { type: 'boolean', default: false },
  },
});

const file = path.join(values.data as string, 'topics', 'articles.jsonl');
if (!existsSync(file)) {
  console.log(`eval-topics: skipped, ${file} not found (pass --data DIR with topics/articles.jsonl)`);
  process.exit(0);
}

const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { id: string; label: string; text: string });
const t0 = Date.now();
const articles: TopicSample[] = rows.map((r) => ({
  id: String(r.id),
  label: r.label,
  sentences: tokenizeGerman(r.text),
}));
console.log(`${articles.length} articles, tokenized in ${Date.now() - t0} ms`);

const opts = JSON.parse(values.opts as string) as Partial<TopicModelOptions>;
const shares = (values['train-share'] as string).split(',').map(Number);
const seeds = (values.seeds as string).split(',').map(Number);
const folds = Number(values.folds);
const useUnlabeled = !values['no-unlabeled'];
const configuredOnly = values['configured-only'] === true;

/** Sample standard deviation. */
function sd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

const line = (label: string, s: SplitScore) =>
  `${label.padEnd(34)} acc ${fmt(s.accuracy)}  macro-F1 ${fmt(s.macroF1)}`;

for (const share of shares) {
  console.log(`\n== coded share ${share} ==`);
  const baseline: SplitScore[] = [];
  const joint: SplitScore[] = [];
  const plainSvm: SplitScore[] = [];
  const svm: SplitScore[] = [];
  const confidence: number[] = [];
  let trainMs = 0;
  for (const seed of seeds) {
    const split = stratifiedSplit(
      articles.map((a) => a.label),
      share,
      seed,
    );
    const coded = split.coded.map((i) => articles[i] as TopicSample);
    const rest = split.uncoded.map((i) => articles[i] as TopicSample);
    const gold = rest.map((a) => a.label);
    const start = Date.now();
    const model = prepareTopicModel(
      trainTopicClassifier(coded, opts, useUnlabeled ? { unlabeled: rest.map((a) => a.sentences) } : {}),
    );
    trainMs += Date.now() - start;
    const predictions = rest.map((a) => predictTopic(model, a.sentences));
    const s = scoreSplit(
      gold,
      predictions.map((p) => p.label),
    );
    svm.push(s);
    confidence.push(mean(predictions.map((p) => p.confidence)));
    if (configuredOnly) {
      if (!values.quick) console.log(`  seed ${seed}: ${line('SVM as configured', s)}`);
      continue;
    }
    const nb = trainNaiveBayes(coded);
    const b = scoreSplit(
      gold,
      rest.map((a) => predictNaiveBayes(nb, a.sentences)),
    );
    baseline.push(b);
    const jointModel = prepareTopicModel(
      trainTopicClassifier(
        coded,
        { ...opts, views: 'joint' },
        useUnlabeled ? { unlabeled: rest.map((a) => a.sentences) } : {},
      ),
    );
    const w = scoreSplit(
      gold,
      rest.map((a) => predictTopic(jointModel, a.sentences).label),
    );
    joint.push(w);
    const plain = prepareTopicModel(
      trainTopicClassifier(
        coded,
        { ...opts, selfTrainingRounds: 0 },
        useUnlabeled ? { unlabeled: rest.map((a) => a.sentences) } : {},
      ),
    );
    const p = scoreSplit(
      gold,
      rest.map((a) => predictTopic(plain, a.sentences).label),
    );
    plainSvm.push(p);
    if (!values.quick) {
      console.log(`seed ${seed}: coded ${coded.length}, uncoded ${rest.length}`);
      console.log(`  ${line('baseline multinomial NB, unigrams', b)}`);
      console.log(`  ${line('one joint SVM, words + chars', w)}`);
      console.log(`  ${line('SVM, no self-training', p)}`);
      console.log(`  ${line('SVM as configured', s)}`);
    }
  }
  const avg = (list: SplitScore[]): SplitScore => ({
    accuracy: mean(list.map((s) => s.accuracy)),
    macroF1: mean(list.map((s) => s.macroF1)),
    perClassF1: {},
  });
  console.log(`mean over seeds ${seeds.join(',')}:`);
  if (!configuredOnly) {
    console.log(`  ${line('baseline multinomial NB, unigrams', avg(baseline))}`);
    console.log(`  ${line('one joint SVM, words + chars', avg(joint))}`);
    console.log(`  ${line('SVM, no self-training', avg(plainSvm))}`);
  }
  console.log(
    `  ${line('SVM as configured', avg(svm))}   (training ${Math.round(trainMs / seeds.length)} ms)`,
  );
  const spread = (xs: number[]) => `${fmt(Math.min(...xs))}-${fmt(Math.max(...xs))} sd ${fmt(sd(xs))}`;
  console.log(
    `  spread over seeds: acc ${spread(svm.map((s) => s.accuracy))}, macro-F1 ${spread(svm.map((s) => s.macroF1))}`,
  );
  console.log(`  mean confidence of the SVM codes ${fmt(mean(confidence))} (compare with its accuracy)`);
  const labels = Object.keys(svm[0]?.perClassF1 ?? {});
  console.log(
    `  per-class F1 (mean): ${labels.map((l) => `${l} ${fmt(mean(svm.map((s) => s.perClassF1[l] ?? 0)))}`).join(', ')}`,
  );
  if (!values.quick && !configuredOnly) {
    const split = stratifiedSplit(
      articles.map((a) => a.label),
      share,
      seeds[0] ?? 1,
    );
    const cv = crossValidate(
      split.coded.map((i) => articles[i] as TopicSample),
      folds,
      opts,
    );
    console.log(
      `  ${folds}-fold CV on the coded part (seed ${seeds[0]}): acc ${fmt(cv.accuracy)}  macro-F1 ${fmt(cv.macroF1)}`,
    );
  }
}
