import { describe, expect, it } from 'vitest';
import { encodeTokens, parseTokensLine } from '../src/io/tokens-codec.js';
import type { Token } from '../src/records.js';
import { scoreTone, type ToneOptions } from '../src/score/tone/index.js';
import { tokenizeGerman } from '../src/tokenize/german.js';
import { lexicon, opts } from './tone-helpers.js';

/**
 * Words whose weight depends on where they stand (capitalization tells a noun only inside a
 * sentence), on hyphens, prefixes and suffixes, each form more than once.
 */
const text = [
  'Arm und Reich feiern gemeinsam ein Fest.',
  'Die Stadt ist arm, aber die Hilfe ist groß.',
  'Arm sind viele Familien in der Nordstadt.',
  'Ihm tut der Arm weh.',
  'ARM DRAN sind die Helfer der Tafel.',
  'Gefahren drohen den Kindern nicht.',
  'Die Familien sind nach Dortmund gefahren.',
  'Die Corona-Krise trifft die Tafel, die Mega-Hilfe bleibt aus.',
  'Ein unfreundlicher Empfang im Rathaus.',
  'Der Empfang im Rathaus war unfreundlich.',
  'Gewaltfreie Proteste vor dem Rathaus, der Protest blieb gewaltfrei.',
  'Die Schuldenabbau-Pläne und der Horrorunfall beschäftigen den Stadtrat.',
  'Die Wohnungsnot wächst, die Wohnungsnot ist groß.',
].join(' ');

/** The tokens as tokenize writes them and score reads them back: one token object per word form. */
function throughCodec(sentences: Token[][]): Token[][] {
  return parseTokensLine(encodeTokens({ id: 'memo', sentences }).trimEnd()).sentences;
}

describe('word weights memoized per word form', () => {
  const fresh = tokenizeGerman(text);
  const shared = throughCodec(fresh);

  it('the codec hands out shared tokens (what the memo is keyed by)', () => {
    const all = shared.flat();
    const arm = all.filter((t) => t.norm === 'arm');
    expect(arm.length).toBeGreaterThanOrEqual(3);
    const forms = new Map<string, Set<Token>>();
    for (const t of all) forms.set(t.text, (forms.get(t.text) ?? new Set()).add(t));
    expect([...forms.values()].every((s) => s.size === 1)).toBe(true);
  });

  it('weigh one shared token by where it stands: capitalization tells a noun only inside a sentence', () => {
    const sentences = [
      'Arm sind viele Familien in der Nordstadt.',
      'Ihm tut der Arm weh.',
      'Die Stadt ist arm.',
      'Sie sind Arm in Arm gegangen.',
      'Gefahren drohen den Kindern.',
      'Die Familien sind nach Dortmund gefahren.',
      'Die Kinder sind in Gefahren.',
    ];
    // One document, so `Arm` and `Gefahren` are the same token object wherever they stand.
    const doc = throughCodec(sentences.flatMap((s) => tokenizeGerman(s)));
    const arms = doc.flat().filter((t) => t.text === 'Arm');
    expect(new Set(arms).size).toBe(1);
    const terms = doc.map((s) => scoreTone([s], lexicon, opts).terms);
    expect(terms).toEqual([
      // At the start of a sentence either reading is possible: the adjective's weight counts.
      [{ term: 'Arm', weight: -0.455 }],
      // `der Arm`, `Arm in Arm`: the noun, not poor.
      [],
      [{ term: 'arm', weight: -0.455 }],
      [],
      [
        { term: 'Gefahren', weight: -0.5 },
        { term: 'drohen', weight: -0.35 },
      ],
      // `gefahren`: driven, no danger.
      [],
      [{ term: 'Gefahren', weight: -0.5 }],
    ]);
  });

  it('give the same scores with shared tokens as with tokens built anew, under several settings', () => {
    const settings: ToneOptions[] = [
      opts,
      { ...opts, caseSensitive: false },
      { ...opts, inflectionFallback: 0, hyphenHeads: false },
      { ...opts, affixes: false, stems: true },
      { ...opts, minWeight: 0.05 },
    ];
    for (const o of settings) {
      // Shared tokens first (the memo is filled from them), then tokens built anew for each sentence.
      const viaMemo = scoreTone(shared, lexicon, o);
      const direct = scoreTone(tokenizeGerman(text), lexicon, o);
      expect(viaMemo).toEqual(direct);
      for (let i = 0; i < fresh.length; i++) {
        const one = fresh[i] as Token[];
        expect(scoreTone([shared[i] as Token[]], lexicon, o)).toEqual(scoreTone([one], lexicon, o));
      }
    }
    // The case rules matter here: `Arm` inside a sentence is the noun, at its start either.
    const terms = scoreTone(shared, lexicon, opts).terms.map((t) => t.term);
    expect(terms).toContain('arm');
    expect(terms).toContain('unfreundlich');
  });
});
