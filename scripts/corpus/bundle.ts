/**
 * The bundled sample corpus: plans ~280 fictional articles over eight municipalities and 24 months,
 * writes them as saved web pages, a press-database CSV, JSONL, text files and a Nexis export,
 * adds the special cases (agency duplicate, windows-1252 page, unreadable file, damaged CSV row,
 * awkward places, unrelated articles) and records the ground truth for the end-to-end test.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { type ArticleSpec, composeArticle, type DatelineStyle } from './compose.js';
import {
  addDays,
  compareDays,
  type Day,
  daysInMonth,
  iso,
  longDe,
  monthKey,
  weekday,
} from './german-dates.js';
import {
  type PageInput,
  type ReaderComment,
  renderRheinErftRundblick,
  renderSauerlaenderBote,
  renderWestfalenAbendpost,
  type Teaser,
} from './html-pages.js';
import { MUNICIPALITIES, OUTLETS, type Outlet, type OutletKey, slugify } from './outlets.js';
import type { Rng } from './prng.js';
import { createRng } from './prng.js';
import {
  type ArchiveRecord,
  csvHeader,
  csvRow,
  jsonlLine,
  nexisDocument,
  TEXT_HEADER_KEYS,
  type TextHeader,
  textFile,
} from './records.js';
import {
  loadTemplates,
  type Templates,
  TOPICS,
  type Tone,
  type Topic,
  UNRELATED_KINDS,
  type UnrelatedKind,
} from './templates.js';

type Kind = 'web' | 'csv' | 'text' | 'jsonl' | 'nexis';
type Special = 'agency-web' | 'agency-archive' | 'windows1252' | 'koeln' | 'church';

/** One planned article with its truth and, after composing, its text and place in the corpus. */
export interface Entry {
  seq: number;
  kind: Kind;
  outlet: Outlet;
  /** True municipality (null: none of the eight). */
  municipality: string | null;
  date: Day;
  hour: number;
  minute: number;
  topic: Topic | null;
  tone: Tone;
  relevant: boolean;
  unrelated: UnrelatedKind | null;
  districtOnly: boolean;
  /** The municipality is written in the record's metadata (CSV column, JSONL field, Ort/Municipality header). */
  metaMunicipality: boolean;
  textHeader: TextHeader;
  special: Special | null;
  title: string;
  paragraphs: string[];
  author: string | null;
  agency: string | null;
  id: string;
  url: string;
  file: string;
  record: number | null;
  /** Filled by composing: a caption for web pages. */
  caption: string;
}

export interface TruthRow {
  file: string;
  record: number | null;
  municipality: string | null;
  date: string;
  tone: Tone;
  topic: Topic | null;
  relevant: boolean;
  title: string;
}

export interface Expected {
  seed: string;
  inputs: number;
  articles: number;
  articles_unique: number;
  formats: Record<string, number>;
  outlets: Record<string, string[]>;
  text_header_keys: Record<string, readonly string[]>;
  rejected: { file: string; record: number | null; reason_contains: string }[];
  duplicates: {
    file: string;
    record: number | null;
    duplicate_of_file: string;
    duplicate_of_record: number | null;
  }[];
  windows1252: { file: string; title: string };
  municipality_month: { municipality: string; month: string; articles: number }[];
  clearly_negative: { file: string; record: number | null }[];
  clearly_positive: { file: string; record: number | null }[];
  unrelated: { file: string; record: number | null }[];
  places: { file: string; record: number | null; municipality: string | null; note: string }[];
  /** Header-less text files: the day is only in the opening dateline ("Altena, 3. März 2016 – …") and file name. */
  date_only_in_text: { file: string; record: number | null; date: string }[];
}

/** Title and plain text of every article, for checks on the generated prose. */
export interface ArticleText {
  file: string;
  record: number | null;
  municipality: string | null;
  relevant: boolean;
  title: string;
  text: string;
}

const CSV_FILE = 'pressearchiv/export-2015-2016.csv';
const JSONL_FILE = 'pressearchiv/nachtrag.jsonl';
const NEXIS_FILE = 'pressearchiv/nexis-export.txt';
const BROKEN_FILE = 'web/westfalen-abendpost/kaputt.html';

