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
  if (!cls) return false;
  const i = cls.indexOf(name);
  if (i < 0) return false;
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

/** For each selector group, the elements below `root` matching any of its selectors, in document order. */
export function selectGroups(root: DomNode, groups: readonly (readonly SimpleSelector[])[]): DomElement[][] {
  const out: DomElement[][] = groups.map(() => []);
  const walk = (n: DomNode): void => {
    for (const c of childrenOf(n)) {
      if (!isElement(c)) continue;
      for (let g = 0; g < groups.length; g++) {
        const group = groups[g];
        if (group?.some((sel) => matches(c, sel))) out[g]?.push(c);
      }
      walk(c);
    }
  };
  walk(root);
  return out;
}
