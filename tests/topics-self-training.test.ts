import { describe, expect, it } from 'vitest';
import {
  type FittedWeights,
  predictTopic,
  pseudoLabels,
  type TopicSample,
  trainTopicClassifier,
} from '../src/score/topics/classifier.js';
import { seededRandom } from '../src/score/topics/random.js';
import type { SparseVector } from '../src/score/topics/sparse.js';
import { trainLinearSvm } from '../src/score/topics/svm.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const vec = (pairs: [number, number][]): SparseVector => ({
  idx: Int32Array.from(pairs, ([i]) => i),
  val: Float32Array.from(pairs, ([, v]) => v),
});

describe('pseudoLabels', () => {
  // Two labels scored by one feature each: the margin of `a` is x0, of `b` is x1.
  const fitted: FittedWeights = {
    labels: ['a', 'b'],
    weights: [Float64Array.from([1, 0]), Float64Array.from([0, 1])],
    bias: [0, 0],
  };
  const unlabeled = [
    vec([[0, 0.9]]),
    vec([[0, 0.5]]),
    vec([[0, 0.7]]),
    vec([[0, 0.2]]),
    vec([[1, 0.3]]),
    vec([[1, 0.8]]),
  ];

  it('fills each label quota from its most confident predictions, in proportion to the coded sample', () => {
    // Coded sample: half a, half b. Quota per label in round 1 of 2: ceil(0.5 * 6 * 1/2) = 2.
    const round1 = pseudoLabels(fitted, ['a', 'b'], unlabeled, 1, 2, 7);
    expect(round1).toEqual([
      [0, 'a'],
      [2, 'a'],
      [4, 'b'],
      [5, 'b'],
    ]);
    // Last round: quota 3 each, but only two articles are predicted b.
    const round2 = pseudoLabels(fitted, ['a', 'b'], unlabeled, 2, 2, 7);
    expect(round2.filter(([, l]) => l === 'a').map(([i]) => i)).toEqual([0, 1, 2]);
    expect(round2.filter(([, l]) => l === 'b').map(([i]) => i)).toEqual([4, 5]);
  });

  it('keeps the label mix of the coded sample: a rare label gets a small quota', () => {
    const picked = pseudoLabels(fitted, ['a', 'a', 'a', 'a', 'a', 'b'], unlabeled, 1, 1, 7);
    // b: ceil(1/6 * 6) = 1, the more confident of its two.
    expect(picked.filter(([, l]) => l === 'b')).toEqual([[5, 'b']]);
  });
});

describe('trainLinearSvm sample weights', () => {
  it('ignores an example of weight 0 and leans towards heavier examples', () => {
    const x = [vec([[0, 1]]), vec([[0, -1]]), vec([[0, 0.1]])];
    const y = Int8Array.from([1, -1, -1]);
    const opts = { costPositive: 1, costNegative: 1, bias: 1, maxIter: 200, tolerance: 1e-4 };
    const plain = trainLinearSvm(x.slice(0, 2), y.slice(0, 2), 1, opts, seededRandom(1));
    const zero = trainLinearSvm(
      x,
      y,
      1,
      { ...opts, sampleWeight: Float64Array.from([1, 1, 0]) },
      seededRandom(1),
    );
    expect(zero.w[0]).toBeCloseTo(plain.w[0] as number, 6);
    expect(zero.b).toBeCloseTo(plain.b, 6);
    const heavy = trainLinearSvm(
      x,
      y,
      1,
      { ...opts, sampleWeight: Float64Array.from([1, 1, 5]) },
      seededRandom(1),
    );
    // The heavy negative example at 0.1 pushes the boundary to the right.
    expect(-heavy.b / (heavy.w[0] as number)).toBeGreaterThan(-plain.b / (plain.w[0] as number));
  });
});