/** Which outlet/format carries articles of each municipality, with weights. */
const CHANNELS: Record<string, [OutletKey, Kind, number][]> = {
  Altena: [
    ['sb', 'web', 0.85],
    ['lta', 'text', 0.15],
  ],
  Bergheim: [
    ['rr', 'web', 0.85],
    ['ek', 'text', 0.15],
  ],
  Bielefeld: [
    ['wap', 'web', 0.72],
    ['bsb', 'text', 0.28],
  ],
  Dortmund: [
    ['wap', 'web', 0.4],
    ['rt', 'csv', 0.6],
  ],
  Hamminkeln: [
    ['nn', 'csv', 0.82],
    ['hwb', 'text', 0.18],
  ],
  'Mülheim an der Ruhr': [
    ['rt', 'csv', 0.82],
    ['mw', 'text', 0.18],
  ],
  Münster: [
    ['wap', 'web', 0.45],
    ['mzs', 'csv', 0.55],
  ],
  Nordkirchen: [
    ['wap', 'web', 0.4],
    ['mzs', 'csv', 0.6],
  ],
};

/** Intended tone mix per topic: [positive, negative, neutral]. */
const TONE_MIX: Record<Topic, [number, number, number]> = {
  housing: [0.25, 0.4, 0.35],
  education: [0.45, 0.25, 0.3],
  work: [0.4, 0.3, 0.3],
  language: [0.45, 0.25, 0.3],
  volunteering: [0.55, 0.2, 0.25],
  encounter: [0.6, 0.2, 0.2],
  safety: [0.15, 0.6, 0.25],
  conflict: [0.25, 0.55, 0.2],
  administration: [0.2, 0.35, 0.45],
  health: [0.35, 0.3, 0.35],
};

/** Topic weights follow the course of events: arrival and housing in 2015, schooling and work in 2016. */
function topicWeights(date: Day): [Topic, number][] {
  const early = date.y === 2015 && date.m <= 6;
  const peak = date.y === 2015 && date.m > 6;
  return TOPICS.map((t) => {
    let w = 1;
    if (early && (t === 'housing' || t === 'administration')) w = 3;
    if (early && t === 'volunteering') w = 2;
    if (peak && t === 'housing') w = 4;
    if (peak && t === 'volunteering') w = 3;
    if (peak && (t === 'conflict' || t === 'safety' || t === 'administration' || t === 'encounter')) w = 2;
    if (!early && !peak && (t === 'work' || t === 'language')) w = 2.5;
    if (!early && !peak && (t === 'education' || t === 'safety')) w = 2;
    if (!early && !peak && (t === 'housing' || t === 'encounter')) w = 1.5;
    return [t, w];
  });
}

const MONTHS: Day[] = Array.from({ length: 24 }, (_, i) => ({
  y: 2015 + Math.floor(i / 12),
  m: (i % 12) + 1,
  d: 1,
}));

/** More coverage in the autumn and winter of 2015/16. */
const monthWeight = (d: Day): number => {
  const i = (d.y - 2015) * 12 + d.m - 1;
  return i >= 7 && i <= 14 ? 3 : i >= 15 ? 1.2 : 0.6;
};

const dayOf = (text: string): Day => {
  const [y, m, d] = text.split('-').map(Number);
  return { y: y ?? 2015, m: m ?? 1, d: d ?? 1 };
};

/** Moves a day to a Sunday in the same month (the Sunday paper). */
function sundayOf(day: Day): Day {
  const forward = addDays(day, (7 - weekday(day)) % 7);
  return forward.m === day.m ? forward : addDays(day, -weekday(day));
}

function emptyEntry(seq: number, outlet: Outlet, kind: Kind, municipality: string | null, date: Day): Entry {
  return {
    seq,
    kind,
    outlet,
    municipality,
    date,
    hour: 12,
    minute: 0,
    topic: null,
    tone: 'neutral',
    relevant: true,
    unrelated: null,
    districtOnly: false,
    metaMunicipality: false,
    textHeader: 'none',
    special: null,
    title: '',
    paragraphs: [],
    author: null,
    agency: null,
    id: '',
    url: '',
    file: '',
    record: null,
    caption: '',
  };
}

