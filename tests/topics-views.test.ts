import { describe, expect, it } from 'vitest';
import {
  combineViews,
  featureViews,
  predictTopic,
  resolveOptions,
  type TopicModel,
  type TopicSample,
  trainTopicClassifier,
} from '../src/score/topics/classifier.js';
import { crossValidate } from '../src/score/topics/crossval.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const coded: Array<[string, string]> = [
  ['Sport', 'Die Handballerinnen gewinnen das Derby, die Trainerin lobt die Abwehr.'],
  ['Sport', 'Im Pokalspiel trifft der Stürmer zweimal, der Torwart hält einen Elfmeter.'],
  ['Sport', 'Der Schwimmverein feiert drei Titel bei den Landesmeisterschaften im Hallenbad.'],
  ['Sport', 'Nach der Niederlage im Heimspiel steht die Mannschaft auf einem Abstiegsplatz.'],
  ['Wirtschaft', 'Die Sparkasse meldet mehr Gewinn, die Kreditnachfrage der Betriebe bleibt stabil.'],
  ['Wirtschaft', 'Der Zulieferer kündigt Kurzarbeit an, der Umsatz sank um zwölf Prozent.'],
  ['Wirtschaft', 'Die Handwerkskammer beklagt fehlende Fachkräfte und hohe Energiepreise.'],
  ['Wirtschaft', 'An der Börse verliert die Aktie des Maschinenbauers nach der Prognose deutlich.'],
  ['Kultur', 'Das Theater zeigt eine neue Inszenierung, das Ensemble erhält langen Applaus.'],
  ['Kultur', 'Im Museum eröffnet eine Ausstellung mit Gemälden einer jungen Künstlerin.'],
  ['Kultur', 'Der Chor singt in der Stadtkirche, das Orchester begleitet die Sängerinnen.'],
  ['Kultur', 'Die Bibliothek lädt zur Lesung, die Autorin stellt ihren neuen Roman vor.'],
];

const samples: TopicSample[] = coded.map(([label, text], i) => ({
  id: `c${i}`,
  label,
  sentences: tokenizeGerman(text),
}));

describe('featureViews', () => {
  it('splits words and character n-grams into two views by default', () => {
    const views = featureViews(resolveOptions());
    expect(views).toHaveLength(2);
    expect(views[0]).toMatchObject({ charMin: 0, charMax: 0, unigrams: true });
    expect(views[1]).toMatchObject({ unigrams: false, bigrams: false, surface: false, charMin: 3 });
  });

  it('keeps one view when asked for a joint model or when one kind of feature is off', () => {
    expect(featureViews(resolveOptions({ views: 'joint' }))).toHaveLength(1);
    expect(featureViews(resolveOptions({ charMin: 0, charMax: 0 }))).toHaveLength(1);
    expect(featureViews(resolveOptions({ unigrams: false, bigrams: false }))).toHaveLength(1);
  });
});

describe('combineViews', () => {
  it('returns a single view unchanged and an empty list for none', () => {
    expect(combineViews([[0.2, 0.8]])).toEqual([0.2, 0.8]);
    expect(combineViews([])).toEqual([]);
  });

  it('is the normalized geometric mean of the views', () => {
    const p = combineViews([
      [0.5, 0.4, 0.1],
      [0.2, 0.6, 0.2],
    ]);
    const raw = [Math.sqrt(0.5 * 0.2), Math.sqrt(0.4 * 0.6), Math.sqrt(0.1 * 0.2)];
    const sum = raw.reduce((a, b) => a + b, 0);
    p.forEach((v, k) => {
      expect(v).toBeCloseTo((raw[k] as number) / sum, 12);
    });
  });

  it('lets a view that all but rules a label out overturn the other view’s narrow preference', () => {
    const p = combineViews([
      [0.55, 0.45],
      [0.001, 0.999],
    ]);
    expect(p[1]).toBeGreaterThan(p[0] as number);
  });

  it('leaves the ranking of a confident view when the other knows nothing', () => {
    const p = combineViews([
      [1 / 3, 1 / 3, 1 / 3],
      [0.1, 0.7, 0.2],
    ]);
    expect(p.indexOf(Math.max(...p))).toBe(1);
  });
});

describe('a model of two views', () => {
  // News-field pseudo-terms off: these tests are about what each view learns from its own features.
  const model = trainTopicClassifier(samples, { minDf: 1, fieldViews: 'none' });

  it('stores one vocabulary of words and one of character n-grams', () => {
    expect(model.version).toBe(2);
    expect(model.views).toHaveLength(2);
    const [words, chars] = model.views;
    expect(words?.vocabulary.some((t) => t.startsWith('w:'))).toBe(true);
    expect(words?.vocabulary.some((t) => t.startsWith('c:'))).toBe(false);
    expect(chars?.vocabulary.every((t) => t.startsWith('c:'))).toBe(true);
    for (const view of model.views) expect(view.weights).toHaveLength(model.labels.length);
  });

  it('codes an article of unseen compounds through the character view', () => {
    // No stem of this text occurs in the coded sample: the word view scores it like an empty article.
    const sentences = tokenizeGerman('Handballtrainerinnen, Pokalstürmer und Elfmetertorwart.');
    const wordsOnly = trainTopicClassifier(samples, { minDf: 1, charMin: 0, charMax: 0, fieldViews: 'none' });
    expect(predictTopic(wordsOnly, sentences).scores).toEqual(predictTopic(wordsOnly, []).scores);
    expect(predictTopic(model, sentences).label).toBe('Sport');
  });

  it('predicts the same after a JSON round trip', () => {
    const restored = JSON.parse(JSON.stringify(model)) as TopicModel;
    const sentences = tokenizeGerman('Die Ausstellung im Museum und die Lesung der Autorin.');
    expect(predictTopic(restored, sentences)).toEqual(predictTopic(model, sentences));
    expect(predictTopic(restored, sentences).label).toBe('Kultur');
  });

  it('cross-validates with both views', () => {
    const cv = crossValidate(samples, 3, { minDf: 1 });
    expect(Object.keys(cv.perClass).sort()).toEqual(['Kultur', 'Sport', 'Wirtschaft']);
    expect(Object.values(cv.perClass).reduce((s, c) => s + c.support, 0)).toBe(samples.length);
  });
});
