import { describe, expect, it } from 'vitest';
import {
  crossValidate,
  predictTopic,
  stratifiedFolds,
  type TopicModel,
  type TopicSample,
  trainTopicClassifier,
} from '../src/score/topics/index.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

/** Short German articles written for the topic tests: three desks, clearly separable by vocabulary. */
const toyArticles: Array<{ id: string; label: string; text: string }> = [
  {
    id: 's1',
    label: 'Sport',
    text: 'Der SV Altena gewann am Sonntag mit 3:1 gegen Lüdenscheid. Der Stürmer traf zweimal vor der Pause. Der Trainer lobte die Mannschaft für die Abwehrarbeit.',
  },
  {
    id: 's2',
    label: 'Sport',
    text: 'Im Derby trennten sich die beiden Fußballvereine torlos. Der Torwart hielt einen Elfmeter in der Nachspielzeit. Die Fans feierten ihre Mannschaft trotzdem.',
  },
  {
    id: 's3',
    label: 'Sport',
    text: 'Die Handballerinnen stehen nach dem Auswärtssieg an der Tabellenspitze. Die Trainerin sprach von einem verdienten Erfolg. Am Samstag folgt das Spitzenspiel.',
  },
  {
    id: 's4',
    label: 'Sport',
    text: 'Beim Stadtlauf gingen über tausend Läuferinnen und Läufer an den Start. Der Sieger lief die zehn Kilometer in persönlicher Bestzeit. Im Ziel wartete die Siegerehrung.',
  },
  {
    id: 's5',
    label: 'Sport',
    text: 'Der Aufsteiger verlor das Heimspiel nach einem späten Gegentor. Der Trainer haderte mit dem Schiedsrichter. In der Tabelle rutscht die Mannschaft auf einen Abstiegsplatz.',
  },
  {
    id: 's6',
    label: 'Sport',
    text: 'Die Tennisspielerin erreichte das Finale des Turniers. Im Halbfinale gewann sie in drei Sätzen. Das Endspiel wird am Sonntag ausgetragen.',
  },
  {
    id: 'w1',
    label: 'Wirtschaft',
    text: 'Der Autozulieferer meldet einen Umsatzrückgang von zwölf Prozent. Der Vorstand kündigte Kurzarbeit für zwei Werke an. Die Aktie verlor an der Börse deutlich.',
  },
  {
    id: 'w2',
    label: 'Wirtschaft',
    text: 'Die Sparkasse steigerte ihren Gewinn im vergangenen Geschäftsjahr. Die Kreditnachfrage der Unternehmen blieb stabil. Der Vorstand rechnet mit steigenden Zinsen.',
  },
  {
    id: 'w3',
    label: 'Wirtschaft',
    text: 'Die Inflation ist im Oktober erneut gestiegen. Ökonomen erwarten, dass die Zentralbank die Zinsen anhebt. Verbraucher zahlen vor allem für Energie mehr.',
  },
  {
    id: 'w4',
    label: 'Wirtschaft',
    text: 'Der Maschinenbauer übernimmt einen Konkurrenten aus Bayern. Der Kaufpreis liegt bei 80 Millionen Euro. Die Aktionäre müssen der Übernahme noch zustimmen.',
  },
  {
    id: 'w5',
    label: 'Wirtschaft',
    text: 'Der Einzelhandel klagt über sinkende Umsätze in der Innenstadt. Viele Geschäfte kämpfen mit hohen Mieten. Die Handelskammer fordert Entlastung für die Betriebe.',
  },
  {
    id: 'w6',
    label: 'Wirtschaft',
    text: 'Die Exporte der Chemieindustrie sind im dritten Quartal gesunken. Die Unternehmen verweisen auf hohe Energiepreise. Mehrere Konzerne kürzen ihre Investitionen.',
  },
  {
    id: 'k1',
    label: 'Kultur',
    text: 'Das Stadttheater zeigt eine neue Inszenierung von Goethes Faust. Die Regisseurin setzt auf ein sparsames Bühnenbild. Das Premierenpublikum applaudierte lange.',
  },
  {
    id: 'k2',
    label: 'Kultur',
    text: 'Im Museum ist eine Ausstellung mit Gemälden des Expressionismus zu sehen. Die Kuratorin hat Leihgaben aus ganz Europa versammelt. Die Schau läuft bis zum Frühjahr.',
  },
  {
    id: 'k3',
    label: 'Kultur',
    text: 'Die Autorin las in der Stadtbibliothek aus ihrem neuen Roman. Das Buch erzählt von drei Generationen einer Familie. Nach der Lesung signierte sie Bücher.',
  },
  {
    id: 'k4',
    label: 'Kultur',
    text: 'Das Sinfonieorchester spielte Werke von Brahms und Schumann. Der Dirigent führte das Ensemble mit großer Ruhe. Das Konzert war ausverkauft.',
  },
  {
    id: 'k5',
    label: 'Kultur',
    text: 'Der Film des jungen Regisseurs feierte auf dem Festival Premiere. Die Kritik lobte die Bilder und die Musik. Im Kino läuft er ab Donnerstag.',
  },
  {
    id: 'k6',
    label: 'Kultur',
    text: 'Die Band stellte ihr neues Album im Jugendzentrum vor. Die Lieder handeln von Heimat und Aufbruch. Das Publikum sang die Refrains mit.',
  },
];

