import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectLexiconFormat,
  loadToneLexicon,
  parseLexicon,
  parseWeight,
  scoreTargetTone,
  scoreTone,
  type ToneOptions,
} from '../src/score/tone/index.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const lexicon = loadToneLexicon({ builtin: true, files: [] });
const opts: ToneOptions = { neutralBand: [-0.05, 0.05] };
const tone = (text: string, o: ToneOptions = opts) => scoreTone(tokenizeGerman(text), lexicon, o);

describe('scoreTone', () => {
  it('labels a clearly negative article negative and names the deciding words', () => {
    const r = tone(
      'Bei einem Brandanschlag auf die Unterkunft wurden in der Nacht drei Menschen schwer verletzt. ' +
        'Die Polizei nahm zwei Tatverdächtige fest. Anwohner reagierten mit Angst und Wut auf die Gewalt.',
    );
    expect(r.label).toBe('negative');
    expect(r.tone).toBeLessThan(-0.3);
    expect(r.negative).toBeGreaterThan(r.positive);
    expect(r.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['verletzt', 'Gewalt']));
    expect(r.terms.every((t) => t.weight < 0)).toBe(true);
  });

  it('labels a clearly positive article positive', () => {
    const r = tone(
      'Das Begegnungsfest im Stadtpark war ein großer Erfolg. Die Organisatoren freuen sich über die ' +
        'tolle Stimmung, viele Helfer haben mit Begeisterung mitgemacht. Der Bürgermeister lobte das Engagement.',
    );
    expect(r.label).toBe('positive');
    expect(r.tone).toBeGreaterThan(0.3);
  });

  it('labels a factual report neutral', () => {
    const r = tone('Der Rat tagt am Dienstag um 18 Uhr im Rathaus. Auf der Tagesordnung steht der Haushalt.');
    expect(r.label).toBe('neutral');
    expect(r.polarity).toBeLessThan(0.5);
    expect(r.words).toBe(16);
  });

  it('flips and weakens polar words after a negator', () => {
    const plain = tone('Das Angebot ist gut.');
    const negated = tone('Das Angebot ist nicht gut.');
    expect(plain.tone).toBeGreaterThan(0);
    expect(negated.tone).toBeLessThan(0);
    expect(Math.abs(negated.tone)).toBeLessThan(Math.abs(plain.tone));
    expect(tone('Das ist kein Problem.').tone).toBeGreaterThanOrEqual(0);
    expect(tone('Das ist ein Problem.').tone).toBeLessThan(0);
  });

  it('ends the negation scope at clause punctuation and after the scope length', () => {
    expect(tone('Nicht heute, aber das Fest war gut.').tone).toBeGreaterThan(0);
    const far = tone('Wir haben nicht mit so vielen Leuten gerechnet, gut.', { ...opts, scope: 2 });
    expect(far.tone).toBeGreaterThan(0);
  });

  it('lets a clause-final negator negate the polar words before it', () => {
    expect(tone('Das Konzept überzeugt.').tone).toBeGreaterThan(0);
    expect(tone('Das Konzept überzeugt nicht.').tone).toBeLessThan(0);
    expect(tone('Das Konzept überzeugt nicht.', { ...opts, postNegation: false }).tone).toBeGreaterThan(0);
  });

  it('weighs the clause after a contrast word more when contrast is on', () => {
    const text = 'Das Essen war schlecht, aber die Stimmung war großartig.';
    const off = tone(text, { ...opts, contrast: 0 });
    const on = tone(text, { ...opts, contrast: 0.5 });
    expect(on.tone).toBeGreaterThan(off.tone);
    expect(on.terms.find((t) => t.term === 'schlecht')?.weight).toBeGreaterThan(
      off.terms.find((t) => t.term === 'schlecht')?.weight ?? 0,
    );
  });

  it('negates within weder … noch', () => {
    expect(tone('Die Lage ist weder gut noch erfreulich.').tone).toBeLessThan(0);
  });

  it('scales with intensifiers and softeners', () => {
    const base = tone('Die Lage ist schwierig.').negative;
    expect(tone('Die Lage ist sehr schwierig.').negative).toBeGreaterThan(base);
    expect(tone('Die Lage ist etwas schwierig.').negative).toBeLessThan(base);
  });

  it('keeps tone comparable across lengths: neutral padding does not change it', () => {
    const short = tone('Die Helfer freuen sich.');
    const long = tone(
      'Die Helfer freuen sich. Der Bus fährt um acht Uhr ab. Die Halle liegt an der Hauptstraße. Der Termin steht.',
    );
    expect(long.tone).toBeCloseTo(short.tone, 5);
    expect(long.positive).toBeLessThan(short.positive);
  });

  it('tells nouns from other words by capitalization', () => {
    expect(tone('Die Gefahren des Winters sind bekannt.').tone).toBeLessThan(0);
    expect(tone('Wir sind gestern mit dem Bus nach Hause gefahren.').terms).toEqual([]);
    expect(tone('Der Helfer hob den Arm und winkte.').terms.map((t) => t.term)).not.toContain('Arm');
    expect(tone('Die Familie ist arm und braucht Hilfe.').terms.map((t) => t.term)).toContain('arm');
    // At the start of a sentence or in headlines the case says nothing: either reading counts.
    expect(tone('Gefahren drohen überall.').tone).toBeLessThan(0);
    expect(tone('Die Gefahren sind bekannt.', { ...opts, caseSensitive: false }).tone).toBeLessThan(0);
  });

  it("matches inflected forms of the project's base forms", () => {
    const r = tone('Die Gruppe zeigte eine herausragende Leistung.');
    expect(r.terms.map((t) => t.term)).toContain('herausragende');
    expect(r.label).toBe('positive');
    const off = tone('Die Gruppe zeigte eine herausragende Leistung.', { ...opts, inflectionFallback: 0 });
    expect(off.terms.map((t) => t.term)).not.toContain('herausragende');
    // Endings are stripped only down to a listed base form of at least five letters.
    expect(tone('Die Kosten sind hoch.').terms).toEqual([]);
  });

  it('weakens polar words in hypothetical or reported clauses', () => {
    const plain = tone('Der Plan ist ein Erfolg.');
    const hedged = tone('Der Plan soll ein Erfolg sein.');
    expect(hedged.positive).toBeGreaterThan(0);
    expect(hedged.positive).toBeLessThan(plain.positive);
    const off = tone('Der Plan soll ein Erfolg sein.', { ...opts, hedgeFactor: 1 });
    expect(off.terms[0]?.weight).toBe(plain.terms[0]?.weight);
  });

  it('can weigh negated negative words apart from negated positive ones', () => {
    const weak = tone('Das ist kein Problem.', { ...opts, negatedNegativeFactor: 0.2 });
    const strong = tone('Das ist kein Problem.', { ...opts, negatedNegativeFactor: 0.8 });
    expect(weak.positive).toBeGreaterThan(0);
    expect(strong.positive).toBeGreaterThan(weak.positive);
    expect(tone('Das ist nicht gut.', { ...opts, negatedNegativeFactor: 0.2 }).tone).toBeLessThan(0);
  });

  it('scores news phrases as a whole', () => {
    const r = tone('Der Landrat ist mit seinen Plänen in die Kritik geraten.');
    expect(r.terms.map((t) => t.term)).toContain('in die Kritik geraten');
    expect(r.label).toBe('negative');
    expect(tone('Für die Helfer gab es Grund zur Freude.').label).toBe('positive');
  });

  it('uses the neutral band for labels', () => {
    const r = tone('Die Helfer freuen sich.', { neutralBand: [-0.9, 0.9] });
    expect(r.label).toBe('neutral');
  });
});