/** Step 1: where, when and through which channel each article appears. */
function planEntries(rng: Rng): Entry[] {
  const entries: Entry[] = [];
  const add = (municipality: string, month: Day, forced?: [OutletKey, Kind]): Entry => {
    const channel =
      forced ??
      (() => {
        const [o, k] = rng.weighted(
          (CHANNELS[municipality] ?? []).map(([o, k, w]) => [[o, k] as const, w] as const),
        );
        return [o, k] as [OutletKey, Kind];
      })();
    const [outletKey, kind] = channel;
    let date: Day = { y: month.y, m: month.m, d: rng.int(1, daysInMonth(month.y, month.m)) };
    if (outletKey === 'mzs') date = sundayOf(date);
    const e = emptyEntry(entries.length, OUTLETS[outletKey], kind, municipality, date);
    entries.push(e);
    return e;
  };
  // Every municipality in every month at least once.
  for (const municipality of MUNICIPALITIES) for (const month of MONTHS) add(municipality, month);
  // Extra articles, more for larger towns and for the busy months.
  const muniWeights = MUNICIPALITIES.map(
    (m) => [m, 0.3 + Math.sqrt(loadTemplates().common.municipalities[m]?.scale ?? 0.1)] as const,
  );
  const monthWeights = MONTHS.map((d) => [d, monthWeight(d)] as const);
  for (let i = 0; i < 66; i++) add(rng.weighted(muniWeights), rng.weighted(monthWeights));
  // The JSONL supplement and the Nexis export.
  const supplement: [string, string, OutletKey, Kind][] = [
    ['Hamminkeln', '2016-11', 'nn', 'jsonl'],
    ['Hamminkeln', '2016-12', 'nn', 'jsonl'],
    ['Dortmund', '2016-12', 'rt', 'jsonl'],
    ['Mülheim an der Ruhr', '2016-12', 'rt', 'jsonl'],
    ['Münster', '2016-10', 'mzs', 'jsonl'],
    ['Dortmund', '2016-03', 'rt', 'nexis'],
    ['Münster', '2015-11', 'mzs', 'nexis'],
    ['Mülheim an der Ruhr', '2016-05', 'rt', 'nexis'],
  ];
  for (const [m, month, o, k] of supplement) add(m, dayOf(`${month}-01`), [o, k]);
  return entries;
}

/** Step 2: topic, tone, relevance, place style and header variant of each generated entry. */
function decideContent(rng: Rng, entries: Entry[]): void {
  let unrelatedTurn = 0;
  let jsonlNull = false;
  for (const e of entries) {
    e.hour = rng.int(5, 22);
    e.minute = rng.int(0, 59);
    // Unrelated local news: about one in thirteen, never in the supplement files.
    if ((e.kind === 'web' || e.kind === 'csv' || e.kind === 'text') && rng.chance(0.075)) {
      const kind = UNRELATED_KINDS[unrelatedTurn++ % UNRELATED_KINDS.length] ?? 'schulhaushalt';
      e.unrelated = kind;
      e.relevant = false;
      e.tone = loadTemplates().common.unrelated[kind].tone;
    } else {
      const topic = rng.weighted(topicWeights(e.date));
      const [p, n, z] = TONE_MIX[topic];
      e.topic = topic;
      e.tone = rng.weighted([
        ['positive', p],
        ['negative', n],
        ['neutral', z],
      ] as const);
    }
    switch (e.kind) {
      case 'csv':
        e.metaMunicipality = rng.chance(0.84);
        break;
      case 'jsonl':
        e.metaMunicipality = e.municipality !== 'Mülheim an der Ruhr' || jsonlNull;
        if (e.municipality === 'Mülheim an der Ruhr') jsonlNull = true;
        break;
      case 'text': {
        const byOutlet: Record<string, TextHeader> = {
          lta: 'de',
          ek: 'de',
          bsb: 'de-no-place',
          mw: 'en',
          hwb: 'de',
        };
        e.textHeader = byOutlet[e.outlet.key] ?? 'de';
        if (e.outlet.key === 'hwb' && rng.chance(0.4)) e.textHeader = 'en';
        // Some clippings lost their header (then the place comes from the text only).
        if (rng.chance(0.22)) e.textHeader = 'none';
        e.metaMunicipality = e.textHeader === 'de' || e.textHeader === 'en';
        break;
      }
      case 'web':
        e.metaMunicipality = e.outlet.key !== 'wap';
        break;
      case 'nexis':
        e.metaMunicipality = false;
        break;
    }
    e.districtOnly = !e.metaMunicipality && e.relevant && rng.chance(0.35);
  }
}

