/**
 * Last resort: Mozilla Readability on a linkedom document built from the (already cleaned) page.
 * Slow (a second parse), so only used when the cheaper paths found almost nothing.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ReadabilityResult {
  title: string;
  paragraphs: string[];
}

export function readabilityExtract(html: string): ReadabilityResult | null {
  const { document } = parseHTML(html);
  // linkedom's document implements the DOM Readability walks; its type package differs from lib.dom.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  if (!article) return null;
  const { document: doc } = parseHTML(`<html><body>${article.content ?? ''}</body></html>`);
  const paragraphs: string[] = [];
  for (const el of doc.querySelectorAll('p, h2, h3, h4, li, pre, blockquote, tr')) {
    // Skip containers whose text is emitted by a nested block.
    if (el.querySelector('p, li, pre, tr')) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) paragraphs.push(t);
  }
  if (paragraphs.length === 0) {
    const t = (article.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) paragraphs.push(t);
  }
  return { title: (article.title ?? '').trim(), paragraphs };
}
