/**
 * Pieces found inside words: `fernseh` in `privatfernsehen`, `regierung` in `landesregierungen`. A trie
 * of the pieces is walked from every start position past the first MIN_LEADING letters (a piece at the
 * start of a word is a plain prefix match, which the dictionary already does), so a word costs its length
 * times the depth of the trie, once: results are cached per word.
 */

/** Letters a word must have before an inner piece (the shortest modifier of a compound). */
export const MIN_LEADING = 3;

interface PieceNode {
  next: Map<number, PieceNode>;
  /** Groups of the pieces ending here. */
  groups: number[];
}

export interface InnerPieceIndex {
  root: PieceNode;
  cache: Map<string, readonly number[]>;
}

const CACHE_LIMIT = 200_000;
const NONE: readonly number[] = Object.freeze([]);

/** Index of lower-case pieces, each with the group (e.g. the field index) it stands for. */
export function innerPieceIndex(pieces: Iterable<readonly [string, number]>): InnerPieceIndex {
  const root: PieceNode = { next: new Map(), groups: [] };
  for (const [piece, group] of pieces) {
    if (piece === '') continue;
    let node = root;
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), groups: [] };
        node.next.set(c, child);
      }
      node = child;
    }
    if (!node.groups.includes(group)) node.groups.push(group);
  }
  return { root, cache: new Map() };
}

/** Groups of the pieces that occur in `word` starting after its first MIN_LEADING letters, ascending. */
export function innerGroups(index: InnerPieceIndex, word: string): readonly number[] {
  const known = index.cache.get(word);
  if (known) return known;
  let found: number[] | null = null;
  for (let start = MIN_LEADING; start < word.length; start++) {
    let node: PieceNode | undefined = index.root;
    for (let i = start; i < word.length && node; i++) {
      node = node.next.get(word.charCodeAt(i));
      if (!node) break;
      for (const g of node.groups) {
        if (!found) found = [g];
        else if (!found.includes(g)) found.push(g);
      }
    }
  }
  const result = found ? Object.freeze(found.sort((a, b) => a - b)) : NONE;
  if (index.cache.size >= CACHE_LIMIT) index.cache.clear();
  index.cache.set(word, result);
  return result;
}
