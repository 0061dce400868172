import { describe, expect, it } from 'vitest';
import {
  chiSquare1P,
  createKeyness,
  erfc,
  isKeynessTerm,
  logLikelihood,
  logRatio,
} from '../src/aggregate/keyness.js';
import type { Token } from '../src/records.js';

const STOP = new Set([
  'die',
  'der',
  'das',
  'und',
  'in',
  'im',
  'ist',
  'wird',
  'als',
  'über',
  'eine',
  'mit',
  'den',
  'zum',
  'nach',
  'auf',
  'beim',
]);

/** Hand-made tokens: split on spaces, punctuation marked, a few stopwords. */
function tokens(text: string): Token[] {
  return text.split(' ').map((w) => {
    const word = /[\p{L}\p{N}]/u.test(w);
    const norm = w.toLowerCase();
    return { text: w, norm, stem: norm, stop: !word || STOP.has(norm), word };
  });
}

const repeat = (text: string, n: number): Token[][] => Array.from({ length: n }, () => tokens(text));

describe('log-likelihood and log ratio', () => {
  it('match a 2×2 table worked out by hand', () => {
    // 12 of 1000 words in Altena, 6 of 3000 words elsewhere.
    // Expected: E11 = 1000·18/4000 = 4.5, E12 = 13.5, E21 = 995.5, E22 = 2986.5;
    // G² = 2·(12 ln(12/4.5) + 6 ln(6/13.5) + 988 ln(988/995.5) + 2994 ln(2994/2986.5)) ≈ 13.8842.
    expect(logLikelihood(12, 1000, 6, 3000)).toBeCloseTo(13.884205, 5);
    // Relative frequencies 0.012 and 0.002: ratio 6, log2 6 ≈ 2.585.
    expect(logRatio(12, 1000, 6, 3000)).toBeCloseTo(Math.log2(6), 10);
    // The same table the other way round is under-use: same size, negative sign.
    expect(logLikelihood(6, 3000, 12, 1000)).toBeCloseTo(-13.884205, 5);
    expect(logRatio(6, 3000, 12, 1000)).toBeCloseTo(-Math.log2(6), 10);
  });

  it('replaces a zero count by 0.5 in the log ratio', () => {
    // 3 of 100 against 0 of 400: log2((3/100) / (0.5/400)) = log2(24).
    expect(logRatio(3, 100, 0, 400)).toBeCloseTo(Math.log2(24), 10);
    expect(Number.isFinite(logLikelihood(3, 100, 0, 400))).toBe(true);
  });

  it('gives chi-square p-values with one degree of freedom', () => {
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 12);
    expect(erfc(2)).toBeCloseTo(0.004677734981047265, 12);
    expect(erfc(5) / 1.5374597944280351e-12).toBeCloseTo(1, 6);
    // 3.841 is the 5% critical value, 6.635 the 1% one.
    expect(chiSquare1P(3.841459)).toBeCloseTo(0.05, 5);
    expect(chiSquare1P(6.634897)).toBeCloseTo(0.01, 5);
    expect(chiSquare1P(13.884205192663307)).toBeCloseTo(0.00019442555224398594, 9);
    expect(chiSquare1P(0)).toBe(1);
  });
});

