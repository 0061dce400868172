import { describe, expect, it } from 'vitest';
import {
  agreementReport,
  classificationScores,
  krippendorffAlpha,
  methodsParagraph,
} from '../src/validate/index.js';

const TONE = ['negative', 'neutral', 'positive'];

describe('krippendorffAlpha', () => {
  it('is 1 for perfect agreement at both levels', () => {
    const units: Array<[string, string]> = [
      ['wohnen', 'wohnen'],
      ['arbeit', 'arbeit'],
      ['protest', 'protest'],
      ['wohnen', 'wohnen'],
    ];
    expect(krippendorffAlpha(units, 'nominal')).toBe(1);
    const tone: Array<[string, string]> = [
      ['negative', 'negative'],
      ['positive', 'positive'],
      ['neutral', 'neutral'],
    ];
    expect(krippendorffAlpha(tone, 'ordinal', TONE)).toBe(1);
  });

  it('matches a nominal table worked out by hand', () => {
    // Coincidences: o(a,a) = 2, o(a,b) = o(b,a) = 1, o(b,b) = 4; n_a = 3, n_b = 5, n = 8.
    // alpha = 1 - (n - 1) * 2 / (2 * 3 * 5) = 1 - 14 / 30.
    const units: Array<[string, string]> = [
      ['a', 'a'],
      ['a', 'b'],
      ['b', 'b'],
      ['b', 'b'],
    ];
    expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(1 - 14 / 30, 12);
  });

  it('matches the two-coder binary example of the literature (alpha = 0.095)', () => {
    const coderA = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const coderB = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const units = coderA.map((a, i) => [String(a), String(coderB[i])] as [string, string]);
    // n_0 = 14, n_1 = 6, four disagreeing units: 1 - 19 * 8 / (2 * 14 * 6) = 0.0952
    expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(1 - 152 / 168, 12);
    expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(0.095, 3);
  });

  it('matches an ordinal table worked out by hand and punishes far disagreements more', () => {
    // n_neg = 3, n_neu = 3, n_pos = 2, n = 8; one unit (negative, neutral).
    // d(neg,neu) = (3 + 3 - 3)^2 = 9, d(neg,pos) = (8 - 2.5)^2 = 30.25, d(neu,pos) = (5 - 2.5)^2 = 6.25
    // observed: 2 * 9 = 18; expected: 2 * (9 * 9 + 6 * 30.25 + 6 * 6.25) = 600; alpha = 1 - 7 * 18 / 600.
    const near: Array<[string, string]> = [
      ['negative', 'negative'],
      ['neutral', 'neutral'],
      ['positive', 'positive'],
      ['negative', 'neutral'],
    ];
    expect(krippendorffAlpha(near, 'ordinal', TONE)).toBeCloseTo(0.79, 12);
    const far: Array<[string, string]> = [
      ['negative', 'negative'],
      ['neutral', 'neutral'],
      ['positive', 'positive'],
      ['negative', 'positive'],
    ];
    expect(krippendorffAlpha(far, 'ordinal', TONE)).toBeLessThan(krippendorffAlpha(near, 'ordinal', TONE));
    // The nominal level does not see the distance: both tables differ only in which value disagrees.
    expect(krippendorffAlpha(far, 'nominal')).toBeCloseTo(krippendorffAlpha(near, 'nominal'), 12);
  });

  it('is negative for systematic disagreement and undefined without variation', () => {
    const swapped: Array<[string, string]> = [
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'b'],
      ['b', 'a'],
    ];
    expect(krippendorffAlpha(swapped, 'nominal')).toBeLessThan(0);
    expect(
      krippendorffAlpha(
        [
          ['x', 'x'],
          ['x', 'x'],
        ],
        'nominal',
      ),
    ).toBeNaN();
    expect(krippendorffAlpha([['x', 'y']], 'nominal')).toBeNaN();
  });
});

