/**
 * Mozilla Readability on a linkedom document built from the page (already rid of scripts and
 * hidden elements). Slower than the other paths (a second parse), so only used when the
 * container path found no article. Returns the HTML of the region Readability chose; the caller
 * runs its own block collection and furniture filters over it.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ReadabilityResult {
  title: string;
  /** HTML of the article region. */
  content: string;
}

export function readabilityExtract(html: string): ReadabilityResult | null {
  try {
    const { document } = parseHTML(html);
    // linkedom's document implements the DOM Readability walks; its type package differs from lib.dom.
    const doc = document as unknown as ConstructorParameters<typeof Readability>[0];
    const article = new Readability(doc, { charThreshold: 200 }).parse();
    if (!article?.content) return null;
    return { title: (article.title ?? '').trim(), content: article.content };
  } catch {
    // A page Readability cannot walk is a page without a Readability answer, not a failed ingest.
    return null;
  }
}
