/**
 * Guards applied to an HTML page before it is parsed, so that one hostile file cannot stall or crash
 * a run:
 *
 * - Size. Inline images (`data:` URIs, e.g. from "save as single file") and `<style>` blocks carry no
 *   text and are emptied first. A page still above MAX_PAGE_BYTES is rejected, not parsed: saved news
 *   pages are well below 5 MB, and parsing 50 MB takes half a minute and over a gigabyte of memory. A
 *   file that big is an archive dump or many pages in one and should be split or converted to JSONL.
 * - Nesting. Parsers and DOM walkers slow down quadratically or overflow the stack on pages nested
 *   tens of thousands of levels deep (unclosed tags, generated junk). Tags deeper than
 *   MAX_NESTING (512, the depth at which Chromium's parser stops nesting too) are dropped and their text
 *   kept.
 */

export const MAX_PAGE_BYTES = 10 * 1024 * 1024;
export const MAX_NESTING = 512;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose content is raw text: tags inside them are not tags. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'noscript',
  'iframe',
  'noembed',
  'plaintext',
]);

const INLINE_DATA = /(["'(])\s*data:[a-z0-9.+/-]+(?:;[a-z0-9=.+-]+)*,[^"')\s]{256,}/gi;
const STYLE_BLOCK = /(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi;

/** Empties inline `data:` payloads and style sheets (never article text); other markup is untouched. */
export function stripBulk(html: string): string {
  return html.replace(INLINE_DATA, '$1data:,').replace(STYLE_BLOCK, '$1$2');
}

/** Why a page is too large to parse, or null when it is not. */
export function pageTooLarge(bytes: number, afterStripping: number): string | null {
  if (afterStripping <= MAX_PAGE_BYTES) return null;
  const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1);
  const stripped =
    afterStripping < bytes ? ` (${mb(afterStripping)} MB without inline images and styles)` : '';
  return (
    `HTML page of ${mb(bytes)} MB${stripped} is larger than the ${mb(MAX_PAGE_BYTES)} MB limit for one page, not parsed: ` +
    'a file this big is usually an archive dump or several pages in one; split it or convert it to JSONL'
  );
}

// Comments, doctype/processing instructions, and tags (attribute values may contain `>`).
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>?|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;

/**
 * Drops start and end tags nested deeper than `limit` (their text stays). Depth is counted from the
 * tags as written, so unclosed tags count as open; pages within the limit come back unchanged.
 */
export function flattenDeepNesting(html: string, limit = MAX_NESTING): { html: string; dropped: number } {
  if (maxNesting(html) <= limit) return { html, dropped: 0 };
  const parts: string[] = [];
  let depth = 0;
  let dropped = 0;
  let last = 0;
  scanTags(html, (start, end, closing) => {
    if (closing) {
      if (depth > limit) {
        parts.push(html.slice(last, start));
        last = end;
        dropped += 1;
      }
      if (depth > 0) depth -= 1;
      return;
    }
    depth += 1;
    if (depth > limit) {
      parts.push(html.slice(last, start));
      last = end;
      dropped += 1;
    }
  });
  parts.push(html.slice(last));
  return { html: parts.join(''), dropped };
}

/** Deepest nesting of open tags as written. */
export function maxNesting(html: string): number {
  let depth = 0;
  let max = 0;
  scanTags(html, (_start, _end, closing) => {
    if (closing) {
      if (depth > 0) depth -= 1;
    } else {
      depth += 1;
      if (depth > max) max = depth;
    }
  });
  return max;
}

/**
 * Calls `onTag` for every start tag of a non-void element and every end tag, skipping comments and
 * the content of raw-text elements (scripts, styles).
 */
function scanTags(html: string, onTag: (start: number, end: number, closing: boolean) => void): void {
  const re = new RegExp(TOKEN.source, 'g');
  let m: RegExpExecArray | null = re.exec(html);
  while (m !== null) {
    const name = m[2]?.toLowerCase();
    if (name !== undefined) {
      const closing = m[1] === '/';
      const selfClosing = (m[3] ?? '').trimEnd().endsWith('/');
      if (closing) onTag(m.index, re.lastIndex, true);
      else if (!VOID.has(name) && !selfClosing) {
        onTag(m.index, re.lastIndex, false);
        if (RAW_TEXT.has(name)) {
          const closeTag = new RegExp(`</${name}`, 'gi');
          closeTag.lastIndex = re.lastIndex;
          if (closeTag.exec(html) === null) return;
          re.lastIndex = closeTag.lastIndex - name.length - 2;
        }
      }
    }
    m = re.exec(html);
  }
}