describe('keyness table', () => {
  it('counts content words only: no stopwords, numbers, punctuation or short tokens', () => {
    const kept = tokens('Die 120 Geflüchteten ziehen im Mai in die Turnhalle , ok ? G20-Gipfel')
      .filter(isKeynessTerm)
      .map((t) => t.norm);
    expect(kept).toEqual(['geflüchteten', 'ziehen', 'mai', 'turnhalle']);
  });

  it('reports over-used terms per municipality with counts, rates, G², log ratio and p', () => {
    const k = createKeyness();
    // Altena: the Turnhalle keeps coming up; both places talk about the Unterkunft equally.
    k.add('Altena', repeat('Die Turnhalle wird als Unterkunft genutzt .', 12));
    k.add('Altena', repeat('Die Turnhalle bleibt geschlossen .', 6));
    k.add('Altena', repeat('Der Stadtrat berät über die Kosten .', 12));
    k.add('Dortmund', repeat('Der Stadtrat berät über die Kosten .', 48));
    k.add('Dortmund', repeat('Eine Unterkunft mit Containern entsteht .', 12));
    k.add('Dortmund', repeat('Ehrenamtliche helfen den Familien beim Umzug .', 30));
    const rows = k.rows({ minCount: 5, top: 10 });
    const altena = rows.filter((r) => r[0] === 'Altena');
    expect(altena[0]?.[1]).toBe('turnhalle');
    expect(altena.map((r) => r[1]).sort()).toEqual([
      'bleibt',
      'genutzt',
      'geschlossen',
      'turnhalle',
      'unterkunft',
    ]);
    const [m, term, a, b, per10k, per10kRest, g2, lr, p] = altena[0] ?? [];
    expect([m, term, a, b]).toEqual(['Altena', 'turnhalle', 18, 0]);
    // Word tokens (stopwords included): Altena 12·6 + 6·4 + 12·6 = 168; Dortmund 48·6 + 12·5 + 30·6 = 528.
    expect(per10k).toBeCloseTo((18 / 168) * 10_000, 2);
    expect(per10kRest).toBe(0);
    expect(g2).toBeCloseTo(logLikelihood(18, 168, 0, 528), 3);
    expect(lr).toBeCloseTo(Math.log2(18 / 168 / (0.5 / 528)), 3);
    expect(p as number).toBeLessThan(0.01);
    // The Unterkunft is named in both places, but relatively more often in Altena (12/168 against 12/528).
    const unterkunft = altena.find((r) => r[1] === 'unterkunft');
    expect(unterkunft?.slice(2, 4)).toEqual([12, 12]);
    // The Stadtrat is relatively rarer in Altena (12/168 against 48/528): under-use is not listed.
    expect(altena.some((r) => r[1] === 'stadtrat')).toBe(false);
    // G² is sorted from the largest down.
    const g2s = altena.map((r) => r[6] as number);
    expect([...g2s].sort((x, y) => y - x)).toEqual(g2s);
    // Dortmund's key terms include the helpers; nothing under-used is listed.
    const dortmund = rows.filter((r) => r[0] === 'Dortmund').map((r) => r[1]);
    expect(dortmund).toContain('ehrenamtliche');
    expect(dortmund).not.toContain('turnhalle');
  });

  it('applies minCount and top, and merges shards', () => {
    const whole = createKeyness();
    const a = createKeyness();
    const b = createKeyness();
    const docs: Array<[string, string, number]> = [
      ['Münster', 'Das Begegnungscafé lädt Familien zum Sommerfest ein .', 9],
      ['Münster', 'Die Verwaltung plant neue Wohnungen .', 20],
      ['Bielefeld', 'Die Verwaltung plant neue Wohnungen .', 40],
      ['Bielefeld', 'Polizei ermittelt nach Brandanschlag auf Unterkunft .', 8],
    ];
    docs.forEach(([m, text, n], i) => {
      whole.add(m, repeat(text, n));
      (i % 2 === 0 ? a : b).add(m, repeat(text, n));
    });
    a.merge(b);
    expect(a.rows()).toEqual(whole.rows());
    const top2 = whole.rows({ top: 2 }).filter((r) => r[0] === 'Münster');
    expect(top2).toHaveLength(2);
    // Brandanschlag occurs 8 times in Bielefeld: enough with minCount 5, not with 9.
    expect(whole.rows({ minCount: 9 }).some((r) => r[1] === 'brandanschlag')).toBe(false);
    expect(whole.rows({ minCount: 5 }).some((r) => r[1] === 'brandanschlag')).toBe(true);
  });

  it('hands out the counts of each segment while keeping the totals', () => {
    const k = createKeyness();
    k.add('Münster', repeat('Das Begegnungscafé lädt Familien zum Sommerfest ein .', 2));
    k.add('Bielefeld', repeat('Die Verwaltung plant neue Wohnungen .', 1));
    const first = k.segmentCounts();
    expect(first.get('Münster')).toEqual({
      words: 14,
      terms: new Map([
        ['begegnungscafé', 2],
        ['lädt', 2],
        ['familien', 2],
        ['sommerfest', 2],
        ['ein', 2],
      ]),
    });
    k.add('Münster', repeat('Die Verwaltung plant neue Wohnungen .', 3));
    const second = k.segmentCounts();
    // Only what was added since: Bielefeld added nothing, Münster only the second text.
    expect([...second.keys()]).toEqual(['Münster']);
    expect(second.get('Münster')?.words).toBe(15);
    expect(second.get('Münster')?.terms.get('verwaltung')).toBe(3);
    expect(second.get('Münster')?.terms.has('sommerfest')).toBe(false);
    expect(k.segmentCounts().size).toBe(0);
    // The totals hold both segments.
    expect(k.counts().get('Münster')?.words).toBe(29);
    expect(k.counts().get('Münster')?.terms.get('sommerfest')).toBe(2);
    expect(k.counts().get('Bielefeld')?.terms.get('wohnungen')).toBe(1);
  });

  it('has nothing to compare with a single municipality', () => {
    const k = createKeyness();
    k.add('Nordkirchen', repeat('Die Gemeinde sucht Wohnraum für Geflüchtete .', 20));
    expect(k.rows()).toEqual([]);
  });
});
