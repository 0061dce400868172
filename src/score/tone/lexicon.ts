/**
 * Tone lexicons: polar words and phrases with weights in [-1, 1]-ish.
 *
 * Built-in: natural's German polarity lexicon (SentiWS-derived: base forms with inflections) plus the
 * SentiWS-format files `data/lexicons/*.sentiws.tsv` written for this project (news vocabulary that
 * SentiWS lacks or misweights; words news use neutrally set to 0), which override it. Negators and
 * intensifier/softener factors come from `data/lexicons/negators.txt` and `modifiers.tsv`. User files are SentiWS
 * (`Wort|POS<TAB>weight<TAB>inflections,…`), Rauh's German political sentiment dictionary (CSV/TSV
 * with `feature` and `sentiment` columns, incl. negated bigrams like `nicht gut`) or a plain
 * `word<TAB>weight` list; the format is detected from the content. Later entries override earlier
 * ones (user files override the built-in lexicon).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { SkippedLine } from '../../io/skipped-lines.js';
import { dataPath } from '../../paths.js';
import { normalizeToken } from '../../tokenize/german.js';
import { baseFormOf } from './inflection.js';
import { loadToneModel, type ToneModel } from './model.js';
import { loadShifters, type Shifters } from './shifters.js';

export interface ToneLexicon {
  /** Weight by normalized word form or phrase (words joined by one space). */
  weights: Map<string, number>;
  /**
   * Weights of single words by how they are written, from lexicons that keep German capitalization
   * (SentiWS, natural's): `upper` for capitalized forms (nouns), `lower` for the others, so the noun
   * `Gefahren` does not score the participle `gefahren`, nor the adjective `arm` the noun `Arm`.
   */
  cased: Map<string, { upper?: number; lower?: number }>;
  /**
   * Base forms that also stand for their inflected forms (`herausragend` for `herausragendes`): the
   * words of the project's own lexicon files, which list base forms and irregular forms only.
   */
  inflectable: Set<string>;
  /** Weight by stem, for words whose form is not listed (averaged over the forms sharing a stem). */
  stems: Map<string, number>;
  /** Negator norms; a trailing `*` marks a prefix. */
  negators: string[];
  /** Norms of words that make a clause hypothetical or reported (`soll`, `könnte`, `angeblich`). */
  hedges: string[];
  /** Intensifier (> 1) and softener (< 1) factors by norm. */
  modifiers: Map<string, number>;
  /**
   * Report vocabulary (`data/lexicons/report-words.txt`): norms, a trailing `*` marks a prefix. Words
   * that describe an event (Unfall, verletzt, Polizei, Prozess) rather than judge it.
   */
  report: string[];
  /** Function words that describe the statement a polar word stands in (`data/lexicons/sentence-markers.json`). */
  markers: SentenceMarkers;
  /**
   * First parts of compounds that carry a judgement (`horror`, `traum`) with their weights
   * (`data/lexicons/evaluative-prefixes.tsv`): the weight of words no lexicon lists. Keyed by their
   * first PREFIX_KEY letters, each list longest first.
   */
  prefixes: Map<string, Array<[string, number]>>;
  /** Subject-matter word classes, counted as features of the label model. */
  domains: DomainPatterns;
  /** Polarity shifters (`Rückgang`, `verhindert`: data/lexicons/shifters.tsv), see shifters.ts. */
  shifters: Shifters;
  /** The label model (`data/lexicons/tone-model.json`) loaded with the built-in lexicon, else absent. */
  model?: ToneModel | null;
}

/** Word classes of `data/lexicons/sentence-markers.json`, as sets of norms. */
export interface SentenceMarkers {
  /** Conjunctions that open a subordinate clause (dass, weil, wenn …). */
  subordinators: Set<string>;
  /** Pronouns that open a relative clause after a comma (der, die, welche …). */
  relativePronouns: Set<string>;
  /** First- and second-person pronouns. */
  personal: Set<string>;
  /** Quotation mark tokens. */
  quotes: Set<string>;
  /** Contrast words (aber, jedoch …). */
  contrasts: Set<string>;
  /** Articles, prepositions and conjunctions an intensifier does not reach over (`zu einem Angriff`). */
  modifierBarriers: Set<string>;
  /** Polar words that before a number only give its size (`gut drei Stunden`, `satte 20 Prozent`). */
  quantityWords: Set<string>;
  /** Number words (`zwei`, `hundert`, `Hälfte`) for that rule; digits are numbers anyway. */
  numberWords: Set<string>;
}

/**
 * Subject-matter word classes of news (`data/lexicons/tone-domains.json`: culture, sport, crime …) as
 * patterns on norms: `wort` exact, `wort*` a prefix, `*wort` a suffix (the head of a compound).
 */
