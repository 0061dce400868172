import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { numberCell, readTable, type Table } from './read-table.js';

/** One row of `municipality_period.csv`. */
export interface PeriodRow {
  municipality: string;
  period: string;
  articles: number;
  tone: number | null;
  toneLow: number | null;
  toneHigh: number | null;
  targetTone: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  targetArticles: number;
}

export interface TopicRow {
  municipality: string;
  period: string;
  topic: string;
  articles: number;
}

export interface SourceRow {
  source: string;
  articles: number;
  first: string | null;
  last: string | null;
  relevant: number;
}

export interface ActorNode {
  id: string;
  label: string;
  municipality: string;
  articles: number;
}

export interface ActorEdge {
  source: string;
  target: string;
  weight: number;
  municipality: string;
}

export interface KeyTerm {
  municipality: string;
  term: string;
  count: number;
  countRest: number;
  logRatio: number | null;
  g2: number | null;
}

/** Everything the report shows, read from an output folder. Absent files give null. */
export interface ReportData {
  periods: PeriodRow[] | null;
  topics: TopicRow[] | null;
  sources: SourceRow[] | null;
  nodes: ActorNode[] | null;
  edges: ActorEdge[] | null;
  keyness: KeyTerm[] | null;
  /** `run.json` as parsed, or null. Its shape is checked where it is used. */
  run: unknown;
}

function rowsOf<T>(
  table: Table | null,
  map: (get: (c: string) => string, n: (c: string) => number | null) => T,
): T[] | null {
  if (!table) return null;
  return table.rows.map((r) =>
    map(
      (c) => r[c] ?? '',
      (c) => numberCell(table, r[c]),
    ),
  );
}

const orNull = (s: string): string | null => (s === '' ? null : s);

export function loadReportData(outDir: string): ReportData {
  const file = (name: string): string => path.join(outDir, name);
  const periods = rowsOf(readTable(file('municipality_period.csv')), (s, n) => ({
    municipality: s('municipality'),
    period: s('period'),
    articles: n('articles') ?? 0,
    tone: n('tone_mean'),
    toneLow: n('tone_ci_low'),
    toneHigh: n('tone_ci_high'),
    targetTone: n('target_tone_mean'),
    targetLow: n('target_tone_ci_low'),
    targetHigh: n('target_tone_ci_high'),
    targetArticles: n('target_tone_articles') ?? 0,
  }));
  const topics = rowsOf(readTable(file('topics_by_municipality_period.csv')), (s, n) => ({
    municipality: s('municipality'),
    period: s('period'),
    topic: s('topic'),
    articles: n('articles') ?? 0,
  }));
  const sources = rowsOf(readTable(file('sources.csv')), (s, n) => ({
    source: s('source'),
    articles: n('articles') ?? 0,
    first: orNull(s('first_date')),
    last: orNull(s('last_date')),
    relevant: n('relevant') ?? 0,
  }));
  const nodes = rowsOf(readTable(file('actors_nodes.csv')), (s, n) => ({
    id: s('Id'),
    label: s('Label') || s('Id'),
    municipality: s('municipality'),
    articles: n('articles') ?? 0,
  }));
  const edges = rowsOf(readTable(file('actors_edges.csv')), (s, n) => ({
    source: s('Source'),
    target: s('Target'),
    weight: n('Weight') ?? 0,
    municipality: s('municipality'),
  }));
  const keyness = rowsOf(readTable(file('keyness.csv')), (s, n) => ({
    municipality: s('municipality'),
    term: s('term'),
    count: n('count') ?? 0,
    countRest: n('count_rest') ?? 0,
    logRatio: n('log_ratio'),
    g2: n('g2'),
  }));
  let run: unknown = null;
  if (existsSync(file('run.json'))) {
    try {
      run = JSON.parse(readFileSync(file('run.json'), 'utf8'));
    } catch {
      run = null;
    }
  }
  return { periods, topics, sources, nodes, edges, keyness, run };
}
