import { describe, expect, it } from 'vitest';
import { addArticle, emptyGroup, mergeGroup } from '../src/aggregate/groups.js';
import { periodOf } from '../src/aggregate/period.js';
import { addValue, emptyMean, meanWithCi, mergeMean } from '../src/aggregate/stats.js';

describe('mean with confidence interval', () => {
  it('matches the textbook t interval', () => {
    const acc = emptyMean();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) addValue(acc, x);
    const { mean, low, high } = meanWithCi(acc);
    expect(mean).toBeCloseTo(5, 10);
    // sample sd = 2.138, se = 0.7559, t(7) = 2.365
    expect(low).toBeCloseTo(5 - 2.365 * 0.75593, 3);
    expect(high).toBeCloseTo(5 + 2.365 * 0.75593, 3);
  });

  it('gives no interval for a single value', () => {
    const acc = emptyMean();
    addValue(acc, 0.3);
    expect(meanWithCi(acc)).toEqual({ mean: 0.3, low: null, high: null });
  });

  it('merges partial sums to the same figures as one pass', () => {
    const values = [0.1, -0.4, 0.25, 0.9, -0.05, 0.0, 0.33];
    const all = emptyMean();
    for (const v of values) addValue(all, v);
    const a = emptyMean();
    const b = emptyMean();
    for (const v of values.slice(0, 3)) addValue(a, v);
    for (const v of values.slice(3)) addValue(b, v);
    mergeMean(a, b);
    expect(a.n).toBe(all.n);
    expect(a.mean).toBeCloseTo(all.mean, 12);
    expect(a.m2).toBeCloseTo(all.m2, 12);
  });

  it('merges whole groups', () => {
    const g1 = emptyGroup();
    const g2 = emptyGroup();
    addArticle(g1, { words: 100, tone: -0.5, targetTone: -0.7, label: 'negative', topic: 'protest' });
    addArticle(g2, { words: 50, tone: 0.2, targetTone: null, label: 'neutral', topic: 'wohnen' });
    mergeGroup(g1, g2);
    expect(g1.articles).toBe(2);
    expect(g1.words).toBe(150);
    expect(g1.labels).toEqual({ negative: 1, neutral: 1, positive: 0 });
    expect(g1.topics).toEqual({ protest: 1, wohnen: 1 });
    expect(g1.targetTone.n).toBe(1);
  });
});

describe('periods', () => {
  it('maps days to month, quarter and year', () => {
    expect(periodOf('2016-03-14', 'month')).toBe('2016-03');
    expect(periodOf('2016-03-14', 'quarter')).toBe('2016-Q1');
    expect(periodOf('2015-10-01', 'quarter')).toBe('2015-Q4');
    expect(periodOf('2015-10-01', 'year')).toBe('2015');
    expect(periodOf(null, 'month')).toBe('(ohne Datum)');
  });
});
