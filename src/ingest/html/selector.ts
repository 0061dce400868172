/**
 * A tiny matcher for the simple selectors of the extraction vocabulary (`tag`, `.class`, `#id`,
 * `[attr=value]`, `[attr*=value]`), compiled once; walking the DOM with it in one pass is much
 * cheaper than compiling CSS selectors for every page.
 */
import { childrenOf, type DomElement, type DomNode, isElement } from './dom.js';

export type SimpleSelector =
  | { kind: 'tag'; name: string }
  | { kind: 'class'; name: string }
  | { kind: 'id'; name: string }
  | { kind: 'attr'; name: string; op: '=' | '*='; value: string };

const ATTR = /^\[([\w-]+)\s*(\*?=)\s*["']?([^"'\]]*)["']?\]$/;

/** Parses one simple selector; throws on anything else so a data-file typo is caught early. */
export function parseSelector(sel: string): SimpleSelector {
  const s = sel.trim();
  if (/^[a-z][a-z0-9]*$/i.test(s)) return { kind: 'tag', name: s.toLowerCase() };
  if (/^\.[\w-]+$/.test(s)) return { kind: 'class', name: s.slice(1) };
  if (/^#[\w-]+$/.test(s)) return { kind: 'id', name: s.slice(1) };
  const m = ATTR.exec(s);
  if (m?.[1] && m[2] && m[3] !== undefined) {
    return { kind: 'attr', name: m[1].toLowerCase(), op: m[2] === '*=' ? '*=' : '=', value: m[3] };
  }
  throw new Error(`unsupported selector in extraction vocabulary: ${sel}`);
}

function hasClass(el: DomElement, name: string): boolean {
  const cls = el.attribs.class;
  if (!cls?.includes(name)) return false;
  return cls.split(/\s+/).includes(name);
}

export function matches(el: DomElement, sel: SimpleSelector): boolean {
  switch (sel.kind) {
    case 'tag':
      return el.name === sel.name;
    case 'class':
      return hasClass(el, sel.name);
    case 'id':
      return el.attribs.id === sel.name;
    case 'attr': {
      const v = el.attribs[sel.name];
      if (v === undefined) return false;
      return sel.op === '=' ? v === sel.value : v.includes(sel.value);
    }
  }
}

interface SelectorIndex {
  byTag: Map<string, number[]>;
  byClass: Map<string, number[]>;
  byId: Map<string, number[]>;
  attrs: Array<{ sel: SimpleSelector; group: number }>;
}

const indexes = new WeakMap<readonly (readonly SimpleSelector[])[], SelectorIndex>();

function push(map: Map<string, number[]>, key: string, group: number): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(group)) list.push(group);
  } else {
    map.set(key, [group]);
  }
}

/** Lookup tables from tag, class and id to the groups naming them; attribute selectors are tested one by one. */
function indexOf(groups: readonly (readonly SimpleSelector[])[]): SelectorIndex {
  const cached = indexes.get(groups);
  if (cached) return cached;
  const index: SelectorIndex = { byTag: new Map(), byClass: new Map(), byId: new Map(), attrs: [] };
  groups.forEach((group, g) => {
    for (const sel of group) {
      if (sel.kind === 'tag') push(index.byTag, sel.name, g);
      else if (sel.kind === 'class') push(index.byClass, sel.name, g);
      else if (sel.kind === 'id') push(index.byId, sel.name, g);
      else index.attrs.push({ sel, group: g });
    }
  });
  indexes.set(groups, index);
  return index;
}

/** For each selector group, the elements below `root` matching any of its selectors, in document order. */
export function selectGroups(root: DomNode, groups: readonly (readonly SimpleSelector[])[]): DomElement[][] {
  const index = indexOf(groups);
  const out: DomElement[][] = groups.map(() => []);
  const hit = new Set<number>();
  const walk = (n: DomNode): void => {
    for (const c of childrenOf(n)) {
      if (!isElement(c)) continue;
      hit.clear();
      for (const g of index.byTag.get(c.name) ?? []) hit.add(g);
      const id = c.attribs.id;
      if (id) for (const g of index.byId.get(id) ?? []) hit.add(g);
      const cls = c.attribs.class;
      if (cls) {
        for (const token of cls.split(/\s+/)) {
          if (!token) continue;
          for (const g of index.byClass.get(token) ?? []) hit.add(g);
        }
      }
      for (const a of index.attrs) if (!hit.has(a.group) && matches(c, a.sel)) hit.add(a.group);
      for (const g of hit) out[g]?.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}
