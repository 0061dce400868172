/**
 * Loads the YAML template data of the corpus generator (common.yaml, topics.yaml, specials.yaml)
 * into typed structures. Block scalars hold one entry per line; specials hold blank-line paragraphs.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type Tone = 'positive' | 'negative' | 'neutral';
export const TONES: readonly Tone[] = ['positive', 'negative', 'neutral'];

export const TOPICS = [
  'housing',
  'education',
  'work',
  'language',
  'volunteering',
  'encounter',
  'safety',
  'conflict',
  'administration',
  'health',
] as const;
export type Topic = (typeof TOPICS)[number];

export const UNRELATED_KINDS = ['schuetzenfest', 'strassenbau', 'fussball', 'schulhaushalt'] as const;
export type UnrelatedKind = (typeof UNRELATED_KINDS)[number];

export interface TonePool {
  titles: string[];
  lead: string[];
  body: string[];
}

export interface TopicTemplates {
  label: string;
  positive: TonePool;
  negative: TonePool;
  neutral: TonePool;
}

export interface MunicipalityData {
  short: string;
  /** Rough size relative to Dortmund, scales the numbers in the text. */
  scale: number;
  /** [name, locative] e.g. ["Nordstadt", "in der Nordstadt"]. */
  districts: [string, string][];
}

export interface UnrelatedTemplates {
  tone: Tone;
  titles: string[];
  body: string[];
}

/** A noun phrase in nominative, dative and (when given) genitive. */
export type Cased = [string, string, string];

export interface CommonTemplates {
  municipalities: Record<string, MunicipalityData>;
  names: { first_f: string[]; first_m: string[]; last: string[]; refugee_m: string[]; refugee_f: string[] };
  origins: string[];
  roles: Record<string, [string, string]>;
  streets: string[];
  shelters: Cased[];
  carriers: Cased[];
  initiatives: Cased[];
  schools: Cased[];
  clubs: Cased[];
  parishes: Cased[];
  parties: string[];
  generic: Record<'context' | Tone, string[]>;
  refugeeStems: string[];
  unrelatedFiller: string[];
  unrelated: Record<UnrelatedKind, UnrelatedTemplates>;
  comments: { positive: string[]; negative: string[]; neutral: string[]; nicknames: string[] };
  captions: string[];
}

export interface AgencySpecial {
  municipality: string;
  topic: Topic;
  tone: Tone;
  agency: string;
  /** The copy saved as a web page. */
  web: { title: string; date: string; opening: string };
  /** The copy in the press-archive CSV, with an added closing line. */
  archive: { title: string; date: string; opening: string; closing: string };
  body: string[];
}

export interface PlainSpecial {
  municipality: string | null;
  topic: Topic;
  tone: Tone;
  date: string;
  title: string;
  author?: string;
  paragraphs: string[];
}

export interface SpecialTemplates {
  agency: AgencySpecial;
  windows1252: PlainSpecial;
  koeln_muelheim: PlainSpecial;
  muenster_church: PlainSpecial;
}

export interface Templates {
  common: CommonTemplates;
  topics: Record<Topic, TopicTemplates>;
  specials: SpecialTemplates;
}

const here = (name: string): URL => new URL(`./${name}`, import.meta.url);

// The YAML documents are plain data whose shape is fixed by the files next to this module.
type Yaml = Record<string, unknown>;

function readYaml(name: string): Yaml {
  return parse(readFileSync(here(name), 'utf8')) as Yaml;
}

