/**
 * The visible text of a page's body with the parts that carry other dates left out: navigation,
 * sidebars, comments, teaser lists, copyright lines and page footers.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { SELECTORS } from './vocab.js';

const SKIP_TAGS = new Set(SELECTORS.skipTags);
const SKIP_WORDS = new Set(SELECTORS.skipClassWords);
const FOOTER_TAGS = new Set(SELECTORS.footerTags);
/** Containers whose class names say nothing about their content (body classes name the page type). */
const NEUTRAL_TAGS = new Set(['html', 'body', 'main', 'article', 'h1']);

/** True when a word of the element's class or id (split at spaces, `-` and `_`) marks a skipped part. */
function hasSkipWord(el: Element): boolean {
  const ci = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase();
  if (ci.length < 3) return false;
  for (const w of ci.split(/[\s_-]+/)) if (SKIP_WORDS.has(w)) return true;
  return false;
}

/**
 * True when an element's own tag or class/id marks it as a part whose dates do not date the page.
 * Elements that contain the headline are never skipped: they are the content wrappers.
 */
export function isSkippedElement(el: Element, inArticle: boolean, holdsHeadline = false): boolean {
  if (SKIP_TAGS.has(el.name)) return true;
  if (NEUTRAL_TAGS.has(el.name) || holdsHeadline) return false;
  if (hasSkipWord(el)) return true;
  return !inArticle && (FOOTER_TAGS.has(el.name) || el.attribs.role === 'contentinfo');
}

/**
 * The elements matching `selector` in the page body. HTML may leave out <body>: parse5 then adds it,
 * htmlparser2 does not (and leaves content inside an unclosed <head>), so without a <body> every
 * match counts. `selector` may be a list (`a, b`) but its parts must not contain commas themselves.
 */
export function bodyElements($: CheerioAPI, selector: string): Element[] {
  const hasBody = $('body').length > 0;
  const scoped = hasBody
    ? selector
        .split(',')
        .map((part) => `body ${part.trim()}`)
        .join(', ')
    : selector;
  return $(scoped)
    .toArray()
    .filter((n): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style');
}

/** Elements of <head> that never show text. */
const HEAD_ONLY = new Set(['title', 'meta', 'link', 'base']);

/**
 * The nodes whose text is the page's visible text: <body>, or without one everything but the
 * head-only elements (content after an unclosed <head> ends up inside it with htmlparser2).
 */
function bodyRoots($: CheerioAPI): AnyNode[] {
  const body = $('body').get(0);
  if (body) return [body];
  const roots: AnyNode[] = [];
  const add = (nodes: AnyNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'tag' && (n.name === 'html' || n.name === 'head')) add(n.children);
      else if (!(n.type === 'tag' && HEAD_ONLY.has(n.name))) roots.push(n);
    }
  };
  add($.root().get(0)?.children ?? []);
  return roots;
}

/** The elements from the root down to the first <h1>, which must stay visible. */
function headlineChain($: CheerioAPI): Set<Element> {
  const chain = new Set<Element>();
  const h1 = bodyElements($, 'h1')[0];
  for (let n: ParentNode | null = h1 ?? null; n; n = n.parent) {
    if (n.type === 'tag') chain.add(n);
  }
  return chain;
}

/** True when the element or one of its ancestors is skipped. */
export function isInSkippedPart(el: Element): boolean {
  const chain: Element[] = [];
  for (let n: ParentNode | null = el; n; n = n.parent) {
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') chain.push(n);
  }
  let inArticle = false;
  for (let i = chain.length - 1; i >= 0; i--) {
    const n = chain[i] as Element;
    if (isSkippedElement(n, inArticle)) return true;
    if (n.name === 'article') inArticle = true;
  }
  return false;
}

export interface PageText {
  text: string;
  /** Start offset in `text` of each text node, ascending. */
  nodeStarts: number[];
  /** Offset in `text` where the first <h1> starts, or null without one. */
  headlineAt: number | null;
}

/** Block elements end a run of text; a space keeps dates apart from the words around them. */
export function visibleText($: CheerioAPI, maxChars = 60_000): PageText {
  const parts: string[] = [];
  const nodeStarts: number[] = [];
  let length = 0;
  let headlineAt: number | null = null;
  const keep = headlineChain($);
  const walk = (node: AnyNode, inArticle: boolean): void => {
    if (length >= maxChars) return;
    if (node.type === 'text') {
      const t = node.data.replace(/\s+/g, ' ');
      if (t.trim()) {
        nodeStarts.push(length);
        parts.push(t);
        length += t.length;
      }
      return;
    }
    if (node.type !== 'tag') return;
    if (isSkippedElement(node, inArticle, keep.has(node))) return;
    if (node.name === 'h1' && headlineAt === null) headlineAt = length;
    const childInArticle = inArticle || node.name === 'article';
    for (const c of node.children) walk(c, childInArticle);
    parts.push(' ');
    length += 1;
  };
  for (const root of bodyRoots($)) walk(root, false);
  return { text: parts.join(''), nodeStarts, headlineAt };
}

/** Length of the text node that contains `offset` (the byline a date stands in, or a paragraph). */
export function nodeLengthAt(page: PageText, offset: number): number {
  const starts = page.nodeStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const start = starts[lo] ?? 0;
  const end = starts[lo + 1] ?? page.text.length;
  return end - start;
}

/** The text of an element when it is at most `max` characters long, else null (without reading it all). */
export function shortText(el: Element, max: number): string | null {
  let out = '';
  const walk = (n: AnyNode): boolean => {
    if (n.type === 'text') {
      out += n.data;
      return out.length <= max;
    }
    if (n.type !== 'tag') return true;
    for (const c of n.children) if (!walk(c)) return false;
    return true;
  };
  return walk(el) ? out : null;
}
