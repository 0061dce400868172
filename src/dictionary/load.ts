import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import type { SkippedLine } from '../io/skipped-lines.js';
import type { DictionarySpec } from './compile.js';

function addPatterns(spec: DictionarySpec, key: string, patterns: string[]): void {
  const list = spec[key];
  if (list) list.push(...patterns);
  else spec[key] = [...patterns];
}

/** Flatten quanteda-style YAML: nested keys become `parent.child`, leaves are lists of patterns. */
function flattenYaml(value: unknown, prefix: string, spec: DictionarySpec): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string' || typeof value === 'number') {
    if (!prefix) throw new Error('a pattern outside of any category');
    addPatterns(spec, prefix, [String(value)]);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) flattenYaml(item, prefix, spec);
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (Array.isArray(v) && v.length === 0) addPatterns(spec, key, []);
      flattenYaml(v, key, spec);
    }
    return;
  }
  throw new Error(`unsupported YAML value under "${prefix}"`);
}

export function parseYamlDictionary(text: string): DictionarySpec {
  const spec: DictionarySpec = {};
  flattenYaml(parseYaml(text), '', spec);
  return spec;
}

/**
 * LIWC `.dic`: a header between two `%` lines maps category ids to names (`1<TAB>posemo`), then each
 * line is a word pattern followed by its category ids (tab-separated; a phrase may contain spaces
 * when the ids are separated by a tab).
 */
export function parseLiwcDictionary(text: string, skipped: SkippedLine = () => {}): DictionarySpec {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const names = new Map<string, string>();
  const spec: DictionarySpec = {};
  let section = 0;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (line === '%') {
      section++;
      continue;
    }
    if (section === 1) {
      const [id, ...name] = line.split(/\s+/);
      if (id && name.length > 0) {
        names.set(id, name.join(' '));
        spec[name.join(' ')] ??= [];
      }
      continue;
    }
    if (section < 2) continue;
    let word: string;
    let ids: string[];
    if (raw.includes('\t')) {
      const cells = raw.split('\t').map((c) => c.trim());
      word = cells[0] ?? '';
      ids = cells.slice(1).flatMap((c) => c.split(/\s+/));
    } else {
      const parts = line.split(/\s+/);
      let k = parts.length;
      while (k > 1 && /^\d+$/.test(parts[k - 1] ?? '')) k--;
      word = parts.slice(0, k).join(' ');
      ids = parts.slice(k);
    }
    if (!word) continue;
    if (ids.length === 0) skipped(index + 1, `"${word}" has no category number`);
    for (const id of ids) {
      const name = names.get(id);
      if (name) addPatterns(spec, name, [word]);
      else skipped(index + 1, `category ${id} of "${word}" is not declared between the % lines`);
    }
  }
  if (section < 2) throw new Error('not a LIWC dictionary: missing the % … % category block');
  return spec;
}

/** CSV/TSV with rows `category,pattern`; a header row naming the columns is skipped. */
export function parseTableDictionary(
  text: string,
  delimiter: string,
  skipped: SkippedLine = () => {},
): DictionarySpec {
  // With `info`, csv-parse gives each record with where it was found (its typings only know plain rows).
  const rows = parseCsv(text.replace(/^\uFEFF/, ''), {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    comment: '#',
    info: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const spec: DictionarySpec = {};
  rows.forEach(({ record: row, info }, i) => {
    const [key, pattern] = row;
    if (!key || !pattern) {
      if (row.some((cell) => cell !== ''))
        skipped(
          info.lines,
          `needs a category and a pattern, separated by "${delimiter === '\t' ? 'tab' : delimiter}"`,
        );
      return;
    }
    if (
      i === 0 &&
      /^(category|key|kategorie)$/i.test(key) &&
      /^(pattern|word|term|muster|wort)$/i.test(pattern)
    )
      return;
    addPatterns(spec, key, [pattern]);
  });
  return spec;
}

/**
 * Read a dictionary file; the format follows the extension: .yml/.yaml, .dic, .csv, .tsv. Lines of a
 * .dic, .csv or .tsv file that give no pattern and category are skipped and told to `skipped`.
 */
export function loadDictionary(file: string, skipped?: SkippedLine): DictionarySpec {
  const text = readFileSync(file, 'utf8');
  const ext = path.extname(file).toLowerCase();
  switch (ext) {
    case '.yml':
    case '.yaml':
      return parseYamlDictionary(text);
    case '.dic':
      return parseLiwcDictionary(text, skipped);
    case '.csv':
      return parseTableDictionary(text, ',', skipped);
    case '.tsv':
    case '.tab':
      return parseTableDictionary(text, '\t', skipped);
    default:
      throw new Error(`unknown dictionary format "${ext}" (use .yml, .yaml, .dic, .csv or .tsv)`);
  }
}
