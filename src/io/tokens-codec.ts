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
 * so `jq` and other JSON tools read it. Tokens never contain whitespace (the tokenizer splits on it);
 * any that would is replaced by a no-break space so that the packing stays unambiguous.
 */
export interface EncodedTokensLine {
  id: string;
  s: string;
}

const WHITESPACE = /[\t\n\r ]/g;
const safe = (s: string): string => (/[\t\n\r ]/.test(s) ? s.replace(WHITESPACE, '\u00a0') : s);

function packToken(t: Token): string {
  const flags = (t.stop ? 1 : 0) | (t.word ? 2 : 0);
  const text = safe(t.text);
  if (t.norm === t.text && t.stem === t.norm) return `${flags}${text}`;
  const norm = t.norm === t.text ? '' : safe(t.norm);
  const stem = t.stem === t.norm ? '' : safe(t.stem);
  return `${flags}${text}\t${norm}\t${stem}`;
}

export function encodeTokens(doc: ArticleTokens): string {
  const s = doc.sentences.map((sentence) => sentence.map(packToken).join(' ')).join('\n');
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

/** Unpacks a parsed line. */
export function decodeTokens(line: EncodedTokensLine): ArticleTokens {
  if (typeof line.s !== 'string') throw new Error(`tokens of ${line.id}: not in the packed format`);
  const sentences: Token[][] = [];
  if (line.s !== '') {
    for (const sentence of line.s.split('\n')) {
      sentences.push(sentence === '' ? [] : sentence.split(' ').map(unpackToken));
    }
  }
  return { id: line.id, sentences };
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
