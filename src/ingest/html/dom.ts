/**
 * Minimal structural view of the DOM nodes cheerio builds (domhandler), so the extraction walks
 * raw nodes directly, which is much faster than going through cheerio wrappers.
 */

export interface DomText {
  type: 'text';
  data: string;
  parent: DomParent | null;
}

export interface DomElement {
  type: 'tag' | 'script' | 'style';
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
  parent: DomParent | null;
}

export interface DomOther {
  type: 'comment' | 'directive' | 'cdata' | 'root';
  children?: DomNode[];
  parent: DomParent | null;
}

export type DomNode = DomText | DomElement | DomOther;
export type DomParent = DomElement | DomOther;

export function isElement(n: DomNode): n is DomElement {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export function isText(n: DomNode): n is DomText {
  return n.type === 'text';
}

/** Children of any node (empty for text). */
export function childrenOf(n: DomNode): DomNode[] {
  return n.type === 'text' ? [] : (n.children ?? []);
}

/** Number of non-space characters of text below a node, and how many of them sit inside links. */
export function textStats(n: DomNode): { chars: number; linkChars: number } {
  const acc = { chars: 0, linkChars: 0 };
  countText(n, false, acc);
  return acc;
}

function countText(n: DomNode, inLink: boolean, acc: { chars: number; linkChars: number }): void {
  if (n.type === 'text') {
    const len = nonSpaceLength(n.data);
    acc.chars += len;
    if (inLink) acc.linkChars += len;
    return;
  }
  if (n.type === 'comment' || n.type === 'script' || n.type === 'style') return;
  const link = inLink || (isElement(n) && n.name === 'a');
  for (const c of childrenOf(n)) countText(c, link, acc);
}

/** Length of a string without its whitespace. */
export function nonSpaceLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 160 && c !== 12) n++;
  }
  return n;
}

/** Detach a node from its parent. */
export function detach(n: DomNode): void {
  const p = n.parent;
  if (!p) return;
  const kids = childrenOf(p);
  const i = kids.indexOf(n);
  if (i >= 0) kids.splice(i, 1);
  // domhandler keeps sibling links; keep them consistent for later cheerio use.
  const sib = n as unknown as { prev: DomNode | null; next: DomNode | null };
  const prev = sib.prev as unknown as { next: DomNode | null } | null;
  const next = sib.next as unknown as { prev: DomNode | null } | null;
  if (prev) prev.next = sib.next;
  if (next) next.prev = sib.prev;
  sib.prev = null;
  sib.next = null;
  n.parent = null;
}

/** All elements below a node (depth first, document order) that satisfy a test. */
export function findAll(
  root: DomNode,
  test: (e: DomElement) => boolean,
  out: DomElement[] = [],
): DomElement[] {
  for (const c of childrenOf(root)) {
    if (!isElement(c)) continue;
    if (test(c)) out.push(c);
    findAll(c, test, out);
  }
  return out;
}

/** True when `inner` is `outer` or lies below it. */
export function contains(outer: DomNode, inner: DomNode): boolean {
  let n: DomNode | null = inner;
  while (n) {
    if (n === outer) return true;
    n = n.parent;
  }
  return false;
}
