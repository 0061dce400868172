import { describe, expect, it } from 'vitest';
import { createKeyness } from '../src/aggregate/keyness.js';
import {
  contentWords,
  decodeSentences,
  decodeTokens,
  encodeTokens,
  parseTokensLine,
} from '../src/io/tokens-codec.js';
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

  it('gets tokens without spaces, tabs or line breaks from the tokenizer, so the packing is exact', () => {
    const text =
      'Der\tRat\r\ntagte am 3.\u00a0Oktober\u2009in St.\u202fAugustin;\u3000die Helfer*innen\u200b kamen  zu\u2028spät.\f„Zitat“\v–\u00a0Ende.';
    const sentences = tokenizeGerman(text);
    for (const t of sentences.flat())
      for (const field of [t.text, t.norm, t.stem]) expect(field).not.toMatch(/[ \t\n\r]/);
    const digit: Token = { text: '2015', norm: '2015', stem: '2015', stop: false, word: true };
    const stop: Token = { text: 'Die', norm: 'die', stem: 'die', stop: true, word: true };
    const punct: Token = { text: ',', norm: ',', stem: ',', stop: true, word: false };
    const stemmed: Token = { text: 'Kindern', norm: 'kindern', stem: 'kind', stop: false, word: true };
    const back = parseTokensLine(
      encodeTokens({
        id: 'x',
        sentences: [
          [digit, stemmed],
          [stop, punct],
        ],
      }),
    );
    expect(back.sentences).toEqual([
      [digit, stemmed],
      [stop, punct],
    ]);
    expect(plain(parseTokensLine(encodeTokens({ id: 'y', sentences })).sentences)).toEqual(plain(sentences));
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

  it('unpacks only the sentences asked for (KWIC needs the target sentences)', () => {
    const sentences = tokenizeGerman(
      'Erster Satz über Altena. Zweiter Satz: Geflüchtete ziehen ein. Dritter Satz.',
    );
    const line = JSON.parse(encodeTokens({ id: 'k', sentences })) as { id: string; s: string };
    expect(plain(decodeSentences(line, [1, 7]))).toEqual([plain([sentences[1] as Token[]])[0], []]);
    expect(decodeSentences({ id: 'leer', s: '' }, [0])).toEqual([[]]);
  });

  it('counts keyness terms from norms as from tokens, digits and short words excluded', () => {
    const k = createKeyness();
    k.addWords('Münster', 6, ['lärm', 'zu', '2016', 'x²y', 'flüchtlinge', '𝔄𝔅𝔆']);
    expect([...(k.counts().get('Münster')?.terms.keys() ?? [])]).toEqual(['lärm', 'flüchtlinge', '𝔄𝔅𝔆']);
  });
});
