/**
 * Dictionary pattern syntax.
 *
 * - A pattern is one or more word patterns separated by spaces (a phrase: consecutive tokens).
 * - A word pattern is a literal word or a glob with `*`: `flüchtling*` (prefix), `*unterkunft`
 *   (suffix), `*heim*` (infix), `flücht*heim` (start and end), `*` alone (any word).
 * - Matching is on the token `norm` (lower-case, gender forms unified): literal words are normalized
 *   like tokens (`Helfer*innen` would be a glob, so write gender forms as the generic `helfer`);
 *   glob pieces are lower-cased.
 * - A leading `=` makes a word pattern case-sensitive: it is matched against the token's surface
 *   `text` as written (`=AfD`, `=Grüne*`).
 */
import { normalizeToken } from '../tokenize/german.js';

export type UnitKind = 'exact' | 'prefix' | 'suffix' | 'infix' | 'affix' | 'any';

/** One word pattern: what a single token must look like. */
export interface WordUnit {
  kind: UnitKind;
  /** Case-sensitive: matched against the surface text. */
  cased: boolean;
  /** Literal (exact), prefix, suffix or infix piece. */
  a: string;
  /** Suffix piece of an `affix` unit (`a*b`). */
  b: string;
}

function lowerPiece(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2010\u2011]/g, '-');
}

/** Parse one word pattern (no spaces). Returns null for an empty pattern. */
export function parseWordPattern(raw: string): WordUnit | null {
  let p = raw.trim();
  if (p === '') return null;
  let cased = false;
  if (p.startsWith('=') && p.length > 1) {
    cased = true;
    p = p.slice(1);
  }
  const piece = (s: string): string => (cased ? s : lowerPiece(s));
  if (/^\*+$/.test(p)) return { kind: 'any', cased, a: '', b: '' };
  const first = p.indexOf('*');
  if (first < 0) return { kind: 'exact', cased, a: cased ? p : normalizeToken(p), b: '' };
  const last = p.lastIndexOf('*');
  const starts = p.startsWith('*');
  const ends = p.endsWith('*');
  if (starts && ends) return { kind: 'infix', cased, a: piece(p.slice(1, -1).replace(/\*/g, '')), b: '' };
  if (ends) return { kind: 'prefix', cased, a: piece(p.slice(0, first)), b: '' };
  if (starts) return { kind: 'suffix', cased, a: piece(p.slice(last + 1)), b: '' };
  return { kind: 'affix', cased, a: piece(p.slice(0, first)), b: piece(p.slice(last + 1)) };
}

/** Parse a pattern into its word units (a phrase has several). */
export function parsePattern(raw: string): WordUnit[] {
  const units: WordUnit[] = [];
  for (const part of raw.trim().split(/\s+/)) {
    const u = parseWordPattern(part);
    if (u) units.push(u);
  }
  return units;
}

/** A canonical string for a unit, used to share identical units between patterns. */
export function unitKey(u: WordUnit): string {
  return `${u.cased ? '=' : ''}${u.kind}\u0000${u.a}\u0000${u.b}`;
}
