/**
 * Page metadata from JSON-LD, OpenGraph and other <meta> tags, <link rel=canonical> and <html lang>.
 * Values are returned as found (trimmed); dates are the raw strings, to be parsed by `ingest/dates`.
 */
import { readFileSync } from 'node:fs';
import type { CheerioAPI } from 'cheerio';
import { dataPath } from '../../paths.js';

export interface PageMetadata {
  headline: string | null;
  description: string | null;
  siteName: string | null;
  author: string | null;
  url: string | null;
  language: string | null;
  datePublished: string | null;
  dateModified: string | null;
  articleBody: string | null;
  type: string | null;
}

interface MetaNames {
  published: string[];
  modified: string[];
  author: string[];
  title: string[];
  description: string[];
  siteName: string[];
  url: string[];
  language: string[];
  type: string[];
}

interface JsonLdTypes {
  article: string[];
  creative: string[];
  page: string[];
  nested: string[];
}

const META_NAMES = JSON.parse(readFileSync(dataPath('dates', 'meta-names.json'), 'utf8')) as MetaNames;
const LD_TYPES = JSON.parse(readFileSync(dataPath('dates', 'jsonld-types.json'), 'utf8')) as JsonLdTypes;
const ARTICLE_TYPES = new Set(LD_TYPES.article.map((t) => t.toLowerCase()));
const CREATIVE_TYPES = new Set(LD_TYPES.creative.map((t) => t.toLowerCase()));
const PAGE_TYPES = new Set(LD_TYPES.page.map((t) => t.toLowerCase()));

/** A JSON object as parsed from JSON-LD. */
export type JsonObject = { [key: string]: unknown };

/** One typed node of the page's JSON-LD, in document order. */
export interface JsonLdNode {
  types: string[];
  /** 0 article-like, 1 other creative work, 2 web page, 3 anything else. */
  rank: number;
  node: JsonObject;
  /** True when the node was recovered by pattern matching from JSON-LD that does not parse. */
  salvaged: boolean;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeNames(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^https?:\/\/schema\.org\//i, '').trim());
}

function rankOf(types: string[]): number {
  const lower = types.map((t) => t.toLowerCase());
  if (lower.some((t) => ARTICLE_TYPES.has(t))) return 0;
  if (lower.some((t) => CREATIVE_TYPES.has(t))) return 1;
  if (lower.some((t) => PAGE_TYPES.has(t))) return 2;
  return 3;
}

/** Attempts, in order, to turn the text of a JSON-LD script into parsed JSON. */
function parseLenient(raw: string): unknown {
  let s = raw
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>\s*$/, '')
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .trim();
  if (!s) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    // fall through to repairs
  }
  // Raw line breaks and tabs inside strings are the most common fault; as whitespace they are harmless
  // outside strings, so all of them become spaces. Then trailing commas and concatenated objects.
  s = s
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/,\s*([}\]])/g, '$1')
    .replace(/;\s*$/, '');
  try {
    return JSON.parse(s);
  } catch {
    // fall through
  }
  try {
    return JSON.parse(`[${s.replace(/}\s*{/g, '},{')}]`);
  } catch {
    return undefined;
  }
}

/** Keys recovered from JSON-LD that does not parse at all. */
const SALVAGE_KEYS = ['@type', 'datePublished', 'dateModified', 'dateCreated', 'headline', 'inLanguage'];

function salvage(raw: string): JsonObject | null {
  const node: JsonObject = {};
  for (const key of SALVAGE_KEYS) {
    const re = new RegExp(`"${key.replace('@', '@?')}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){1,300})"`);
    const m = re.exec(raw);
    if (m?.[1]) node[key] = m[1].replace(/\\(.)/g, '$1');
  }
  return Object.keys(node).length > 0 ? node : null;
}

/** All typed JSON-LD nodes of the page, walking arrays, `@graph` and nested entities. */
export function readJsonLdNodes($: CheerioAPI): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  const nested = new Set(LD_TYPES.nested);
  const visit = (v: unknown, depth: number, salvaged: boolean): void => {
    if (depth > 6) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1, salvaged);
      return;
    }
    if (!isObject(v)) return;
    const types = typeNames(v);
    if (types.length > 0) out.push({ types, rank: rankOf(types), node: v, salvaged });
    for (const key of Object.keys(v)) {
      if (nested.has(key)) visit(v[key], depth + 1, salvaged);
    }
  };
  $('script[type="application/ld+json" i]').each((_, el) => {
    const raw = $(el).text();
    const parsed = parseLenient(raw);
    if (parsed !== undefined) visit(parsed, 0, false);
    else {
      const node = salvage(raw);
      if (node) visit(node, 0, true);
    }
  });
  return out;
}

