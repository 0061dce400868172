import { describe, expect, it } from 'vitest';
import { createKeyness } from '../src/aggregate/keyness.js';
import { contentWords, decodeTokens, encodeTokens, parseTokensLine } from '../src/io/tokens-codec.js';
import type { Token } from '../src/records.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const plain = (sentences: Token[][]) => sentences.map((s) => s.map((t) => ({ ...t })));

describe('tokens.jsonl line format', () => {
  it('round-trips tokenized German news text with abbreviations, gender forms and quotes', () => {
    const text =
      'Die Helfer*innen der Stadt Altena, u. a. Dr. Müller, trafen sich am 3. Oktober 2015.\n\n„Wir schaffen das“, sagte die Bürgermeisterin – bzw. ihr Büro.';
    const sentences = tokenizeGerman(text);
    const line = encodeTokens({ id: 'altena/2015-10-03#1', sentences });
    expect(line.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(line) as { id: string; s: string };
    expect(parsed.id).toBe('altena/2015-10-03#1');
    expect(typeof parsed.s).toBe('string');
    const back = parseTokensLine(line.trimEnd());
    expect(back.id).toBe('altena/2015-10-03#1');
    expect(plain(back.sentences)).toEqual(plain(sentences));
    const helfer = back.sentences.flat().find((t) => t.text === 'Helfer*innen');
    expect(helfer?.norm).toBe('helfer');
    expect(helfer?.word).toBe(true);
  });

  it('keeps tokens unambiguous when a field would contain whitespace or separators', () => {
    const odd: Token = { text: 'a b', norm: 'a\tb', stem: 'x\ny', stop: false, word: true };
    const digit: Token = { text: '2015', norm: '2015', stem: '2015', stop: false, word: true };
    const stop: Token = { text: 'Die', norm: 'die', stem: 'die', stop: true, word: true };
    const punct: Token = { text: ',', norm: ',', stem: ',', stop: true, word: false };
    const back = parseTokensLine(
      encodeTokens({
        id: 'x',
        sentences: [
          [odd, digit],
          [stop, punct],
        ],
      }),
    );
    expect(back.sentences).toHaveLength(2);
    expect(back.sentences[0]?.[0]).toEqual({
      text: 'a\u00a0b',
      norm: 'a\u00a0b',
      stem: 'x\u00a0y',
      stop: false,
      word: true,
    });
    expect(back.sentences[0]?.[1]).toEqual(digit);
    expect(back.sentences[1]).toEqual([stop, punct]);
  });

  it('reads an article without tokens and rejects the old nested-array format with a message', () => {
    expect(decodeTokens({ id: 'leer', s: '' }).sentences).toEqual([]);
    expect(() =>
      decodeTokens({ id: 'alt', s: [[['Haus', 0, 0, 2]]] } as unknown as { id: string; s: string }),
    ).toThrow(/alt: not in the packed format/);
  });

  it('reads word counts and content-word norms straight from the packed string, as from the tokens', () => {
    const text =
      'In Hamminkeln haben Ehrenamtliche 2016 einen Runden Tisch gegründet. Die Flüchtlingshilfe, u. a. von der Caritas getragen, sucht Wohnungen für 120 Geflüchtete.\n\nBürger*innen können sich im Rathaus melden – z. B. montags.';
    const sentences = tokenizeGerman(text);
    const line = JSON.parse(encodeTokens({ id: 'h', sentences })) as { id: string; s: string };
    const tokens = sentences.flat();
    const fast = contentWords(line);
    expect(fast.words).toBe(tokens.filter((t) => t.word).length);
    expect(fast.norms).toEqual(tokens.filter((t) => t.word && !t.stop).map((t) => t.norm));
    expect(fast.norms).toContain('bürger');
    expect(fast.norms).toContain('120');
    const slow = createKeyness();
    slow.add('Hamminkeln', sentences);
    const quick = createKeyness();
    quick.addWords('Hamminkeln', fast.words, fast.norms);
    expect(quick.counts()).toEqual(slow.counts());
    expect(quick.counts().get('Hamminkeln')?.terms.has('120')).toBe(false);
  });
});
