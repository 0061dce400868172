/**
 * Turns a DOM region into text blocks (paragraphs, headings, list items, table rows), filters out
 * link lists, furniture phrases and repeats, and joins what is left into article text.
 */
import { childrenOf, type DomElement, type DomNode, isElement, nonSpaceLength } from './dom.js';
import { type ExtractionVocabulary, isFurniturePhrase } from './vocabulary.js';

export type BlockKind = 'para' | 'heading' | 'item' | 'row';

export interface Block {
  text: string;
  kind: BlockKind;
  /** Non-space characters. */
  chars: number;
  /** Non-space characters inside links (links whose text is a URL do not count). */
  linkChars: number;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'address',
  'hr',
  'center',
  'details',
  'summary',
  'form',
  'fieldset',
  'body',
  'html',
  'hgroup',
  'legend',
]);

const CELL_TAGS = new Set(['td', 'th']);
const URL_LIKE = /^\s*(?:https?:\/\/|www\.)\S+\s*$|^\s*\S+@\S+\.\w+\s*$/i;

function kindOf(name: string): BlockKind | null {
  if (name.length === 2 && name[0] === 'h' && name[1] !== undefined && name[1] >= '1' && name[1] <= '6') {
    return 'heading';
  }
  if (name === 'li' || name === 'dt' || name === 'dd') return 'item';
  return null;
}

/** Collects the blocks below `roots` in document order. */
export function collectBlocks(roots: DomNode[]): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let chars = 0;
  let linkChars = 0;
  let kind: BlockKind = 'para';

  const flush = (k: BlockKind): void => {
    if (chars > 0) {
      const text = buf
        .replace(/[ \t\r\f\v\u00a0\u200b]+/g, ' ')
        .replace(/ *\n */g, '\n')
        .replace(/\n{2,}/g, '\n')
        .trim();
      if (text) blocks.push({ text, kind: k, chars, linkChars });
    }
    buf = '';
    chars = 0;
    linkChars = 0;
  };

  const inline = (n: DomNode, inLink: boolean): void => {
    if (n.type === 'text') {
      const len = nonSpaceLength(n.data);
      buf += n.data;
      chars += len;
      if (inLink) linkChars += len;
      return;
    }
    if (!isElement(n)) return;
    if (n.name === 'br') {
      buf += '\n';
      return;
    }
    if (n.name === 'a' && !inLink) {
      const before = linkChars;
      const start = buf.length;
      for (const c of childrenOf(n)) inline(c, true);
      if (URL_LIKE.test(buf.slice(start))) linkChars = before;
      return;
    }
    for (const c of childrenOf(n)) inline(c, inLink);
  };

  const row = (tr: DomElement): void => {
    flush(kind);
    const cells: string[] = [];
    let rowChars = 0;
    let rowLinks = 0;
    for (const cell of childrenOf(tr)) {
      if (!isElement(cell) || !CELL_TAGS.has(cell.name)) continue;
      buf = '';
      chars = 0;
      linkChars = 0;
      cellText(cell);
      const t = buf.replace(/\s+/g, ' ').trim();
      if (t) cells.push(t);
      rowChars += chars;
      rowLinks += linkChars;
    }
    buf = '';
    chars = 0;
    linkChars = 0;
    if (rowChars > 0)
      blocks.push({ text: cells.join('\t'), kind: 'row', chars: rowChars, linkChars: rowLinks });
  };

  // Inside a cell, nested blocks become spaces.
  const cellText = (n: DomNode): void => {
    for (const c of childrenOf(n)) {
      if (isElement(c) && BLOCK_TAGS.has(c.name)) {
        buf += ' ';
        cellText(c);
        buf += ' ';
      } else if (isElement(c) && c.name === 'a') {
        inline(c, false);
      } else if (isElement(c) && c.name !== 'br') {
        cellText(c);
      } else {
        inline(c, false);
      }
    }
  };

  const walk = (n: DomNode, inLink: boolean): void => {
    if (!isElement(n)) {
      inline(n, inLink);
      return;
    }
    const name = n.name;
    if (name === 'tr') {
      row(n);
      return;
    }
    if (!BLOCK_TAGS.has(name) && !CELL_TAGS.has(name)) {
      if (name === 'br' || !hasBlockChild(n)) {
        inline(n, inLink);
        return;
      }
      const link = inLink || name === 'a';
      for (const c of childrenOf(n)) walk(c, link);
      return;
    }
    flush(kind);
    const outer = kind;
    kind = kindOf(name) ?? (outer === 'item' ? 'item' : 'para');
    for (const c of childrenOf(n)) walk(c, inLink);
    flush(kind);
    kind = outer;
  };

  for (const r of roots) walk(r, false);
  flush(kind);
  return blocks;
}

function hasBlockChild(n: DomElement): boolean {
  for (const c of n.children) {
    if (isElement(c) && (BLOCK_TAGS.has(c.name) || c.name === 'tr' || hasBlockChild(c))) return true;
  }
  return false;
}

const DATE_LINE =
  /^(?:[\p{L}]{2,10}\.?,?\s+)?(?:\d{1,2}\.\s*(?:\d{1,2}\.|\p{L}{3,9}\.?)\s*\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})(?:[,|\s-]+(?:um\s+)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?$/u;

/** A block that is nothing but a date (and time), as bylines and teasers show them. */
export function isDateLine(text: string): boolean {
  return text.length <= 45 && DATE_LINE.test(text.trim());
}

/** Normalized key for duplicate detection. */
function blockKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface FilterOptions {
  /** Blocks equal to the title are dropped (the title is emitted separately). */
  title?: string;
}

/** Longer trailing headings are more likely content (a quoted motto) than a section label. */
const TRAILING_HEADING_MAX_CHARS = 50;

/** Drops link lists, furniture phrases, repeated blocks and dangling headings. */
export function filterBlocks(
  blocks: Block[],
  vocab: ExtractionVocabulary,
  opts: FilterOptions = {},
): Block[] {
  const seen = new Set<string>();
  if (opts.title) seen.add(blockKey(opts.title));
  const kept: Block[] = [];
  for (const b of blocks) {
    const density = b.chars === 0 ? 1 : b.linkChars / b.chars;
    if (b.kind === 'row' ? density > 0.8 : density > 0.5 && (b.kind !== 'para' || b.chars < 300)) continue;
    if (density > 0.8) continue;
    if (isFurniturePhrase(b.text, b.chars, vocab) || isDateLine(b.text)) continue;
    const key = blockKey(b.text);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(b);
  }
  // Headings at the end introduce something that was removed (comments, teasers).
  let end = kept.length;
  while (
    end > 0 &&
    kept[end - 1]?.kind === 'heading' &&
    (kept[end - 1]?.chars ?? 0) <= TRAILING_HEADING_MAX_CHARS
  )
    end--;
  return kept.slice(0, end);
}

/** Joins blocks: list items and table rows one per line, everything else as paragraphs. */
export function joinBlocks(blocks: Block[]): string {
  let out = '';
  let prev: BlockKind | null = null;
  for (const b of blocks) {
    if (prev !== null) {
      const tight = (prev === 'item' || prev === 'row') && prev === b.kind;
      out += tight ? '\n' : '\n\n';
    }
    out += b.text;
    prev = b.kind;
  }
  return out;
}

/** Characters of text in a block list. */
export function blockChars(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) n += b.chars;
  return n;
}
