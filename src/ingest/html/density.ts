/**
 * Fallback container choice by text density: every paragraph-like element with enough text scores
 * points (more for length and commas, fewer for link text) for its parent and, weakened, for its
 * grandparent; the best-scoring element and its rich siblings are taken as the article.
 */
import { childrenOf, type DomElement, type DomNode, isElement, textStats } from './dom.js';

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'dd', 'li']);
const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'span', 'font', 'center', 'td', 'form']);
const BLOCKISH = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'ul',
  'ol',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'header',
  'footer',
  'aside',
  'nav',
  'dl',
  'figure',
  'form',
]);

interface Leaf {
  chars: number;
  linkChars: number;
  commas: number;
}

/** Text of `el` that is not inside nested block elements. */
function ownText(el: DomElement): Leaf {
  const acc: Leaf = { chars: 0, linkChars: 0, commas: 0 };
  const walk = (n: DomNode, inLink: boolean): void => {
    if (n.type === 'text') {
      const t = n.data;
      let c = 0;
      for (let i = 0; i < t.length; i++) {
        const ch = t.charCodeAt(i);
        if (ch > 32 && ch !== 160) c++;
        if (ch === 44) acc.commas++;
      }
      acc.chars += c;
      if (inLink) acc.linkChars += c;
      return;
    }
    if (!isElement(n)) return;
    if (n !== el && BLOCKISH.has(n.name)) return;
    const link = inLink || n.name === 'a';
    for (const c of n.children) walk(c, link);
  };
  walk(el, false);
  return acc;
}

/** Roots (in document order) of the densest text region below `root`, or [] when none is found. */
export function densityRoots(root: DomNode): DomNode[] {
  const scores = new Map<DomNode, number>();
  const add = (n: DomNode | null, s: number): void => {
    if (!n || !isElement(n)) return;
    scores.set(n, (scores.get(n) ?? 0) + s);
  };
  const visit = (n: DomNode): void => {
    for (const c of childrenOf(n)) {
      if (!isElement(c)) continue;
      if (PARAGRAPH_TAGS.has(c.name) || CONTAINER_TAGS.has(c.name)) {
        const leaf = ownText(c);
        if (leaf.chars >= 25) {
          const density = leaf.linkChars / leaf.chars;
          const s = (1 + leaf.commas + Math.min(3, Math.floor(leaf.chars / 100))) * (1 - density);
          if (s > 0) {
            // A container with its own text counts for itself as well.
            if (CONTAINER_TAGS.has(c.name) && !PARAGRAPH_TAGS.has(c.name)) add(c, s);
            const p = c.parent;
            add(p, s);
            const gp = p?.parent ?? null;
            add(gp, s / 2);
            add(gp?.parent ?? null, s / 3);
          }
        }
      }
      visit(c);
    }
  };
  visit(root);
  let best: DomElement | null = null;
  let bestScore = 0;
  for (const [n, s] of scores) {
    if (!isElement(n)) continue;
    const st = textStats(n);
    const final = st.chars === 0 ? 0 : s * (1 - st.linkChars / st.chars);
    scores.set(n, final);
    if (final > bestScore) {
      bestScore = final;
      best = n;
    }
  }
  if (!best) return [];
  const parent = best.parent;
  if (!parent) return [best];
  const threshold = Math.max(10, bestScore * 0.2);
  const out: DomNode[] = [];
  for (const sib of childrenOf(parent)) {
    if (sib === best) {
      out.push(sib);
      continue;
    }
    if (!isElement(sib)) continue;
    if ((scores.get(sib) ?? 0) >= threshold) {
      out.push(sib);
      continue;
    }
    if (sib.name === 'p') {
      const st = textStats(sib);
      if (st.chars > 80 && st.linkChars < 0.25 * st.chars) out.push(sib);
    }
  }
  return out;
}