describe('scoreTargetTone', () => {
  it('scores only the selected sentences and returns null without any', () => {
    const sentences = tokenizeGerman('Die Geflüchteten freuen sich über die Hilfe. Der Unfall war schlimm.');
    expect(scoreTargetTone(sentences, [0], lexicon, opts)?.label).toBe('positive');
    expect(scoreTargetTone(sentences, [1], lexicon, opts)?.label).toBe('negative');
    expect(scoreTargetTone(sentences, [], lexicon, opts)).toBeNull();
    expect(scoreTargetTone(sentences, [7], lexicon, opts)).toBeNull();
  });
});

describe('loadToneLexicon', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tone-'));

  it('reads SentiWS files and lets them override the built-in lexicon', () => {
    const f = path.join(dir, 'eigene.txt');
    writeFileSync(f, 'Willkommenskultur|NN\t0.6\tWillkommenskulturen\nHalle|NN\t-0.4\tHallen\n');
    expect(detectLexiconFormat('Willkommenskultur|NN\t0.6\t')).toBe('sentiws');
    const lex = loadToneLexicon({ builtin: true, files: [f] });
    const r = scoreTone(tokenizeGerman('Die Willkommenskultur in den Hallen.'), lex, opts);
    expect(r.terms).toEqual(
      expect.arrayContaining([
        { term: 'Willkommenskultur', weight: 0.6 },
        { term: 'Hallen', weight: -0.4 },
      ]),
    );
  });

  it('finds plain words, globs and phrases of a user lexicon: longest first, a plain word before a glob', () => {
    const f = path.join(dir, 'globs.tsv');
    writeFileSync(f, 'krise*\t-0.5\nkrisenfest\t0.4\ntisch\t-0.3\nrunder tisch\t0.6\n');
    const lex = loadToneLexicon({ builtin: false, files: [f] });
    const terms = (text: string) => scoreTone(tokenizeGerman(text), lex, opts).terms;
    // The listed word beats the glob that also matches it; an unlisted word takes the glob.
    expect(terms('Der Betrieb ist krisenfest.')).toEqual([{ term: 'krisenfest', weight: 0.4 }]);
    expect(terms('Der Krisengipfel tagte.')).toEqual([{ term: 'Krisengipfel', weight: -0.5 }]);
    // The phrase beats the single word it starts with; the word alone still counts.
    expect(terms('Ein Runder Tisch zur Unterbringung.')).toEqual([{ term: 'Runder Tisch', weight: 0.6 }]);
    expect(terms('Der Tisch wackelt.')).toEqual([{ term: 'Tisch', weight: -0.3 }]);
  });

  it('counts only words: a punctuation mark a user lexicon lists is no tone term', () => {
    const f = path.join(dir, 'zeichen.tsv');
    writeFileSync(f, '!\t-0.5\nskandal\t-0.8\n');
    const lex = loadToneLexicon({ builtin: false, files: [f] });
    const terms = (text: string) => scoreTone(tokenizeGerman(text), lex, opts).terms;
    // Twice in one text: the second `!` is weighed from the per-word-form memo.
    expect(terms('Ein Skandal! Wirklich ein Skandal!')).toEqual([
      { term: 'Skandal', weight: -0.8 },
      { term: 'Skandal', weight: -0.8 },
    ]);
  });

  it("reads Rauh's format with negated bigrams", () => {
    const f = path.join(dir, 'rauh.csv');
    writeFileSync(f, 'feature,sentiment\ngut,1\nnicht gut,-1\nschlimm,-1\nnicht schlimm,1\n');
    expect(detectLexiconFormat('feature,sentiment\ngut,1\n')).toBe('rauh');
    const lex = loadToneLexicon({ builtin: false, files: [f] });
    expect(scoreTone(tokenizeGerman('Das ist nicht schlimm.'), lex, opts).terms).toEqual([
      { term: 'nicht schlimm', weight: 1 },
    ]);
    expect(scoreTone(tokenizeGerman('Das ist nicht gut.'), lex, opts).tone).toBeLessThan(-0.4);
    const tsv = path.join(dir, 'rauh.tsv');
    writeFileSync(tsv, 'feature\tsentiment\nerfreulich\tpositive\nNOT_erfreulich\tnegative\n');
    const lex2 = loadToneLexicon({ builtin: false, files: [tsv] });
    expect(scoreTone(tokenizeGerman('Sehr erfreulich!'), lex2, opts).label).toBe('positive');
  });

  it('reads decimal commas and tells which lines of each format it skips', () => {
    expect(parseWeight('-0,35')).toBeCloseTo(-0.35, 9);
    expect(parseWeight(' 0.2 ')).toBeCloseTo(0.2, 9);
    expect(parseWeight(',5')).toBeCloseTo(0.5, 9);
    for (const bad of ['', '1,000,5', 'stark', undefined]) expect(parseWeight(bad)).toBeNaN();
    const skippedOf = (text: string): { terms: string[]; lines: string[] } => {
      const lines: string[] = [];
      const entries = parseLexicon(text, (line, why) => lines.push(`${line}: ${why}`));
      return { terms: entries.map(([term]) => term), lines };
    };
    const sentiws = skippedOf(
      '# eigene Wörter\nHilfsbereit|ADJX\t0,45\nHetze|NN\t\nKrawall|NN\t-0.5\tKrawalle\n',
    );
    expect(sentiws.terms).toEqual(['Hilfsbereit', 'Krawall', 'Krawalle']);
    expect(sentiws.lines).toEqual(['3: no weight after the word']);
    const rauh = skippedOf('feature;sentiment\ngut;1\nschlimm;sehr\n;positive\nnicht gut;-1\n');
    expect(rauh.terms).toEqual(['gut', 'nicht gut']);
    expect(rauh.lines).toEqual([
      '3: sentiment "sehr" is neither a number nor positive/negative',
      '4: no feature',
    ]);
    const plain = skippedOf('Willkommenskultur\t0.6\nÜberforderung\n');
    expect(plain.terms).toEqual(['Willkommenskultur']);
    expect(plain.lines).toEqual(['2: no weight after the word']);
  });

  it('rejects a file without entries', () => {
    const f = path.join(dir, 'leer.txt');
    writeFileSync(f, '# nichts\n');
    expect(() => loadToneLexicon({ builtin: false, files: [f] })).toThrow(/no entries/);
  });
});