/** <meta> tags by lower-cased name/property/itemprop/http-equiv; values in document order. */
export function readMetaTags($: CheerioAPI): Map<string, string[]> {
  const map = new Map<string, string[]>();
  $('meta').each((_, el) => {
    const attrs = el.attribs;
    const content = (attrs.content ?? attrs.value ?? '').trim();
    if (!content) return;
    for (const a of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = attrs[a]?.trim().toLowerCase();
      if (!key) continue;
      // A property attribute may hold several space-separated names (RDFa).
      for (const k of key.split(/\s+/)) {
        const list = map.get(k);
        if (list) list.push(content);
        else map.set(k, [content]);
      }
    }
  });
  return map;
}

function firstMeta(meta: Map<string, string[]>, names: string[]): string | null {
  for (const n of names) {
    const v = meta.get(n)?.[0];
    if (v) return v;
  }
  return null;
}

function str(v: unknown): string | null {
  if (typeof v === 'string') {
    const t = v.replace(/\s+/g, ' ').trim();
    return t || null;
  }
  if (typeof v === 'number') return String(v);
  return null;
}

/** Names of an `author`/`publisher` value: a string, a Person/Organization object, an @id reference or an array. */
function personNames(v: unknown, byId: Map<string, JsonObject>): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => personNames(x, byId));
  const s = str(v);
  if (s) return [s];
  if (!isObject(v)) return [];
  const name = str(v.name);
  if (name) return [name];
  const id = str(v['@id']);
  const ref = id ? byId.get(id) : undefined;
  if (ref && ref !== v) return str(ref.name) ? [str(ref.name) as string] : [];
  return [];
}

/** The best node carrying `key`: lowest rank first, then document order. */
function bestValue(nodes: JsonLdNode[], key: string, maxRank = 3): unknown {
  let best: JsonLdNode | null = null;
  for (const n of nodes) {
    if (n.rank > maxRank || n.node[key] === undefined || n.node[key] === null || n.node[key] === '') continue;
    if (!best || n.rank < best.rank) best = n;
  }
  return best ? best.node[key] : undefined;
}

/** Primary language subtag, lower-case: `de-DE` and `de_DE` give `de`. */
function languageCode(v: string | null): string | null {
  if (!v) return null;
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(v);
  return m?.[1] ? m[1].toLowerCase() : null;
}

function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

export function readPageMetadata($: CheerioAPI): PageMetadata {
  const nodes = readJsonLdNodes($);
  const meta = readMetaTags($);
  const byId = new Map<string, JsonObject>();
  for (const n of nodes) {
    const id = str(n.node['@id']);
    if (id && !byId.has(id)) byId.set(id, n.node);
  }

  const ldHeadline = str(bestValue(nodes, 'headline', 1)) ?? str(bestValue(nodes, 'name', 0));
  const ldAuthors = personNames(bestValue(nodes, 'author', 1), byId);
  const metaAuthor = firstMeta(meta, META_NAMES.author);
  const publisher = bestValue(nodes, 'publisher', 2);
  const ldPublisher = personNames(publisher, byId)[0] ?? null;

  const ldUrl = (() => {
    const u = bestValue(nodes, 'url', 0) ?? bestValue(nodes, 'mainEntityOfPage', 0);
    if (typeof u === 'string') return str(u);
    if (isObject(u)) return str(u['@id']) ?? str(u.url);
    return null;
  })();
  const canonical = $('link[rel~="canonical" i]').first().attr('href')?.trim() || null;

  const articleNode = nodes.find((n) => n.rank === 0);
  const typeFromLd = articleNode?.types[0] ?? nodes.find((n) => n.rank <= 2)?.types[0] ?? null;

  return {
    headline: ldHeadline ?? firstMeta(meta, META_NAMES.title) ?? str($('title').first().text()),
    description: str(bestValue(nodes, 'description', 1)) ?? firstMeta(meta, META_NAMES.description),
    siteName: firstMeta(meta, META_NAMES.siteName) ?? ldPublisher,
    author:
      ldAuthors.length > 0
        ? [...new Set(ldAuthors)].join(', ')
        : metaAuthor && !isUrl(metaAuthor)
          ? metaAuthor
          : null,
    url: canonical ?? firstMeta(meta, META_NAMES.url) ?? ldUrl,
    language:
      languageCode($('html').first().attr('lang') ?? null) ??
      languageCode(str(bestValue(nodes, 'inLanguage', 2))) ??
      languageCode(firstMeta(meta, META_NAMES.language)),
    datePublished:
      str(bestValue(nodes, 'datePublished', 2)) ??
      firstMeta(meta, META_NAMES.published) ??
      str(bestValue(nodes, 'dateCreated', 1)),
    dateModified: str(bestValue(nodes, 'dateModified', 2)) ?? firstMeta(meta, META_NAMES.modified),
    articleBody: str(bestValue(nodes, 'articleBody', 1)),
    type: typeFromLd ?? firstMeta(meta, META_NAMES.type),
  };
}