describe('classificationScores', () => {
  it('builds the confusion matrix with hand codes in rows and shows missing codes', () => {
    const s = classificationScores(
      ['wohnen', 'wohnen', 'arbeit', 'arbeit', 'protest'],
      ['wohnen', 'arbeit', 'arbeit', null, 'protest'],
      ['wohnen', 'arbeit', 'protest'],
    );
    expect(s.confusion.labels).toEqual(['wohnen', 'arbeit', 'protest', '(none)']);
    expect(s.confusion.matrix).toEqual([
      [1, 1, 0, 0],
      [0, 1, 0, 1],
      [0, 0, 1, 0],
      [0, 0, 0, 0],
    ]);
    expect(s.accuracy).toBeCloseTo(3 / 5, 12);
    const arbeit = s.perCategory.find((c) => c.category === 'arbeit');
    expect(arbeit).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    // wohnen: P = 1, R = 0.5, F1 = 2/3; protest: 1; macro = (2/3 + 1/2 + 1) / 3
    expect(s.macroF1).toBeCloseTo((2 / 3 + 0.5 + 1) / 3, 12);
  });
});

describe('agreementReport', () => {
  const hand = ['negative', 'neutral', 'positive', 'neutral', 'negative', 'positive', 'neutral', 'neutral'];
  const auto = ['negative', 'neutral', 'neutral', 'neutral', 'negative', 'positive', 'negative', 'neutral'];
  const pairs = hand.map((h, i) => ({ id: `a${i}`, hand: h, auto: auto[i] ?? null }));

  it('reports accuracy, F1, confusion, alpha and a bootstrap interval around it', () => {
    const r = agreementReport(pairs, { level: 'ordinal', order: TONE, bootstrap: 500, seed: 4 });
    expect(r.n).toBe(8);
    expect(r.accuracy).toBeCloseTo(6 / 8, 12);
    expect(r.confusion.labels).toEqual(TONE);
    expect(r.perCategory.map((c) => c.category)).toEqual(TONE);
    expect(r.alpha).toBeCloseTo(
      krippendorffAlpha(
        pairs.map((p) => [p.auto as string, p.hand]),
        'ordinal',
        TONE,
      ),
      12,
    );
    expect(r.alphaCI[0]).toBeLessThanOrEqual(r.alpha);
    expect(r.alphaCI[1]).toBeGreaterThanOrEqual(r.alpha);
    expect(r.alphaCI[1]).toBeLessThanOrEqual(1);
    expect(r.alphaCI[0]).toBeLessThan(r.alphaCI[1]);
  });

  it('is reproducible for a seed and varies with it', () => {
    const a = agreementReport(pairs, { level: 'nominal', bootstrap: 200, seed: 1 });
    const b = agreementReport(pairs, { level: 'nominal', bootstrap: 200, seed: 1 });
    const c = agreementReport(pairs, { level: 'nominal', bootstrap: 200, seed: 2 });
    expect(a.alphaCI).toEqual(b.alphaCI);
    expect(a.alphaCI).not.toEqual(c.alphaCI);
  });

  it('counts items without an automatic code as wrong and leaves them out of alpha', () => {
    const withMissing = [...pairs, { id: 'x', hand: 'positive', auto: null }];
    const r = agreementReport(withMissing, { level: 'nominal', bootstrap: 0 });
    expect(r.n).toBe(9);
    expect(r.uncoded).toBe(1);
    expect(r.accuracy).toBeCloseTo(6 / 9, 12);
    expect(r.alpha).toBeCloseTo(agreementReport(pairs, { level: 'nominal', bootstrap: 0 }).alpha, 12);
    expect(r.alphaCI.every(Number.isNaN)).toBe(true);
  });
});

describe('methodsParagraph', () => {
  it('writes n, accuracy, macro-F1 and alpha with its interval', () => {
    const hand = ['wohnen', 'arbeit', 'protest', 'wohnen', 'arbeit', 'protest', 'wohnen'];
    const auto = ['wohnen', 'arbeit', 'protest', 'arbeit', 'arbeit', 'protest', 'wohnen'];
    const topic = agreementReport(
      hand.map((h, i) => ({ id: String(i), hand: h, auto: auto[i] ?? null })),
      { level: 'nominal', bootstrap: 100 },
    );
    const text = methodsParagraph(topic);
    expect(text).toContain('n = 7');
    expect(text).toContain(`accuracy of ${topic.accuracy.toFixed(2)}`);
    expect(text).toContain(`F1 of ${topic.macroF1.toFixed(2)}`);
    expect(text).toContain(`alpha (nominal) was ${topic.alpha.toFixed(2)}`);
    expect(text).toContain('95% bootstrap CI');
    expect(text).not.toContain('tone');
    const both = methodsParagraph(topic, { ...topic, level: 'ordinal' });
    expect(both).toContain('tone');
    expect(both).toContain('(ordinal)');
    expect(methodsParagraph()).toMatch(/not validated/);
  });
});
