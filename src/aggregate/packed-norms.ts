/** FNV-1a over UTF-16 code units: the hash `NormTable` files strings under. */
export const HASH_SEED = 0x811c9dc5 | 0;
export const hashStep = (h: number, code: number): number => Math.imul(h ^ code, 0x01000193);

/** The hash of `s.slice(start, end)`. */
export function hashRange(s: string, start: number, end: number): number {
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
}

const SPACE = 0x20;
const LINE = 0x0a;
const TAB = 0x09;

/**
 * The content words of a packed token string (the `s` of a tokens.jsonl line, format in
 * `io/tokens-codec.ts`) visited in place: what `contentWords` returns, without building a string or
 * an array per token, for the keyness counts of every article. A test holds the two equal.
 *
 * `visit(start, end, hash)` gets the bounds of the normalized form of each word that is not a
 * stopword, and its `hashRange`, computed on the way through the characters (one pass, no search
 * calls per token); the return value is the number of words (stopwords included).
 */
export function forEachContentNorm(
  s: string,
  visit: (start: number, end: number, hash: number) => void,
): number {
  const n = s.length;
  let words = 0;
  let i = 0;
  while (i < n) {
    const flags = s.charCodeAt(i) - 48;
    if (flags === SPACE - 48 || flags === LINE - 48) {
      // An empty token (two separators in a row).
      i++;
      continue;
    }
    const isWord = (flags & 2) !== 0;
    if (!isWord || (flags & 1) !== 0) {
      if (isWord) words++;
      // Not counted: skip to the next separator.
      i++;
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c === SPACE || c === LINE) break;
        i++;
      }
      i++;
      continue;
    }
    words++;
    // The text, hashed on the way: it is the norm unless a tab follows with a norm of its own.
    const textStart = i + 1;
    let h = HASH_SEED;
    let c = 0;
    i = textStart;
    while (i < n) {
      c = s.charCodeAt(i);
      if (c === SPACE || c === LINE || c === TAB) break;
      h = hashStep(h, c);
      i++;
    }
    if (i >= n || c !== TAB) {
      visit(textStart, i, h);
      i++;
      continue;
    }
    const textEnd = i;
    i++;
    if (i < n && s.charCodeAt(i) === TAB) visit(textStart, textEnd, h);
    else {
      const normStart = i;
      h = HASH_SEED;
      while (i < n) {
        c = s.charCodeAt(i);
        if (c === TAB || c === SPACE || c === LINE) break;
        h = hashStep(h, c);
        i++;
      }
      visit(normStart, i, h);
    }
    // Skip the stem.
    while (i < n) {
      c = s.charCodeAt(i);
      if (c === SPACE || c === LINE) break;
      i++;
    }
    i++;
  }
  return words;
}
