import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataPath } from '../paths.js';

/** Rows of a tab-separated data file under `data/`, without blank lines and `#` comments. */
export function readDataRows(...parts: string[]): string[][] {
  const text = readFileSync(dataPath(...parts), 'utf8');
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    rows.push(trimmed.split('\t').map((cell) => cell.trim()));
  }
  return rows;
}

export interface Abbreviations {
  /** Lower-case abbreviations (without dot) whose dot never ends a sentence. */
  inner: Set<string>;
  /** Lower-case abbreviations that may close a sentence (usw., etc.). */
  final: Set<string>;
}

let abbreviations: Abbreviations | undefined;

export function germanAbbreviations(): Abbreviations {
  if (abbreviations) return abbreviations;
  const inner = new Set<string>();
  const final = new Set<string>();
  for (const [word, flag] of readDataRows('tokenize', 'abbreviations.txt')) {
    if (!word) continue;
    (flag === 'final' ? final : inner).add(word.toLowerCase());
  }
  abbreviations = { inner, final };
  return abbreviations;
}

let openers: Set<string> | undefined;

/** Capitalised function words that open sentences (data/tokenize/sentence-openers.txt). */
export function sentenceOpeners(): Set<string> {
  if (!openers)
    openers = new Set(
      readDataRows('tokenize', 'sentence-openers.txt').map((r) => (r[0] ?? '').toLowerCase()),
    );
  return openers;
}

export interface FeminineRules {
  /** [suffix, replacement], longest suffix first. */
  suffixes: Array<[string, string]>;
  keep: Set<string>;
  minLength: number;
}

let feminine: FeminineRules | undefined;

export function feminineRules(): FeminineRules {
  if (feminine) return feminine;
  const suffixes: Array<[string, string]> = [];
  const keep = new Set<string>();
  for (const [a, b] of readDataRows('tokenize', 'feminine-suffixes.tsv')) {
    if (!a || b === undefined) continue;
    if (b === 'keep') keep.add(a);
    else suffixes.push([a, b]);
  }
  suffixes.sort((x, y) => y[0].length - x[0].length);
  feminine = { suffixes, keep, minLength: 7 };
  return feminine;
}

const require = createRequire(import.meta.url);

let stopwords: Set<string> | undefined;

/** German stopwords of the `stopword` package (lower-case). */
export function germanStopwords(): Set<string> {
  if (stopwords) return stopwords;
  const mod = require('stopword') as { deu: string[] };
  stopwords = new Set(mod.deu.map((w) => w.toLowerCase()));
  return stopwords;
}

interface Stemmer {
  stem(word: string): string;
}

let stemmer: Stemmer | undefined;

/** natural's German Porter (Snowball) stemmer, loaded by deep path to avoid natural's heavy index. */
export function germanStemmer(): Stemmer {
  if (stemmer) return stemmer;
  stemmer = require('natural/lib/natural/stemmers/porter_stemmer_de.js') as Stemmer;
  return stemmer;
}
