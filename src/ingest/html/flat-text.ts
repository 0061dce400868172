/**
 * Text of a whole page without recursion, for markup too deep for the recursive extraction
 * paths: text nodes in document order, a paragraph break at every block element, no scripts.
 */
import type { CheerioAPI } from 'cheerio';
import { childrenOf, type DomNode, isElement } from './dom.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);
const BREAKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
]);

export function flatText($: CheerioAPI): string {
  const root = ($('body')[0] as unknown as DomNode | undefined) ?? ($.root()[0] as unknown as DomNode);
  const parts: string[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n) break;
    if (n.type === 'text') {
      parts.push(n.data);
      continue;
    }
    if (isElement(n)) {
      if (n.type !== 'tag' || SKIP.has(n.name)) continue;
      if (BREAKS.has(n.name)) parts.push('\n\n');
    }
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return parts
    .join('')
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
