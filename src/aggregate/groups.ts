import { addValue, emptyMean, type MeanAccumulator, mergeMean } from './stats.js';

/** Sums for one municipality and period. Every field merges by addition (sharded runs combine). */
export interface GroupSums {
  articles: number;
  words: number;
  tone: MeanAccumulator;
  targetTone: MeanAccumulator;
  labels: { negative: number; neutral: number; positive: number };
  topics: Record<string, number>;
}

export const emptyGroup = (): GroupSums => ({
  articles: 0,
  words: 0,
  tone: emptyMean(),
  targetTone: emptyMean(),
  labels: { negative: 0, neutral: 0, positive: 0 },
  topics: {},
});

export function addArticle(
  g: GroupSums,
  a: {
    words: number;
    tone: number;
    targetTone: number | null;
    label: keyof GroupSums['labels'];
    topic: string | null;
  },
): void {
  g.articles += 1;
  g.words += a.words;
  addValue(g.tone, a.tone);
  if (a.targetTone !== null) addValue(g.targetTone, a.targetTone);
  g.labels[a.label] += 1;
  if (a.topic) g.topics[a.topic] = (g.topics[a.topic] ?? 0) + 1;
}

export function mergeGroup(into: GroupSums, from: GroupSums): void {
  into.articles += from.articles;
  into.words += from.words;
  mergeMean(into.tone, from.tone);
  mergeMean(into.targetTone, from.targetTone);
  into.labels.negative += from.labels.negative;
  into.labels.neutral += from.labels.neutral;
  into.labels.positive += from.labels.positive;
  for (const [k, v] of Object.entries(from.topics)) into.topics[k] = (into.topics[k] ?? 0) + v;
}