function reporterPool(rng: Rng, templates: Templates): Record<string, string[]> {
  const pool: Record<string, string[]> = {};
  for (const o of Object.values(OUTLETS)) {
    pool[o.key] = Array.from({ length: 4 }, () => {
      const female = rng.chance(0.5);
      const n = templates.common.names;
      return `${rng.pick(female ? n.first_f : n.first_m)} ${rng.pick(n.last)}`;
    });
  }
  return pool;
}

function datelineFor(rng: Rng, e: Entry): DatelineStyle {
  if (e.kind === 'text' && e.textHeader === 'none') return 'none';
  if (e.outlet.key === 'sb' || e.outlet.key === 'rr') return rng.chance(0.4) ? 'none' : 'plain';
  return rng.weighted([
    ['plain', 3],
    ['caps', 2],
    ['tagged', 2],
  ] as const);
}

/** Step 3: compose the text of every generated entry. */
function composeEntries(rng: Rng, templates: Templates, entries: Entry[]): void {
  const reporters = reporterPool(rng.fork('reporters'), templates);
  for (const e of entries) {
    if (e.special) continue;
    const r = rng.fork(`article-${e.seq}`);
    const spec: ArticleSpec = {
      municipality: e.municipality ?? 'Dortmund',
      date: e.date,
      topic: e.topic,
      unrelated: e.unrelated,
      tone: e.tone,
      districtOnly: e.districtOnly,
      words: [170, 430],
      dateline: datelineFor(r, e),
      datelineTag: e.outlet.tag,
    };
    const a = composeArticle(r, templates, spec);
    e.title = a.title;
    e.paragraphs = a.paragraphs;
    if (e.kind === 'text' && e.textHeader === 'none') {
      // A clipping without header: the place and day open the first paragraph.
      e.paragraphs[0] = `${a.placeLabel}, ${longDe(e.date)} – ${e.paragraphs[0] ?? ''}`;
    }
    e.author = r.chance(0.85) ? r.pick(reporters[e.outlet.key] ?? ['Redaktion']) : null;
    if (!e.author) e.agency = e.outlet.tag;
    e.caption = a.filler.expand(r.pick(templates.common.captions));
  }
}

/** Step 4: the hand-written special articles. */
function addSpecials(templates: Templates, entries: Entry[]): void {
  const s = templates.specials;
  const push = (
    outlet: Outlet,
    kind: Kind,
    special: Special,
    municipality: string | null,
    date: string,
  ): Entry => {
    const e = emptyEntry(entries.length, outlet, kind, municipality, dayOf(date));
    e.special = special;
    e.hour = 9 + (entries.length % 10);
    e.minute = (entries.length * 7) % 60;
    entries.push(e);
    return e;
  };
  const ag = s.agency;
  const first = push(OUTLETS.wap, 'web', 'agency-web', ag.municipality, ag.web.date);
  Object.assign(first, {
    topic: ag.topic,
    tone: ag.tone,
    title: ag.web.title,
    paragraphs: [ag.web.opening, ...ag.body],
    agency: 'nnd',
    caption: 'Das frühere Verwaltungsgebäude in Eving soll zur Erstaufnahme werden.',
  });
  const second = push(OUTLETS.rt, 'csv', 'agency-archive', ag.municipality, ag.archive.date);
  Object.assign(second, {
    topic: ag.topic,
    tone: ag.tone,
    title: ag.archive.title,
    paragraphs: [ag.archive.opening, ...ag.body, ag.archive.closing],
    agency: 'nnd',
    metaMunicipality: true,
  });
  for (const [key, outlet, kind, special] of [
    ['windows1252', OUTLETS.wap, 'web', 'windows1252'],
    ['koeln_muelheim', OUTLETS.rt, 'csv', 'koeln'],
    ['muenster_church', OUTLETS.wap, 'web', 'church'],
  ] as const) {
    const p = s[key];
    const e = push(outlet, kind, special, p.municipality, p.date);
    Object.assign(e, {
      topic: p.topic,
      tone: p.tone,
      title: p.title,
      paragraphs: p.paragraphs,
      author: p.author ?? null,
      agency: p.author ? null : outlet.tag,
      caption: 'Szene am Rande der Veranstaltung.',
    });
  }
}