/** Articles not used for training, for checking what the classifier learned. */
const toyHeldOut: Array<{ id: string; label: string; text: string }> = [
  {
    id: 'hs',
    label: 'Sport',
    text: 'Die Mannschaft gewann das Spiel nach einem Tor in der Nachspielzeit. Der Trainer lobte den Stürmer. In der Tabelle geht es nach oben.',
  },
  {
    id: 'hw',
    label: 'Wirtschaft',
    text: 'Der Konzern meldet steigende Umsätze und einen höheren Gewinn. Die Aktie legte an der Börse zu. Der Vorstand will investieren.',
  },
  {
    id: 'hk',
    label: 'Kultur',
    text: 'Die Ausstellung im Museum zeigt Gemälde einer jungen Künstlerin. Zur Eröffnung spielte ein Orchester. Die Schau ist bis zum Sommer zu sehen.',
  },
];

const samples: TopicSample[] = toyArticles.map((a) => ({
  id: a.id,
  label: a.label,
  sentences: tokenizeGerman(a.text),
}));
const wordsOnly = { charMin: 0, charMax: 0 };

describe('trainTopicClassifier / predictTopic', () => {
  it('learns three desks from a small coded sample and codes unseen articles', () => {
    for (const opts of [{}, wordsOnly]) {
      const model = trainTopicClassifier(samples, opts);
      expect(model.labels).toEqual(['Kultur', 'Sport', 'Wirtschaft']);
      for (const article of toyHeldOut) {
        expect(predictTopic(model, tokenizeGerman(article.text)).label, article.id).toBe(article.label);
      }
    }
  });

  it('reproduces the coded sample it was trained on', () => {
    const model = trainTopicClassifier(samples);
    for (const s of samples) expect(predictTopic(model, s.sentences).label, s.id).toBe(s.label);
  });

  it('gives probabilities that sum to 1 with the confidence of the winning label', () => {
    const model = trainTopicClassifier(samples);
    const p = predictTopic(model, tokenizeGerman(toyHeldOut[0]?.text ?? ''));
    const sum = Object.values(p.scores).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 10);
    expect(p.confidence).toBe(Math.max(...Object.values(p.scores)));
    expect(p.confidence).toBeGreaterThan(1 / 3);
    expect(p.scores[p.label]).toBe(p.confidence);
  });

  it('is deterministic and survives a JSON round trip', () => {
    const a = trainTopicClassifier(samples, { seed: 7 });
    const b = trainTopicClassifier(samples, { seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const restored = JSON.parse(JSON.stringify(a)) as TopicModel;
    for (const article of toyHeldOut) {
      const sentences = tokenizeGerman(article.text);
      expect(predictTopic(restored, sentences)).toEqual(predictTopic(a, sentences));
    }
  });

  it('codes an article without any known word as some label, with low confidence', () => {
    const model = trainTopicClassifier(samples);
    const p = predictTopic(model, tokenizeGerman('Xyzzy qwrtz.'));
    expect(model.labels).toContain(p.label);
    expect(p.confidence).toBeLessThan(0.6);
    expect(predictTopic(model, []).label).toBeDefined();
  });

  it('uses uncoded articles for the vocabulary only', () => {
    const unlabeled = toyHeldOut.map((a) => tokenizeGerman(a.text));
    const model = trainTopicClassifier(samples, wordsOnly, { unlabeled });
    const plain = trainTopicClassifier(samples, wordsOnly);
    expect(model.views[0]?.vocabulary.length).toBeGreaterThan(plain.views[0]?.vocabulary.length ?? 0);
    expect(model.labels).toEqual(plain.labels);
  });

  it('refuses an empty coded sample', () => {
    expect(() => trainTopicClassifier([])).toThrow(/no coded articles/);
  });
});

describe('crossValidate', () => {
  it('gives figures in [0, 1] that are high for a separable corpus', () => {
    const cv = crossValidate(samples, 3);
    expect(cv.accuracy).toBeGreaterThanOrEqual(0.7);
    expect(cv.accuracy).toBeLessThanOrEqual(1);
    expect(cv.macroF1).toBeGreaterThanOrEqual(0.7);
    expect(cv.macroF1).toBeLessThanOrEqual(1);
    expect(Object.keys(cv.perClass).sort()).toEqual(['Kultur', 'Sport', 'Wirtschaft']);
    const support = Object.values(cv.perClass).reduce((s, c) => s + c.support, 0);
    expect(support).toBe(samples.length);
    for (const c of Object.values(cv.perClass)) {
      for (const v of [c.precision, c.recall, c.f1]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is near chance when labels are shuffled against the texts', () => {
    const cycle = ['Sport', 'Wirtschaft', 'Kultur'];
    // Labels assigned in a pattern unrelated to the content: each desk gets two of each kind of text.
    const scrambled = samples.map((s, i) => ({ ...s, label: cycle[Math.floor(i / 2) % 3] as string }));
    const cv = crossValidate(scrambled, 3);
    expect(cv.accuracy).toBeLessThan(0.6);
  });

  it('is deterministic', () => {
    expect(crossValidate(samples, 3, { seed: 3 })).toEqual(crossValidate(samples, 3, { seed: 3 }));
  });
});

describe('stratifiedFolds', () => {
  it('spreads every label evenly over the folds', () => {
    const labels = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'c', 'c'];
    const folds = stratifiedFolds(labels, 2, 5);
    for (const label of ['a', 'b']) {
      const inFold0 = labels.filter((l, i) => l === label && folds[i] === 0).length;
      expect(inFold0).toBe(2);
    }
    expect(folds.filter((f) => f === 0).length).toBe(5);
    expect(stratifiedFolds(labels, 2, 5)).toEqual(folds);
  });
});
