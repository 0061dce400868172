import { describe, expect, it } from 'vitest';
import { looseTopics, npmiCoherence } from '../src/explore/coherence.js';
import { nmf } from '../src/explore/nmf.js';
import { municipalityTopicRows, topicTermRows } from '../src/explore/tables.js';
import { exploreTopics, groupTopicTerms } from '../src/explore/topics.js';
import { termMatrix } from '../src/explore/vocabulary.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

/** Three themes of local coverage, each told a few ways; article ids say the theme. */
const TEXTS: Record<string, string[]> = {
  unterkunft: [
    'Die Stadt richtet in der Turnhalle eine Notunterkunft für Flüchtlinge ein. Feldbetten und Decken sind bereits geliefert.',
    'Weitere Flüchtlinge kommen in die Notunterkunft an der Turnhalle. Die Stadt sucht Decken und Feldbetten.',
    'Ehrenamtliche helfen in der Notunterkunft: Flüchtlinge bekommen Decken, die Turnhalle bleibt bis März belegt.',
    'Die Notunterkunft in der Turnhalle ist voll, sagt die Stadt. Für weitere Flüchtlinge werden Container aufgestellt.',
  ],
  fussball: [
    'Der SV gewinnt das Derby mit 3:1. Der Trainer lobt die Abwehr, zwei Tore fallen nach der Pause.',
    'Im Derby trifft der Stürmer doppelt, der Trainer des SV spricht von einem verdienten Sieg und starken Toren.',
    'Nach dem Derby: Der SV steht auf Platz zwei, der Trainer will in der Rückrunde mehr Tore sehen.',
    'Der Trainer wechselt vor dem Derby den Torwart. Der SV braucht Tore, um den Abstieg zu vermeiden.',
  ],
  haushalt: [
    'Der Stadtrat beschließt den Haushalt: Die Kämmerin rechnet mit einem Defizit von vier Millionen Euro.',
    'Im Haushalt fehlen Millionen, warnt die Kämmerin. Der Stadtrat streitet über Steuern und das Defizit.',
    'Die Kämmerin legt dem Stadtrat einen Haushalt mit höheren Steuern vor, um das Defizit zu senken.',
    'Der Stadtrat vertagt den Haushalt. Die Kämmerin sieht ohne höhere Steuern ein Defizit in Millionenhöhe.',
  ],
};

const docs = Object.entries(TEXTS).flatMap(([theme, texts]) =>
  texts.map((text, i) => ({ id: `${theme}-${i + 1}`, sentences: tokenizeGerman(text) })),
);

describe('termMatrix', () => {
  it('keeps stems within the document-frequency limits and weights rows to unit length', () => {
    const m = termMatrix(
      docs.map((d) => d.sentences),
      { minDf: 2, maxDfShare: 0.5, maxTerms: 1000 },
    );
    expect(m.display).toContain('derby');
    // Words of a single article are left out; stopwords never count.
    expect(m.display).not.toContain('rückrunde');
    expect(m.display).not.toContain('der');
    for (const row of m.rows) {
      const norm = Math.sqrt(row.val.reduce((s, v) => s + v * v, 0));
      if (row.idx.length > 0) expect(norm).toBeCloseTo(1, 6);
    }
  });

  it('leaves out function words of quoted English titles but keeps acronyms like IS and IT', () => {
    const texts = [
      'Das Kino am Markt zeigt „The Power of the Dog“ und lädt danach zum Gespräch über Flucht ein.',
      'Im Kino läuft „The Lord of the Rings“, der Erlös geht an die Flüchtlingshilfe.',
      'Die Terrormiliz IS hat nach Angaben der Behörden erneut Dörfer angegriffen.',
      'Der IS bedroht Flüchtlinge im Lager, die IT der Stadt meldet einen Angriff auf Server.',
      'Die IT-Abteilung und die IT der Kreisverwaltung bleiben geschlossen.',
    ];
    const m = termMatrix(
      texts.map((t) => tokenizeGerman(t)),
      { minDf: 2, maxDfShare: 1, maxTerms: 1000 },
    );
    expect(m.display).toContain('kino');
    expect(m.display).not.toContain('the');
    expect(m.display).not.toContain('of');
    expect(m.display).toContain('is');
    expect(m.display).toContain('it');
  });

  it('shows the commonest word form of a stem and keeps only the most widespread stems', () => {
    const m = termMatrix(
      docs.map((d) => d.sentences),
      { minDf: 2, maxDfShare: 1, maxTerms: 3 },
    );
    expect(m.columns).toBe(3);
    // Flüchtlinge occurs in every shelter article; the shown form is a word of the text, not a stem.
    expect(m.display).toContain('flüchtlinge');
  });
});