const csvId = (e: Entry): string => `${e.outlet.tag}-${e.date.y}-${String(1000 + e.seq).slice(-4)}`;

/** Step 5: ids, URLs, files and record numbers. */
function placeEntries(entries: Entry[]): void {
  const usedFiles = new Set<string>();
  const unique = (file: string): string => {
    let f = file;
    for (let i = 2; usedFiles.has(f); i++) f = file.replace(/(\.\w+)$/, `-${i}$1`);
    usedFiles.add(f);
    return f;
  };
  const byDate = [...entries].sort((a, b) => compareDays(a.date, b.date) || a.hour - b.hour || a.seq - b.seq);
  for (const e of byDate) {
    const slug = slugify(e.title);
    const num = String(100_000 + e.seq * 37);
    const d = e.date;
    const ymd = iso(d).split('-').join('/');
    const muniSlug = slugify(e.municipality ?? 'region');
    switch (e.outlet.key) {
      case 'sb':
        e.url = `https://${e.outlet.domain}/lokales/altena/${slug}-${num}.html`;
        break;
      case 'rr':
        e.url = `https://${e.outlet.domain}/bergheim/${slug}-aid-${num}`;
        break;
      case 'wap':
        e.url = `https://${e.outlet.domain}/region/${ymd}/${slug}-${num}.html`;
        break;
      case 'rt':
        e.url = `https://${e.outlet.domain}/${e.metaMunicipality ? `staedte/${muniSlug}` : 'region'}/${slug}-id${num}.html`;
        break;
      case 'mzs':
        e.url = `https://${e.outlet.domain}/${ymd}/${slug}`;
        break;
      default:
        e.url = `https://${e.outlet.domain}/${muniSlug}/${slug}-${num}`;
    }
    e.id = csvId(e);
    if (e.kind === 'web') e.file = unique(`web/${e.outlet.slug}/${slug}-${num}.html`);
    if (e.kind === 'text') {
      const folder = e.textHeader === 'none' ? 'ausschnitte' : e.outlet.slug;
      e.file = unique(`text/${folder}/${iso(d)}-${slug}.txt`);
    }
    if (e.kind === 'csv') e.file = CSV_FILE;
    if (e.kind === 'jsonl') e.file = JSONL_FILE;
    if (e.kind === 'nexis') e.file = NEXIS_FILE;
  }
  for (const kind of ['jsonl', 'nexis'] as const) {
    byDate
      .filter((e) => e.kind === kind)
      .forEach((e, i) => {
        e.record = i + 1;
      });
  }
}

function comments(rng: Rng, templates: Templates, e: Entry): ReaderComment[] {
  const c = templates.common.comments;
  const n = e.relevant ? rng.int(0, 4) : rng.int(0, 1);
  return Array.from({ length: n }, (_, i) => {
    const date = addDays(e.date, rng.int(0, 3) + (i > 1 ? 1 : 0));
    const sameDay = compareDays(date, e.date) === 0;
    const hour = sameDay ? Math.min(23, e.hour + rng.int(1, 3)) : rng.int(6, 23);
    const mood = rng.weighted([
      [c.positive, e.tone === 'positive' ? 3 : 1],
      [c.negative, e.tone === 'negative' ? 3 : 1.5],
      [c.neutral, 1.5],
    ] as const);
    return { nick: rng.pick(c.nicknames), date, hour, minute: rng.int(0, 59), text: rng.pick(mood) };
  });
}

