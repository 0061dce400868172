import { describe, expect, it } from 'vitest';
import {
  featureVector,
  fitToneModel,
  loadToneLexicon,
  macroF1,
  modelLabel,
  modelScores,
  parseToneModel,
  scoreTone,
  TONE_FEATURES,
  type ToneModel,
  toneEvidence,
} from '../src/score/tone/index.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const lexicon = loadToneLexicon({ builtin: true, files: [] });
const opts = { neutralBand: [-0.3, 0.09] as [number, number] };
const evidence = (text: string, countDomains = false) =>
  toneEvidence(tokenizeGerman(text), lexicon, { ...opts, countDomains });

describe('tone evidence', () => {
  it('counts negated polar words, questions, quotes and personal statements', () => {
    const e = evidence('„Wir sind nicht zufrieden mit dem Ergebnis“, sagte der Trainer. Ist das gerecht?');
    expect(e.sentences).toBe(2);
    expect(e.negated).toBe(1);
    expect(e.questions).toBe(1);
    expect(e.quoted).toBe(1);
    expect(e.personal).toBe(1);
    expect(e.negQuote).toBeGreaterThan(0);
    expect(e.posCount).toBe(1);
  });

  it('tells polar words in subordinate clauses from those in the main clause', () => {
    const main = evidence('Die Stadt lobt die Helfer, die am Wochenende im Einsatz waren.');
    const sub = evidence('Die Stadt teilte mit, dass sie die Helfer lobt.');
    expect(main.posSub).toBe(0);
    expect(sub.posSub).toBeGreaterThan(0);
    expect(sub.posSub).toBeCloseTo(sub.pos, 5);
  });

  it('counts subject-matter classes only when asked', () => {
    const text = 'Der Trainer lobte die Mannschaft nach dem Spiel in der Bundesliga.';
    expect(evidence(text).domains).toEqual({});
    expect(evidence(text, true).domains.sport).toBeGreaterThanOrEqual(3);
  });

  it('turns evidence into named features, per sentence-sized stretch of text', () => {
    const e = evidence('Das Fest war ein großer Erfolg.');
    const [pos, neg, question] = featureVector(e, ['pos', 'neg', 'question'], 60);
    expect(pos).toBeCloseTo(e.pos, 5);
    expect(neg).toBe(0);
    expect(question).toBe(0);
    // A text of 240 words has four times the length scale of one of 60: its masses count a quarter.
    const long = { ...e, words: 240 };
    expect(featureVector(long, ['pos'], 60)[0]).toBeCloseTo(e.pos / 4, 5);
    expect(() => featureVector(e, ['nonsense'], 60)).toThrow(/unknown tone feature/);
    expect(TONE_FEATURES).toContain('balance');
  });
});

/** A model that says negative for negative mass, positive for positive mass. */
const handModel: ToneModel = {
  features: [
    { name: 'pos', mean: 0, sd: 1 },
    { name: 'neg', mean: 0, sd: 1 },
  ],
  negative: { bias: -0.5, weights: [-2, 3] },
  positive: { bias: -0.5, weights: [3, -2] },
};

describe('label model', () => {
  it('scores classes from standardized features with neutral as reference', () => {
    expect(modelScores(handModel, [0, 0])).toEqual({ negative: -0.5, neutral: 0, positive: -0.5 });
    expect(modelLabel(modelScores(handModel, [0, 0]))).toBe('neutral');
    expect(modelLabel(modelScores(handModel, [0.5, 0]))).toBe('positive');
    expect(modelLabel(modelScores(handModel, [0, 0.5]))).toBe('negative');
  });

  it('rejects a model whose weights do not match its features', () => {
    const bad = { ...handModel, negative: { bias: 0, weights: [1] } };
    expect(() => parseToneModel(JSON.stringify(bad))).toThrow();
    expect(parseToneModel(JSON.stringify(handModel)).features).toHaveLength(2);
  });

  it('decides the label of scoreTone when the lexicon has one, the band otherwise', () => {
    const withModel = { ...lexicon, model: handModel };
    const text = 'Der Auftritt der Schülerband war ein Erfolg.';
    const byModel = scoreTone(tokenizeGerman(text), withModel, { neutralBand: [-0.9, 0.9] });
    expect(byModel.labelBasis).toBe('model');
    expect(byModel.label).toBe('positive');
    const byBand = scoreTone(tokenizeGerman(text), withModel, {
      neutralBand: [-0.9, 0.9],
      labelModel: false,
    });
    expect(byBand.labelBasis).toBe('band');
    expect(byBand.label).toBe('neutral');
    // Explanation does not depend on who decides.
    expect(byModel.terms).toEqual(byBand.terms);
  });

  it('is not shipped: the built-in lexicon labels by the band', () => {
    expect(lexicon.model ?? null).toBeNull();
    expect(scoreTone(tokenizeGerman('Ein Erfolg.'), lexicon, opts).labelBasis).toBe('band');
  });
});

describe('fitting the label model', () => {
  it('learns a separable rule and the signs of its weights', () => {
    // One feature: below -1 negative, above 1 positive, neutral in between (with a little overlap).
    const x: number[][] = [];
    const y: Array<'negative' | 'neutral' | 'positive'> = [];
    for (let i = 0; i < 300; i++) {
      const v = -3 + (6 * i) / 299;
      x.push([v]);
      y.push(v < -1 ? 'negative' : v > 1 ? 'positive' : 'neutral');
    }
    const model = fitToneModel(x, y, ['balance'], { iterations: 1500 });
    expect(model.positive.weights[0]).toBeGreaterThan(0);
    expect(model.negative.weights[0]).toBeLessThan(0);
    const predicted = x.map((r) => modelLabel(modelScores(model, r)));
    expect(macroF1(y, predicted)).toBeGreaterThan(0.9);
  });

  it('computes macro-F1 over the three classes', () => {
    expect(macroF1(['negative', 'neutral', 'positive'], ['negative', 'neutral', 'positive'])).toBe(1);
    // Everything neutral: neutral has 1 right and 2 wrong (F1 2·1 / (2·1 + 2) = 1/2), the others 0.
    expect(macroF1(['negative', 'neutral', 'positive'], ['neutral', 'neutral', 'neutral'])).toBeCloseTo(
      1 / 6,
      5,
    );
  });

  it('refuses labels that do not match the vectors', () => {
    expect(() => fitToneModel([[1]], [], ['pos'])).toThrow();
  });
});