describe('nmf', () => {
  it('recovers two blocks of a block-structured matrix and lowers the error', () => {
    const rows = [0, 1, 2, 3].map((r) => ({
      idx: Int32Array.from(r < 2 ? [0, 1] : [2, 3]),
      val: Float64Array.from([1, r % 2 === 0 ? 1 : 0.8]),
    }));
    const fit = nmf({ rows, columns: 4 }, { k: 2, seed: 3, maxIter: 500, tolerance: 1e-9 });
    expect(fit.error).toBeLessThan(0.05);
    const topicOf = (r: number) => ((fit.w[r * 2] as number) > (fit.w[r * 2 + 1] as number) ? 0 : 1);
    expect(topicOf(0)).toBe(topicOf(1));
    expect(topicOf(2)).toBe(topicOf(3));
    expect(topicOf(0)).not.toBe(topicOf(2));
    for (const x of [...fit.w, ...fit.h]) expect(x).toBeGreaterThanOrEqual(0);
  });
});

describe('npmiCoherence', () => {
  const rows = (...articles: number[][]) => articles.map((idx) => ({ idx }));

  it('is 1 for terms that always come together, 0 for independent ones, −1 for terms that never meet', () => {
    expect(npmiCoherence(rows([0, 1], [0, 1], [2], [2]), [0, 1])).toBeCloseTo(1, 9);
    // Each in half of the articles, together in a quarter: what chance gives.
    expect(npmiCoherence(rows([0, 1], [0], [1], []), [0, 1])).toBeCloseTo(0, 9);
    expect(npmiCoherence(rows([0], [0], [1], [1]), [0, 1])).toBe(-1);
  });

  it('averages over all pairs and needs two terms and one article', () => {
    // Pairs (0,1): 1, (0,2): −1, (1,2): −1.
    expect(npmiCoherence(rows([0, 1], [0, 1], [2], [2]), [0, 1, 2])).toBeCloseTo(-1 / 3, 9);
    expect(npmiCoherence(rows([0, 1]), [0])).toBeNull();
    expect(npmiCoherence([], [0, 1])).toBeNull();
  });
});

describe('looseTopics', () => {
  it('names topics at or below 0 and those under half the median, never one without a figure', () => {
    const topics = [0.45, 0.5, 0.18, 0.38, -0.05, null, 0.6].map((coherence, i) => ({
      topic: i + 1,
      coherence,
    }));
    // Median of the six figures: (0.38 + 0.45) / 2 = 0.415; half of it 0.2075.
    expect(looseTopics(topics)).toEqual([3, 5]);
    expect(looseTopics([{ topic: 1, coherence: 0.4 }])).toEqual([]);
    expect(looseTopics([{ topic: 1, coherence: null }])).toEqual([]);
  });
});