function teasersFor(rng: Rng, e: Entry, all: Entry[]): Teaser[] {
  const same = all.filter(
    (o) => o !== e && o.kind === 'web' && o.outlet === e.outlet && Math.abs(compareDays(o.date, e.date)) >= 0,
  );
  const before = same.filter((o) => compareDays(o.date, e.date) <= 0).slice(-6);
  const picks = rng.shuffle(before.length >= 3 ? before : same).slice(0, rng.int(3, 4));
  return picks.map((o) => ({ title: o.title, url: o.url, date: o.date }));
}

function renderPage(rng: Rng, templates: Templates, e: Entry, all: Entry[]): Buffer {
  const names = templates.common.names;
  const photographer = `${rng.pick(rng.chance(0.5) ? names.first_f : names.first_m)} ${rng.pick(names.last)}`;
  const credit = rng.weighted([
    [`${photographer} / ${e.outlet.name}`, 4],
    ['Archiv', 1],
    ['privat', 1],
    [photographer, 2],
  ] as const);
  const savedYear = rng.chance(0.7) ? 2017 : Math.max(e.date.y, 2016);
  const page: PageInput = {
    title: e.title,
    paragraphs: e.paragraphs,
    date: e.date,
    hour: e.hour,
    minute: e.minute,
    author: e.author,
    agency: e.agency,
    url: e.url,
    section: e.outlet.key === 'wap' ? null : e.municipality,
    description: (e.paragraphs[0] ?? '').replace(/^(.{0,180}[.!?])\s.*$/, '$1'),
    teasers: teasersFor(rng, e, all),
    comments: comments(rng, templates, e),
    caption: e.caption,
    credit,
    imageUrl: `https://${e.outlet.domain}/bilder/${e.date.y}/${String(e.seq * 7919).padStart(6, '0')}.jpg`,
    savedYear,
    charset: e.special === 'windows1252' ? 'windows-1252' : 'utf-8',
    dateLine: e.special === 'windows1252' || rng.chance(0.4) ? 'long' : 'weekday',
  };
  const html =
    e.outlet.key === 'sb'
      ? renderSauerlaenderBote(page)
      : e.outlet.key === 'rr'
        ? renderRheinErftRundblick(page)
        : renderWestfalenAbendpost(page);
  if (page.charset === 'utf-8') return Buffer.from(html, 'utf8');
  const bytes = iconv.encode(html, 'windows-1252');
  if (iconv.decode(bytes, 'windows-1252') !== html)
    throw new Error(`${e.file}: text not representable in windows-1252`);
  return bytes;
}

/** Random bytes with NULs and invalid UTF-8 sequences: not decodable as text. */
function brokenBytes(rng: Rng): Buffer {
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(0, 255);
  // Make sure it cannot pass for text: NUL runs and stray continuation bytes throughout.
  for (let i = 0; i < bytes.length; i += 64) {
    bytes[i] = 0x00;
    bytes[i + 1] = 0x00;
    bytes[i + 2] = 0xbf;
    bytes[i + 3] = 0xfe;
  }
  return bytes;
}

const archiveRecord = (e: Entry, quoteStyle: 'typographic' | 'straight'): ArchiveRecord => {
  let text = e.paragraphs.join('\n\n');
  let title = e.title;
  if (quoteStyle === 'straight') {
    text = text.replace(/[„“”]/g, '"');
    title = title.replace(/[„“”]/g, '"');
  }
  return {
    id: e.id,
    title,
    text,
    date: iso(e.date),
    source: e.outlet.name,
    url: e.url,
    municipality: e.metaMunicipality ? e.municipality : null,
  };
};