/** One entry per non-empty line. */
export function lines(block: unknown): string[] {
  if (typeof block !== 'string') throw new Error(`expected a block of lines, got ${typeof block}`);
  return block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Paragraphs separated by blank lines, each joined into one line. */
export function paragraphs(block: unknown): string[] {
  if (typeof block !== 'string') throw new Error(`expected paragraphs, got ${typeof block}`);
  return block
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
}

function cased(block: unknown): Cased[] {
  return lines(block).map((line) => {
    const [nom, dat, gen] = line.split('|');
    if (!nom || !dat) throw new Error(`expected "nominative|dative[|genitive]": ${line}`);
    return [nom, dat, gen ?? dat];
  });
}

function pairs(block: unknown): [string, string][] {
  return lines(block).map((line) => {
    const [a, b] = line.split('|');
    if (!a || !b) throw new Error(`expected "name|locative": ${line}`);
    return [a, b];
  });
}

function obj(value: unknown, what: string): Yaml {
  if (value === null || typeof value !== 'object') throw new Error(`missing section ${what}`);
  return value as Yaml;
}

function tonePool(value: unknown, what: string): TonePool {
  const o = obj(value, what);
  return { titles: lines(o.titles), lead: lines(o.lead), body: lines(o.body) };
}

let cache: Templates | undefined;

export function loadTemplates(): Templates {
  if (cache) return cache;
  const c = readYaml('common.yaml');
  const t = readYaml('topics.yaml');
  const s = readYaml('specials.yaml');

  const municipalities: Record<string, MunicipalityData> = {};
  for (const [name, value] of Object.entries(obj(c.municipalities, 'municipalities'))) {
    const m = obj(value, name);
    municipalities[name] = { short: String(m.short), scale: Number(m.scale), districts: pairs(m.districts) };
  }
  const names = obj(c.names, 'names');
  const generic = obj(c.generic, 'generic');
  const unrelatedRaw = obj(c.unrelated, 'unrelated');
  const unrelated = {} as Record<UnrelatedKind, UnrelatedTemplates>;
  for (const kind of UNRELATED_KINDS) {
    const u = obj(unrelatedRaw[kind], kind);
    unrelated[kind] = { tone: u.tone as Tone, titles: lines(u.titles), body: lines(u.body) };
  }
  const comments = obj(c.comments, 'comments');
  const roles = obj(c.roles, 'roles') as Record<string, [string, string]>;

  const common: CommonTemplates = {
    municipalities,
    names: {
      first_f: lines(names.first_f),
      first_m: lines(names.first_m),
      last: lines(names.last),
      refugee_m: lines(names.refugee_m),
      refugee_f: lines(names.refugee_f),
    },
    origins: lines(c.origins),
    roles,
    streets: lines(c.streets),
    shelters: cased(c.shelters),
    carriers: cased(c.carriers),
    initiatives: cased(c.initiatives),
    schools: cased(c.schools),
    clubs: cased(c.clubs),
    parishes: cased(c.parishes),
    parties: lines(c.parties),
    generic: {
      context: lines(generic.context),
      positive: lines(generic.positive),
      negative: lines(generic.negative),
      neutral: lines(generic.neutral),
    },
    refugeeStems: lines(c.refugee_stems),
    unrelatedFiller: lines(c.unrelated_filler),
    unrelated,
    comments: {
      positive: lines(comments.positive),
      negative: lines(comments.negative),
      neutral: lines(comments.neutral),
      nicknames: lines(comments.nicknames),
    },
    captions: lines(c.captions),
  };

  const topics = {} as Record<Topic, TopicTemplates>;
  for (const topic of TOPICS) {
    const o = obj(t[topic], topic);
    topics[topic] = {
      label: String(o.label),
      positive: tonePool(o.positive, `${topic}.positive`),
      negative: tonePool(o.negative, `${topic}.negative`),
      neutral: tonePool(o.neutral, `${topic}.neutral`),
    };
  }

  const plain = (key: string): PlainSpecial => {
    const o = obj(s[key], key);
    return {
      municipality: (o.municipality as string | null) ?? null,
      topic: o.topic as Topic,
      tone: o.tone as Tone,
      date: String(o.date),
      title: String(o.title),
      ...(typeof o.author === 'string' ? { author: o.author } : {}),
      paragraphs: paragraphs(o.paragraphs),
    };
  };
  const a = obj(s.agency, 'agency');
  const web = obj(a.web, 'agency.web');
  const archive = obj(a.archive, 'agency.archive');
  const specials: SpecialTemplates = {
    agency: {
      municipality: String(a.municipality),
      topic: a.topic as Topic,
      tone: a.tone as Tone,
      agency: String(a.agency),
      web: {
        title: String(web.title),
        date: String(web.date),
        opening: paragraphs(web.opening)[0] ?? '',
      },
      archive: {
        title: String(archive.title),
        date: String(archive.date),
        opening: paragraphs(archive.opening)[0] ?? '',
        closing: paragraphs(archive.closing)[0] ?? '',
      },
      body: paragraphs(a.body),
    },
    windows1252: plain('windows1252'),
    koeln_muelheim: plain('koeln_muelheim'),
    muenster_church: plain('muenster_church'),
  };
  cache = { common, topics, specials };
  return cache;
}