/** Council and club news; the coded sample never uses the words the uncoded articles are linked by. */
const coded: Array<[string, string]> = [
  ['Sport', 'Der Trainer des SV lobt die Mannschaft nach dem Sieg im Derby.'],
  ['Sport', 'Die Mannschaft verliert, der Trainer kritisiert die Abwehr.'],
  ['Sport', 'Nach dem Derby feiert die Mannschaft ihren Trainer.'],
  ['Politik', 'Der Stadtrat beschließt den Haushalt, die Fraktionen streiten über Steuern.'],
  ['Politik', 'Die Fraktionen im Stadtrat lehnen höhere Steuern ab.'],
  ['Politik', 'Im Stadtrat legen die Fraktionen ihre Anträge zum Haushalt vor.'],
];
const uncoded: Array<[string, string]> = [
  // Bridges: known words together with new ones (Elfmeter, Abseits / Bürgermeisterin, Ratssitzung).
  ['Sport', 'Der Trainer ärgert sich über den Elfmeter und das Abseits, die Mannschaft hadert.'],
  ['Sport', 'Elfmeter und Abseits: die Mannschaft und ihr Trainer diskutieren lange.'],
  ['Politik', 'Die Bürgermeisterin eröffnet die Ratssitzung, die Fraktionen im Stadtrat hören zu.'],
  ['Politik', 'In der Ratssitzung verteidigt die Bürgermeisterin den Haushalt vor dem Stadtrat.'],
  // Only new words: the coded sample alone has no feature for these.
  ['Sport', 'Abseits, dann Elfmeter.'],
  ['Politik', 'Bürgermeisterin vertagt Ratssitzung.'],
];

describe('self-training over the uncoded articles', () => {
  const samples: TopicSample[] = coded.map(([label, text], i) => ({
    id: `c${i}`,
    label,
    sentences: tokenizeGerman(text),
  }));
  const rest = uncoded.map(([, text]) => tokenizeGerman(text));
  // Char n-grams and news fields off so that only whole words link the articles.
  const opts = { charMin: 0, charMax: 0, bigrams: false, minDf: 1, fieldViews: 'none' as const };

  it('codes articles whose words only the uncoded articles connect to a label', () => {
    const model = trainTopicClassifier(samples, opts, { unlabeled: rest });
    const labels = rest.map((sentences) => predictTopic(model, sentences).label);
    expect(labels).toEqual(uncoded.map(([label]) => label));
    expect(model.views[0]?.options.temperature).toBe(model.options.selfTrainedTemperature);
  });

  it('without self-training those articles get no evidence either way', () => {
    const model = trainTopicClassifier(samples, { ...opts, selfTrainingRounds: 0 }, { unlabeled: rest });
    const onlyNew = rest.slice(4).map((sentences) => predictTopic(model, sentences));
    // The same scores for both: nothing in them is known to the model.
    expect(onlyNew[0]?.scores).toEqual(onlyNew[1]?.scores);
    expect(model.views[0]?.options.temperature).toBe(7);
  });

  it('a model trained without uncoded articles keeps the plain temperature', () => {
    expect(trainTopicClassifier(samples, opts).views[0]?.options.temperature).toBe(7);
  });
});

describe('pseudoLabels cap', () => {
  it('shrinks the quotas in proportion when there are more uncoded articles than the cap', () => {
    const fitted: FittedWeights = {
      labels: ['a', 'b'],
      weights: [Float64Array.from([1, 0]), Float64Array.from([0, 1])],
      bias: [0, 0],
    };
    const many = Array.from({ length: 40 }, (_, i) => vec([[i % 2, 0.1 + i / 100]]));
    const picked = pseudoLabels(fitted, ['a', 'b'], many, 1, 1, 7, 10);
    expect(picked).toHaveLength(10);
    expect(picked.filter(([, l]) => l === 'a')).toHaveLength(5);
    // The most confident of each label: the highest values come last in `many`.
    expect(picked.map(([i]) => i)).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39]);
  });
});
