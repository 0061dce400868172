/**
 * Splitting text into words where a word is a maximal run of characters of one class, e.g. letters
 * and digits. Same result as `text.split(/[^CLASS]+/u).filter((w) => w !== '')`, but a Unicode
 * property regex runs once per distinct character instead of once per character: news text uses a
 * few dozen distinct characters, so after the first article the split is a table lookup per character.
 */

/** Splits text into the runs of characters that `wordChar` accepts (tested one code point at a time). */
export function createWordSplitter(wordChar: RegExp): (text: string) => string[] {
  if (wordChar.global || wordChar.sticky) throw new Error('createWordSplitter: pass a regex without g or y');
  /** Per BMP code unit: 0 not yet known, 1 word character, 2 separator. */
  const bmp = new Uint8Array(0x10000);
  return (text) => {
    const words: string[] = [];
    let start = -1;
    let i = 0;
    while (i < text.length) {
      const code = text.codePointAt(i) ?? 0;
      const width = code > 0xffff ? 2 : 1;
      let word: boolean;
      if (width === 1) {
        let known = bmp[code] ?? 0;
        if (known === 0) {
          known = wordChar.test(text.charAt(i)) ? 1 : 2;
          bmp[code] = known;
        }
        word = known === 1;
      } else {
        word = wordChar.test(text.slice(i, i + 2));
      }
      if (word) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        words.push(text.slice(start, i));
        start = -1;
      }
      i += width;
    }
    if (start >= 0) words.push(text.slice(start));
    return words;
  };
}

/**
 * Counts the whitespace-separated chunks of text that hold at least one character `wordChar`
 * accepts: the same as `text.split(/\s+/).filter((w) => wordChar.test(w)).length`, with classes
 * looked up per code unit as in `createWordSplitter`.
 */
export function createChunkCounter(wordChar: RegExp): (text: string) => number {
  if (wordChar.global || wordChar.sticky) throw new Error('createChunkCounter: pass a regex without g or y');
  /** Per BMP code unit: 0 not yet known, 1 word character, 2 whitespace, 3 other. */
  const bmp = new Uint8Array(0x10000);
  const space = /\s/;
  return (text) => {
    let count = 0;
    let counted = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let cls = bmp[code] ?? 0;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          // Outside the BMP (rare, never whitespace): tested as a pair each time.
          cls = wordChar.test(text.slice(i, i + 2)) ? 1 : 3;
          i++;
        }
      }
      if (cls === 0) {
        const ch = text.charAt(i);
        cls = space.test(ch) ? 2 : wordChar.test(ch) ? 1 : 3;
        bmp[code] = cls;
      }
      if (cls === 2) counted = false;
      else if (cls === 1 && !counted) {
        count++;
        counted = true;
      }
    }
    return count;
  };
}
