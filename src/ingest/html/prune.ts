/**
 * Removal of page furniture before text is collected: junk that never holds text (scripts, forms'
 * controls, hidden elements, comments) and boilerplate regions named by tag, class/id or role.
 */
import { childrenOf, type DomElement, type DomNode, detach, isElement, textStats } from './dom.js';
import { boilerplateMarker, type ExtractionVocabulary } from './vocabulary.js';

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function isHidden(el: DomElement): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a['aria-hidden'] === 'true') return true;
  const style = a.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/** Removes scripts, styles, controls, comments and hidden elements below `root`. */
export function pruneJunk(root: DomNode, vocab: ExtractionVocabulary): void {
  const doomed: DomNode[] = [];
  const walk = (n: DomNode): void => {
    for (const c of childrenOf(n)) {
      if (c.type === 'comment' || c.type === 'directive' || c.type === 'cdata') {
        doomed.push(c);
      } else if (isElement(c)) {
        if (c.type !== 'tag' || vocab.dropTags.has(c.name) || isHidden(c)) doomed.push(c);
        else walk(c);
      }
    }
  };
  walk(root);
  for (const n of doomed) detach(n);
}

/**
 * Removes boilerplate regions below `root` (never `root` itself). A region that is marked as
 * furniture but holds most of the text with few links is kept: markers on wrappers lie.
 */
export function pruneBoilerplate(root: DomNode, vocab: ExtractionVocabulary): void {
  const rootStats = textStats(root);
  const total = rootStats.chars - rootStats.linkChars;
  const doomed: DomNode[] = [];
  const walk = (n: DomNode): void => {
    for (const c of childrenOf(n)) {
      if (!isElement(c)) continue;
      const role = c.attribs.role;
      const hard = vocab.furnitureTags.has(c.name) || (role !== undefined && vocab.roles.has(role)) || false;
      const marker = hard ? 'hard' : boilerplateMarker(c, vocab);
      if (marker === 'hard' && !holdsMainText(c, total)) doomed.push(c);
      else if (marker === 'soft' && isMinorRegion(c, vocab)) doomed.push(c);
      else if (marker === 'linky' && isLinkRegion(c, vocab)) doomed.push(c);
      else walk(c);
    }
  };
  walk(root);
  for (const n of doomed) detach(n);
}

/** Short or link-heavy: what a soft marker must also show before its region is removed. */
function isMinorRegion(el: DomElement, vocab: ExtractionVocabulary): boolean {
  const s = textStats(el);
  if (s.chars === 0) return true;
  const minor =
    s.chars - s.linkChars < vocab.softMaxChars || s.linkChars > vocab.softMaxLinkDensity * s.chars;
  return minor && !holdsProse(el, vocab.proseMinChars);
}

/** Link-heavy: what a link marker (teaser, related) must also show before its region is removed. */
function isLinkRegion(el: DomElement, vocab: ExtractionVocabulary): boolean {
  const s = textStats(el);
  return s.chars === 0 || s.linkChars > vocab.softMaxLinkDensity * s.chars;
}

/** True when `el` holds most of the non-link text of the pruned region (`total`). */
function holdsMainText(el: DomElement, total: number): boolean {
  if (total === 0) return false;
  const s = textStats(el);
  return s.chars - s.linkChars > 0.5 * total;
}

/** True when some paragraph-like element below `el` has `minChars` of text with few links. */
function holdsProse(el: DomElement, minChars: number): boolean {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.name === 'p' || c.name === 'blockquote' || c.name === 'pre') {
      const s = textStats(c);
      if (s.chars >= minChars && s.linkChars < 0.2 * s.chars) return true;
    } else if (c.name !== 'a' && holdsProse(c, minChars)) {
      return true;
    }
  }
  return false;
}