export interface DomainPatterns {
  names: string[];
  exact: Map<string, number>;
  prefixes: Array<[string, number]>;
  suffixes: Array<[string, number]>;
}

export function parseDomains(raw: Record<string, unknown>): DomainPatterns {
  const out: DomainPatterns = { names: [], exact: new Map(), prefixes: [], suffixes: [] };
  for (const [name, list] of Object.entries(raw)) {
    if (!Array.isArray(list)) continue;
    const d = out.names.length;
    out.names.push(name);
    for (const item of list) {
      const w = String(item).toLowerCase();
      if (w.startsWith('*')) out.suffixes.push([w.slice(1), d]);
      else if (w.endsWith('*')) out.prefixes.push([w.slice(0, -1), d]);
      else out.exact.set(w, d);
    }
  }
  return out;
}

/** The domain index of a norm, or -1. */
export function domainOf(domains: DomainPatterns, norm: string): number {
  const d = domains.exact.get(norm);
  if (d !== undefined) return d;
  for (const [p, i] of domains.prefixes) if (norm.startsWith(p)) return i;
  for (const [s, i] of domains.suffixes) if (norm.length > s.length + 2 && norm.endsWith(s)) return i;
  return -1;
}

/** Letters by which evaluative first parts are looked up (each has at least this many). */
export const PREFIX_KEY = 3;

function loadPrefixes(): Map<string, Array<[string, number]>> {
  const file = dataPath('lexicons', 'evaluative-prefixes.tsv');
  const out = new Map<string, Array<[string, number]>>();
  if (!existsSync(file)) return out;
  for (const [p, w] of readRows(file)) {
    const weight = Number(w);
    const prefix = normalizeToken(p ?? '');
    if (prefix.length < PREFIX_KEY || !Number.isFinite(weight)) continue;
    const key = prefix.slice(0, PREFIX_KEY);
    const list = out.get(key) ?? [];
    list.push([prefix, weight]);
    out.set(key, list);
  }
  for (const list of out.values()) list.sort((a, b) => b[0].length - a[0].length);
  return out;
}