/** Builds the whole bundled corpus in memory (≈2 MB), then writes it under `out`. */
export function buildBundle(seed: string): {
  files: Map<string, Buffer>;
  expected: Expected;
  truth: TruthRow[];
  texts: ArticleText[];
} {
  const templates = loadTemplates();
  const rng = createRng(seed);
  const entries = planEntries(rng.fork('plan'));
  decideContent(rng.fork('content'), entries);
  composeEntries(rng.fork('compose'), templates, entries);
  addSpecials(templates, entries);
  placeEntries(entries);

  const files = new Map<string, Buffer>();
  const renderRng = rng.fork('render');
  const web = entries
    .filter((e) => e.kind === 'web')
    .sort((a, b) => compareDays(a.date, b.date) || a.seq - b.seq);
  for (const e of web) files.set(e.file, renderPage(renderRng.fork(e.file), templates, e, web));
  files.set(BROKEN_FILE, brokenBytes(rng.fork('broken')));

  // Press-database CSV, ordered by date, with one truncated row in the middle.
  const csvEntries = entries
    .filter((e) => e.kind === 'csv')
    .sort((a, b) => compareDays(a.date, b.date) || a.id.localeCompare(b.id));
  const damagedAt = Math.floor(csvEntries.length / 2);
  const csvParts: string[] = [csvHeader()];
  let record = 0;
  let damagedRecord = 0;
  csvEntries.forEach((e, i) => {
    if (i === damagedAt) {
      record++;
      damagedRecord = record;
      // The export broke off after the date: three of seven fields.
      csvParts.push(`rt-${e.date.y}-9999,"Kurz notiert: Brücke über die Emscher gesperrt",${iso(e.date)}\n`);
    }
    record++;
    e.record = record;
    csvParts.push(csvRow(archiveRecord(e, e.outlet.key === 'nn' ? 'straight' : 'typographic')));
  });
  files.set(CSV_FILE, Buffer.from(csvParts.join(''), 'utf8'));

  const jsonl = entries.filter((e) => e.kind === 'jsonl').sort((a, b) => (a.record ?? 0) - (b.record ?? 0));
  files.set(
    JSONL_FILE,
    Buffer.from(jsonl.map((e) => jsonlLine(archiveRecord(e, 'typographic'))).join(''), 'utf8'),
  );

  const nexis = entries.filter((e) => e.kind === 'nexis').sort((a, b) => (a.record ?? 0) - (b.record ?? 0));
  const nexisText = nexis
    .map((e, i) =>
      nexisDocument(
        {
          outlet: e.outlet.name,
          date: e.date,
          title: e.title,
          author: e.author ?? e.outlet.tag,
          section: `LOKALES; S. ${12 + (e.seq % 20)}`,
          // The export drops the dateline's outlet tag but keeps the text as printed.
          paragraphs: e.paragraphs,
          language: i === 0 ? 'en' : 'de',
        },
        i + 1,
        nexis.length,
        addDays(e.date, 1),
      ),
    )
    .join('\n');
  files.set(NEXIS_FILE, Buffer.from(nexisText, 'utf8'));

  let bomDone = false;
  let crlfDone = false;
  for (const e of entries.filter((x) => x.kind === 'text').sort((a, b) => a.file.localeCompare(b.file))) {
    const bom: boolean = !bomDone && e.outlet.key === 'mw' && e.textHeader !== 'none';
    const crlf: boolean = !crlfDone && e.outlet.key === 'ek';
    bomDone ||= bom;
    crlfDone ||= crlf;
    const text = textFile({
      header: e.textHeader,
      title: e.title,
      date: e.date,
      source: e.outlet.name,
      municipality: e.municipality,
      author: e.author,
      url: e.url,
      paragraphs: e.paragraphs,
      crlf,
      bom,
    });
    files.set(e.file, Buffer.from(text, 'utf8'));
  }

  const articles = entries;
  const truth: TruthRow[] = [...articles]
    .sort((a, b) => a.file.localeCompare(b.file) || (a.record ?? 0) - (b.record ?? 0))
    .map((e) => ({
      file: e.file,
      record: e.record,
      municipality: e.municipality,
      date: iso(e.date),
      tone: e.tone,
      topic: e.topic,
      relevant: e.relevant,
      title: e.title,
    }));

  const ref = (e: Entry): { file: string; record: number | null } => ({ file: e.file, record: e.record });
  const sorted = (list: Entry[]): { file: string; record: number | null }[] =>
    list.map(ref).sort((a, b) => a.file.localeCompare(b.file) || (a.record ?? 0) - (b.record ?? 0));
  const cells: Expected['municipality_month'] = [];
  for (const m of MUNICIPALITIES)
    for (const month of MONTHS)
      cells.push({
        municipality: m,
        month: monthKey(month),
        articles: articles.filter((e) => e.municipality === m && monthKey(e.date) === monthKey(month)).length,
      });
  // The copy printed first (earlier day, then path order) is the original; the other one is the duplicate.
  const [agencyFirst, agencySecond] = entries
    .filter((e) => e.special === 'agency-web' || e.special === 'agency-archive')
    .sort((a, b) => compareDays(a.date, b.date) || a.file.localeCompare(b.file));
  const win = entries.find((e) => e.special === 'windows1252');
  if (!agencyFirst || !agencySecond || !win) throw new Error('special articles missing');
  const places: Expected['places'] = [];
  for (const e of entries) {
    if (e.special === 'koeln')
      places.push({ ...ref(e), municipality: null, note: 'Köln-Mülheim, not Mülheim an der Ruhr' });
    if (e.special === 'church')
      places.push({ ...ref(e), municipality: e.municipality, note: '"das Münster" is a church in Essen' });
    if (e.special === 'windows1252')
      places.push({ ...ref(e), municipality: e.municipality, note: 'district compound Münster-Kinderhaus' });
    if (e.districtOnly)
      places.push({
        ...ref(e),
        municipality: e.municipality,
        note: 'only City-District compounds in the text',
      });
  }
  places.sort((a, b) => a.file.localeCompare(b.file) || (a.record ?? 0) - (b.record ?? 0));

  const formats: Record<string, number> = { html: web.length + 1, csv: 1, jsonl: 1, nexis: 1 };
  formats.txt = entries.filter((e) => e.kind === 'text').length;
  const outlets: Record<string, string[]> = {};
  for (const o of Object.values(OUTLETS)) outlets[o.name] = [...o.municipalities];

  const expected: Expected = {
    seed,
    inputs: files.size,
    articles: articles.length,
    articles_unique: articles.length - 1,
    formats,
    outlets,
    text_header_keys: TEXT_HEADER_KEYS,
    rejected: [
      { file: CSV_FILE, record: damagedRecord, reason_contains: 'field' },
      { file: BROKEN_FILE, record: null, reason_contains: 'binary' },
    ],
    duplicates: [
      {
        file: agencySecond.file,
        record: agencySecond.record,
        duplicate_of_file: agencyFirst.file,
        duplicate_of_record: agencyFirst.record,
      },
    ],
    windows1252: { file: win.file, title: win.title },
    municipality_month: cells,
    clearly_negative: sorted(entries.filter((e) => e.relevant && e.tone === 'negative')),
    clearly_positive: sorted(entries.filter((e) => e.relevant && e.tone === 'positive')),
    unrelated: sorted(entries.filter((e) => !e.relevant)),
    places,
    date_only_in_text: entries
      .filter((e) => e.kind === 'text' && e.textHeader === 'none')
      .map((e) => ({ file: e.file, record: e.record, date: iso(e.date) }))
      .sort((a, b) => a.file.localeCompare(b.file)),
  };
  const texts: ArticleText[] = entries.map((e) => ({
    file: e.file,
    record: e.record,
    municipality: e.municipality,
    relevant: e.relevant,
    title: e.title,
    text: e.paragraphs.join('\n\n'),
  }));
  return { files, expected, truth, texts };
}

/** Removes the generated folders of a previous run (only those), then writes the corpus. */
export function writeBundle(out: string, files: Map<string, Buffer>): string[] {
  for (const dir of ['web', 'pressearchiv', 'text'])
    rmSync(path.join(out, dir), { recursive: true, force: true });
  const written: string[] = [];
  for (const [rel, bytes] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const full = path.join(out, ...rel.split('/'));
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, bytes);
    written.push(rel);
  }
  return written;
}

/** `file,record,municipality,date,tone,topic,relevant,title` */
export function truthCsv(rows: TruthRow[]): string {
  const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = rows.map((r) =>
    [
      q(r.file),
      r.record === null ? '' : String(r.record),
      q(r.municipality ?? ''),
      r.date,
      r.tone,
      r.topic ?? '',
      String(r.relevant),
      q(r.title),
    ].join(','),
  );
  return `file,record,municipality,date,tone,topic,relevant,title\n${lines.join('\n')}\n`;
}
