/**
 * The visible text of a page's body with the parts that carry other dates left out: navigation,
 * sidebars, comments, teaser lists, copyright lines and page footers.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { SELECTORS } from './vocab.js';

const SKIP_TAGS = new Set(SELECTORS.skipTags);
const FOOTER_TAGS = new Set(SELECTORS.footerTags);
/** Containers whose class names say nothing about their content (body classes name the page type). */
const NEUTRAL_TAGS = new Set(['html', 'body', 'main', 'article']);

function classAndId(el: Element): string {
  return `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase();
}

function isFooter(el: Element): boolean {
  if (FOOTER_TAGS.has(el.name) || el.attribs.role === 'contentinfo') return true;
  const ci = classAndId(el);
  return SELECTORS.footerClassFragments.some((f) => ci.includes(f));
}

/** True when an element's own tag or class/id marks it as a part whose dates do not date the page. */
export function isSkippedElement(el: Element, inArticle: boolean): boolean {
  if (SKIP_TAGS.has(el.name)) return true;
  if (NEUTRAL_TAGS.has(el.name)) return false;
  const ci = classAndId(el);
  if (ci.length > 1 && SELECTORS.skipClassFragments.some((f) => ci.includes(f))) return true;
  return !inArticle && isFooter(el);
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
    if (isSkippedElement(node, inArticle)) return;
    if (node.name === 'h1' && headlineAt === null) headlineAt = length;
    const childInArticle = inArticle || node.name === 'article';
    for (const c of node.children) walk(c, childInArticle);
    parts.push(' ');
    length += 1;
  };
  const body = $('body').get(0);
  if (body) walk(body, false);
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