function loadDomains(): DomainPatterns {
  const file = dataPath('lexicons', 'tone-domains.json');
  if (!existsSync(file)) return parseDomains({});
  return parseDomains(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
}

function loadSentenceMarkers(): SentenceMarkers {
  const raw = JSON.parse(readFileSync(dataPath('lexicons', 'sentence-markers.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const set = (key: string): Set<string> => {
    const list = raw[key];
    if (!Array.isArray(list)) throw new Error(`sentence-markers.json: ${key} must be a list`);
    return new Set(list.map((w) => String(w).toLowerCase()));
  };
  return {
    subordinators: set('subordinators'),
    relativePronouns: set('relativePronouns'),
    personal: set('personal'),
    quotes: set('quotes'),
    contrasts: set('contrasts'),
    modifierBarriers: set('modifierBarriers'),
    quantityWords: set('quantityWords'),
    numberWords: set('numberWords'),
  };
}

export type LexiconFormat = 'sentiws' | 'rauh' | 'plain';

/** Normalize a lexicon word or phrase like token norms (each word, joined by one space). */
export function normalizeTerm(term: string): string {
  return term
    .trim()
    .replace(/_/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(normalizeToken)
    .join(' ');
}

/** Guess the format of a lexicon file from its first meaningful lines. */
export function detectLexiconFormat(text: string): LexiconFormat {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .slice(0, 20);
  const head = lines[0] ?? '';
  if (/(^|[,;\t"])\s*feature\s*("?)\s*([,;\t]|$)/i.test(head) && /sentiment/i.test(head)) return 'rauh';
  if (lines.some((l) => /^[^\t|]+\|[A-Za-z]+\t-?\d/.test(l))) return 'sentiws';
  return 'plain';
}

/** A lexicon entry; `cased` when the source writes nouns capitalized and other words lower-case. */
type Entry = [term: string, weight: number, cased?: boolean, inflectable?: boolean];

const ignore: SkippedLine = () => {};

/**
 * A weight cell as a number: decimal point or, as German spreadsheets write it, decimal comma
 * (`-0,35`); NaN when it is empty or not a number.
 */
export function parseWeight(cell: string | undefined): number {
  const w = (cell ?? '').trim();
  if (w === '') return Number.NaN;
  return Number(/^[+-]?\d*,\d+$/.test(w) ? w.replace(',', '.') : w);
}

/** Why a weight cell is unusable, for the skipped-line report. */
const badWeight = (w: string | undefined): string =>
  w === undefined || w.trim() === '' ? 'no weight after the word' : `weight "${w.trim()}" is not a number`;

/** SentiWS: `Wort|POS<TAB>weight<TAB>inflection,inflection,…`. */
export function parseSentiWs(text: string, skipped: SkippedLine = ignore): Entry[] {
  const out: Entry[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [head, w, inflections] = line.split('\t');
    const weight = parseWeight(w);
    if (!head || !Number.isFinite(weight)) {
      skipped(index + 1, badWeight(w));
      continue;
    }
    const base = head.split('|')[0] ?? '';
    if (base) out.push([base, weight, true]);
    for (const form of (inflections ?? '').split(',')) if (form.trim()) out.push([form.trim(), weight, true]);
  }
  return out;
}

/** Rauh: CSV/TSV with `feature` and `sentiment` columns (sentiment a number or positive/negative). */
export function parseRauh(text: string, skipped: SkippedLine = ignore): Entry[] {
  const clean = text.replace(/^\uFEFF/, '');
  const first = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = first.includes('\t') ? '\t' : first.includes(';') && !first.includes(',') ? ';' : ',';
  // With `info`, csv-parse gives each record with the line it ends on (its typings only know plain rows).
  const rows = parseCsv(clean, {
    columns: true,
    delimiter,
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    info: true,
  }) as unknown as Array<{ record: Record<string, string>; info: { lines: number } }>;
  const out: Entry[] = [];
  for (const { record: row, info } of rows) {
    const keys = Object.keys(row);
    const fk = keys.find((k) => k.toLowerCase() === 'feature');
    const sk = keys.find((k) => k.toLowerCase() === 'sentiment');
    if (!fk || !sk) continue;
    const feature = row[fk] ?? '';
    const raw = (row[sk] ?? '').toLowerCase();
    const weight = raw.startsWith('pos') ? 1 : raw.startsWith('neg') ? -1 : parseWeight(raw);
    if (feature && Number.isFinite(weight)) out.push([feature, weight]);
    else
      skipped(
        info.lines,
        feature ? `sentiment "${row[sk] ?? ''}" is neither a number nor positive/negative` : 'no feature',
      );
  }
  return out;
}

/** Plain `word<TAB>weight` (or `word,weight`) lines. */
export function parsePlain(text: string, skipped: SkippedLine = ignore): Entry[] {
  const out: Entry[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [term, w] = line.split(/\t|,|;/);
    const weight = parseWeight(w);
    if (term && Number.isFinite(weight)) out.push([term, weight]);
    else skipped(index + 1, badWeight(w));
  }
  return out;
}

/** A user lexicon in whichever format it is written; lines that give no word and weight go to `skipped`. */
export function parseLexicon(text: string, skipped: SkippedLine = ignore): Entry[] {
  const format = detectLexiconFormat(text);
  return format === 'sentiws'
    ? parseSentiWs(text, skipped)
    : format === 'rauh'
      ? parseRauh(text, skipped)
      : parsePlain(text, skipped);
}

interface NaturalEntry {
  form?: string;
  polarity?: string | number;
  sense?: string;
}

const require = createRequire(import.meta.url);

/** natural's German polarity lexicon (SentiWS-derived), read by deep path. */
function naturalEntries(): Entry[] {
  const file = require.resolve('natural/lib/natural/sentiment/German/pattern-sentiment-de.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, NaturalEntry>;
  const out: Entry[] = [];
  for (const [word, e] of Object.entries(data)) {
    const weight = Number(e.polarity);
    if (!Number.isFinite(weight)) continue;
    out.push([e.form ?? word, weight, true]);
    for (const form of (e.sense ?? '').split(',')) if (form.trim()) out.push([form.trim(), weight, true]);
  }
  return out;
}

function readRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.trim()));
}

/** Project lexicon files in `data/lexicons/` that hold polar words (SentiWS format, `*.sentiws.tsv`). */
export function projectLexiconFiles(): string[] {
  const dir = dataPath('lexicons');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sentiws.tsv'))
    .sort()
    .map((f) => path.join(dir, f));
}

export interface LoadToneLexiconOptions {
  builtin: boolean;
  files: string[];
  /** Leave out natural's lexicon but keep the project's own files (for measurements). */
  natural?: boolean;
  /** Add the project's own lexicon files (default true with `builtin`). */
  project?: boolean;
}

function stemOf(norm: string): string {
  const stemmer = require('natural/lib/natural/stemmers/porter_stemmer_de.js') as { stem(w: string): string };
  return stemmer.stem(norm);
}

/** Mean weight of the listed single words per stem (stems of at least 4 letters). */
function stemWeights(weights: Map<string, number>): Map<string, number> {
  const sums = new Map<string, [number, number]>();
  for (const [norm, weight] of weights) {
    if (norm.includes(' ')) continue;
    const s = stemOf(norm);
    const acc = sums.get(s);
    if (acc) {
      acc[0] += weight;
      acc[1] += 1;
    } else sums.set(s, [weight, 1]);
  }
  const stems = new Map<string, number>();
  for (const [s, [sum, n]] of sums) if (s.length >= 4) stems.set(s, sum / n);
  return stems;
}

export function buildLexicon(entries: Entry[]): ToneLexicon {
  let stems: Map<string, number> | undefined;
  const weights = new Map<string, number>();
  const cased = new Map<string, { upper?: number; lower?: number }>();
  const inflectable = new Set<string>();
  for (const [term, weight, isCased, isInflectable] of entries) {
    const norm = normalizeTerm(term);
    if (!norm) continue;
    weights.set(norm, weight);
    if (norm.includes(' ')) continue;
    if (isInflectable) inflectable.add(norm);
    const c = cased.get(norm) ?? {};
    const upper = /^\p{Lu}/u.test(term.trim());
    if (!isCased || upper) c.upper = weight;
    if (!isCased || !upper) c.lower = weight;
    cased.set(norm, c);
  }
  const negators = readRows(dataPath('lexicons', 'negators.txt')).map((r) => r[0] ?? '');
  const modifiers = new Map<string, number>();
  for (const [w, f] of readRows(dataPath('lexicons', 'modifiers.tsv'))) {
    const factor = Number(f);
    if (w && Number.isFinite(factor)) modifiers.set(normalizeToken(w), factor);
  }
  const hedges = readRows(dataPath('lexicons', 'hedges.txt')).map((r) => normalizeToken(r[0] ?? ''));
  const report = readRows(dataPath('lexicons', 'report-words.txt')).map((r) => r[0] ?? '');
  return {
    weights,
    cased,
    inflectable,
    // Only the stem fallback (`stems: true`, off by default) reads these: stemming every listed word
    // cost each score worker ~0.1 s at start, so they are computed on first use.
    get stems(): Map<string, number> {
      stems ??= stemWeights(weights);
      return stems;
    },
    negators: negators.filter((n) => n !== ''),
    hedges: hedges.filter((h) => h !== ''),
    modifiers,
    report: report.filter((r) => r !== ''),
    markers: loadSentenceMarkers(),
    prefixes: loadPrefixes(),
    domains: loadDomains(),
    shifters: loadShifters(),
  };
}

/**
 * Words the project's files set to 0 (used neutrally in news: `groß`, `gering`, `klein`) stand for
 * their inflected forms too: natural's lexicon lists `größeres`, `geringerer` with a weight of their
 * own, which would otherwise still count. Returns 0-weight entries for those forms.
 */
function neutralizedForms(entries: Entry[]): Entry[] {
  const neutral = new Set<string>();
  for (const [term, weight, , inflectable] of entries)
    if (inflectable && weight === 0 && !term.includes('_') && !term.includes(' '))
      neutral.add(normalizeTerm(term));
  const out: Entry[] = [];
  for (const [term, weight, cased, inflectable] of entries) {
    if (inflectable || weight === 0 || term.includes(' ')) continue;
    const norm = normalizeTerm(term);
    if (!neutral.has(norm) && baseFormOf(norm, (b) => neutral.has(b), 4) !== null)
      out.push([term, 0, cased, true]);
  }
  return out;
}

/** Load the tone lexicon: built-in (natural's lexicon + project files) and user files, in that order. */
export function loadToneLexicon(opts: LoadToneLexiconOptions): ToneLexicon {
  const entries: Entry[] = [];
  if (opts.builtin && opts.natural !== false) entries.push(...naturalEntries());
  if (opts.builtin && opts.project !== false) {
    for (const f of projectLexiconFiles()) {
      for (const [term, weight, cased] of parseSentiWs(readFileSync(f, 'utf8')))
        entries.push([term, weight, cased, true]);
    }
  }
  for (const f of opts.files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (error) {
      throw new Error(`cannot read tone lexicon ${f}: ${(error as Error).message}`);
    }
    const parsed = parseLexicon(text);
    if (parsed.length === 0)
      throw new Error(`tone lexicon ${f}: no entries found (expected SentiWS or Rauh format)`);
    entries.push(...parsed);
  }
  if (opts.builtin && opts.natural !== false && opts.project !== false)
    entries.push(...neutralizedForms(entries));
  const lexicon = buildLexicon(entries);
  if (opts.builtin) lexicon.model = loadToneModel();
  return lexicon;
}