describe('exploreTopics', () => {
  const options = { k: 3, topTerms: 4, seed: 1, maxDfShare: 0.5 };

  it('finds the three themes: articles of one theme share their main topic', () => {
    const ex = exploreTopics(docs, options);
    expect(ex.topics).toHaveLength(3);
    const mainOf = new Map(ex.articles.map((a) => [a.id, a.main]));
    const themeTopics = Object.keys(TEXTS).map((theme) => {
      const mains = new Set(docs.filter((d) => d.id.startsWith(theme)).map((d) => mainOf.get(d.id)));
      expect(mains.size).toBe(1);
      return [...mains][0];
    });
    expect(new Set(themeTopics).size).toBe(3);
    const termsOf = (id: string) =>
      ex.topics.find((t) => t.topic === mainOf.get(id))?.terms.map((t) => t.term) ?? [];
    expect(termsOf('fussball-1')).toContain('trainer');
    expect(termsOf('haushalt-1')).toContain('defizit');
  });

  it('gives shares that sum to 1 per article, ranks topics by size and term weights by topic', () => {
    const ex = exploreTopics(docs, options);
    for (const a of ex.articles) expect(a.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 6);
    const sizes = ex.topics.map((t) => t.size);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    for (const t of ex.topics) {
      const w = t.terms.map((x) => x.weight);
      expect([...w].sort((a, b) => b - a)).toEqual(w);
    }
  });

  it('scores the top terms of each theme as coherent: they occur in the same articles', () => {
    const ex = exploreTopics(docs, options);
    for (const t of ex.topics) expect(t.coherence).toBeGreaterThan(0.3);
    // Terms drawn one from each theme never share an article.
    const m = termMatrix(
      docs.map((d) => d.sentences),
      { minDf: 2, maxDfShare: 0.5, maxTerms: 5000 },
    );
    const mixed = ['turnhalle', 'derby', 'defizit'].map((w) => m.display.indexOf(w));
    expect(mixed.every((j) => j >= 0)).toBe(true);
    expect(npmiCoherence(m.rows, mixed)).toBe(-1);
  });

  it('is deterministic for a seed', () => {
    const a = exploreTopics(docs, options);
    const b = exploreTopics(docs, options);
    expect(b.topics).toEqual(a.topics);
    expect(b.articles).toEqual(a.articles);
  });

  it('handles no articles and articles without usable words', () => {
    expect(exploreTopics([], options).topics).toEqual([]);
    const empty = exploreTopics(
      [{ id: 'leer', sentences: tokenizeGerman('Und oder, aber: die der das.') }],
      options,
    );
    expect(empty.topics).toEqual([]);
    expect(empty.articles).toEqual([{ id: 'leer', weights: [], main: null }]);
  });

  it('tables: one row per topic term, one per municipality and topic with local terms', () => {
    const ex = exploreTopics(docs, options);
    const termRows = topicTermRows(ex);
    expect(termRows).toHaveLength(3 * 4);
    expect(termRows[0]?.slice(0, 2)).toEqual([1, 1]);
    // The shelter and football articles are from Altena, the budget articles have no place.
    const places = docs.map((d) => (d.id.startsWith('haushalt') ? null : 'Altena'));
    const rows = municipalityTopicRows(ex, places, 3, '(ohne Ort)');
    expect(rows.map((r) => r[0])).toEqual([...Array(3).fill('(ohne Ort)'), ...Array(3).fill('Altena')]);
    const budgetTopic = ex.articles.find((a) => a.id === 'haushalt-1')?.main;
    const noPlaceBudget = rows.find((r) => r[0] === '(ohne Ort)' && r[1] === budgetTopic);
    expect(noPlaceBudget?.[2]).toBe(4);
    expect(Number(noPlaceBudget?.[3])).toBeGreaterThan(0.5);
    const altenaShares = rows.filter((r) => r[0] === 'Altena').map((r) => Number(r[3]));
    expect(altenaShares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 3);
    const rowsOfBudget = docs.map((d, r) => (d.id.startsWith('haushalt') ? r : -1)).filter((r) => r >= 0);
    expect(groupTopicTerms(ex, rowsOfBudget, budgetTopic as number, 5)).toContain('defizit');
  });
});
