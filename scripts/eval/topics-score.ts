import { seededRandom, shuffled } from '../../src/score/topics/random.js';
import { classificationScores } from '../../src/validate/metrics.js';

/** Indexes of the coded (train) and uncoded (test) part of a stratified split. */
export interface Split {
  coded: number[];
  uncoded: number[];
}

/**
 * Deterministic stratified split: in each label, a seeded shuffle, then the first round(share * n) items
 * (at least one, at most n - 1 when n > 1) are coded.
 */
export function stratifiedSplit(labels: readonly string[], share: number, seed: number): Split {
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => {
    byLabel.set(label, [...(byLabel.get(label) ?? []), i]);
  });
  const coded: number[] = [];
  const uncoded: number[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const items = shuffled(byLabel.get(label) as number[], random);
    const take =
      items.length > 1 ? Math.min(items.length - 1, Math.max(1, Math.round(share * items.length))) : 1;
    coded.push(...items.slice(0, take));
    uncoded.push(...items.slice(take));
  }
  return { coded: coded.sort((a, b) => a - b), uncoded: uncoded.sort((a, b) => a - b) };
}

export interface SplitScore {
  accuracy: number;
  macroF1: number;
  perClassF1: Record<string, number>;
}

export function scoreSplit(gold: readonly string[], predicted: readonly (string | null)[]): SplitScore {
  const s = classificationScores(gold, predicted);
  const perClassF1: Record<string, number> = {};
  for (const c of s.perCategory) perClassF1[c.category] = c.f1;
  return { accuracy: s.accuracy, macroF1: s.macroF1, perClassF1 };
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function fmt(x: number): string {
  return x.toFixed(3);
}
