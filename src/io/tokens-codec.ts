import type { ArticleTokens, Token } from '../records.js';

/**
 * Line format of `tokens.jsonl`: `{"id": "…", "s": "…"}`, one article per line. `s` packs the
 * tokens into one string: sentences are separated by a line break, tokens by a space, and a token is
 * its flags digit (1 = stopword + 2 = word) followed by its text; when `norm` or `stem` differ, the
 * text is followed by a tab, the norm (empty when equal to the text), a tab and the stem (empty when
 * equal to the norm). Example: `2Die\tdie\t 2Helfer*innen\thelfer\t 0.`.
 *
 * One string per article instead of nested arrays makes the file a third smaller and reading it
 * about twice as fast (JSON.parse of nested arrays allocates every token); the line stays valid JSON,
 * so `jq` and other JSON tools read it. Token fields never contain a space, tab or line break: the
 * tokenizer splits on whitespace (a test holds it to that), which keeps the packing unambiguous.
 */
export interface EncodedTokensLine {
  id: string;
  s: string;
}

export function encodeTokens(doc: ArticleTokens): string {
  let s = '';
  for (let i = 0; i < doc.sentences.length; i++) {
    if (i > 0) s += '\n';
    const sentence = doc.sentences[i] as Token[];
    for (let j = 0; j < sentence.length; j++) {
      const t = sentence[j] as Token;
      if (j > 0) s += ' ';
      s += (t.stop ? 1 : 0) | (t.word ? 2 : 0);
      s += t.text;
      if (t.norm !== t.text || t.stem !== t.norm) {
        s += '\t';
        if (t.norm !== t.text) s += t.norm;
        s += '\t';
        if (t.stem !== t.norm) s += t.stem;
      }
    }
  }
  return `${JSON.stringify({ id: doc.id, s })}\n`;
}

function unpackToken(packed: string): Token {
  const flags = packed.charCodeAt(0) - 48;
  const tab = packed.indexOf('\t');
  let text: string;
  let norm: string;
  let stem: string;
  if (tab < 0) {
    text = packed.slice(1);
    norm = text;
    stem = text;
  } else {
    const tab2 = packed.indexOf('\t', tab + 1);
    text = packed.slice(1, tab);
    const n = packed.slice(tab + 1, tab2);
    norm = n === '' ? text : n;
    const st = packed.slice(tab2 + 1);
    stem = st === '' ? norm : st;
  }
  return { text, norm, stem, stop: (flags & 1) !== 0, word: (flags & 2) !== 0 };
}

/**
 * Tokens unpacked before, by their packed form. A word form recurs thousands of times in a corpus:
 * its token is built once and shared (frozen, so no reader can change it for the others), and the
 * strings it holds are the same objects each time, whose hashes the dictionary and lexicon lookups
 * keyed by them compute once. Bounded: cleared when full (the common words come back at once).
 */
const unpacked = new Map<string, Token>();
const UNPACKED_LIMIT = 50_000;

function tokenOf(packed: string): Token {
  let token = unpacked.get(packed);
  if (token === undefined) {
    token = Object.freeze(unpackToken(packed)) as Token;
    if (unpacked.size >= UNPACKED_LIMIT) unpacked.clear();
    unpacked.set(packed, token);
  }
  return token;
}

/** Unpacks a parsed line. Its tokens are shared with other articles' and frozen: copy one to change it. */
export function decodeTokens(line: EncodedTokensLine): ArticleTokens {
  if (typeof line.s !== 'string') throw new Error(`tokens of ${line.id}: not in the packed format`);
  const sentences: Token[][] = [];
  if (line.s !== '') {
    for (const sentence of line.s.split('\n')) {
      sentences.push(sentence === '' ? [] : sentence.split(' ').map(tokenOf));
    }
  }
  return { id: line.id, sentences };
}

/** The sentences at the given indexes only (out of range: empty), unpacked (tokens shared and frozen). */
export function decodeSentences(line: EncodedTokensLine, indexes: readonly number[]): Token[][] {
  const all = line.s === '' ? [] : line.s.split('\n');
  return indexes.map((i) => {
    const sentence = all[i];
    return sentence === undefined || sentence === '' ? [] : sentence.split(' ').map(tokenOf);
  });
}

/** Parses and unpacks one line of `tokens.jsonl`. */
export function parseTokensLine(line: string): ArticleTokens {
  return decodeTokens(JSON.parse(line) as EncodedTokensLine);
}

/**
 * Word count and the normalized forms of the words that are not stopwords, read straight from the
 * packed string without building tokens (what keyness counts need, for every article).
 */
export function contentWords(line: EncodedTokensLine): { words: number; norms: string[] } {
  const norms: string[] = [];
  let words = 0;
  const s = line.s;
  const n = s.length;
  let start = 0;
  while (start < n) {
    let end = start;
    while (end < n) {
      const c = s.charCodeAt(end);
      if (c === 0x20 || c === 0x0a) break;
      end++;
    }
    if (end > start) {
      const flags = s.charCodeAt(start) - 48;
      if ((flags & 2) !== 0) {
        words++;
        if ((flags & 1) === 0) {
          const tab = s.indexOf('\t', start);
          if (tab < 0 || tab > end) norms.push(s.slice(start + 1, end));
          else {
            const tab2 = s.indexOf('\t', tab + 1);
            norms.push(tab2 === tab + 1 ? s.slice(start + 1, tab) : s.slice(tab + 1, tab2));
          }
        }
      }
    }
    start = end + 1;
  }
  return { words, norms };
}
