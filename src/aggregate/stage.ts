import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { resolveConfigPath } from '../config/load.js';
import { loadDictionary } from '../dictionary/index.js';
import { AtomicFile, temporaryName, trackTemporary } from '../io/atomic.js';
import { type Cell, dialects, formatCsv, formatCsvRows } from '../io/csv.js';
import { writeFileAtomic } from '../io/write-file.js';
import { zipJsonl } from '../io/zip-jsonl.js';
import type { Article, ArticleScores, ArticleTags } from '../records.js';
import type { StageContext, StageDefinition, StageResult } from '../runner/stage.js';
import { ACTOR_EDGE_COLUMNS, ACTOR_NODE_COLUMNS, createActorNetwork } from './actors-network.js';
import { isCounted } from './counted.js';
import { addArticle, emptyGroup, type GroupSums } from './groups.js';
import { KEYNESS_COLUMNS } from './keyness.js';
import { periodOf } from './period.js';
import { aggregateSpec, NO_PLACE } from './spec.js';
import { meanWithCi } from './stats.js';
import type { TokenTables } from './token-tables.js';
import { startTokenTables } from './token-thread.js';

export const ARTICLE_COLUMNS = [
  'id',
  'file',
  'record',
  'date',
  'source',
  'municipality',
  'municipality_basis',
  'title',
  'words',
  'language',
  'relevant',
  'query_hits',
  'duplicate_of',
  'tone',
  'tone_label',
  'tone_positive',
  'tone_negative',
  'tone_polarity',
  'target_tone',
  'topic',
  'topic_confidence',
  'topic_basis',
  'topic_coded',
  'url',
];

/** articles.csv rows formatted and written at once. */
const ARTICLE_BATCH = 500;

interface SourceSums {
  articles: number;
  relevant: number;
  first: string | null;
  last: string | null;
}

const round = (x: number | null, digits = 4): number | null =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

function articleRow(a: Article, t: ArticleTags, s: ArticleScores): Cell[] {
  return [
    a.id,
    a.file,
    a.record,
    a.date,
    a.source,
    a.municipality,
    a.municipality_basis,
    a.title,
    t.words,
    a.language,
    t.relevant,
    t.query_hits,
    a.duplicate_of,
    round(s.tone),
    s.tone_label,
    round(s.tone_positive),
    round(s.tone_negative),
    round(s.tone_polarity),
    round(s.target_tone),
    s.topic,
    round(s.topic_confidence),
    s.topic_basis,
    s.topic_coded,
    a.url,
  ];
}

/** The topic columns: codebook order first, then labels only a classifier used. */
function topicOrder(ctx: StageContext, seen: Set<string>): string[] {
  let keys: string[] = [];
  try {
    keys = Object.keys(loadDictionary(resolveConfigPath(ctx.configDir, ctx.config.tag.codebook)));
  } catch {
    keys = [];
  }
  const extra = [...seen].filter((k) => !keys.includes(k)).sort();
  return [...keys.filter((k) => seen.has(k) || extra.length === 0), ...extra];
}

/** Joins the stages' records into `articles.csv` and the municipality × period tables. */
export async function runAggregate(ctx: StageContext): Promise<StageResult> {
  const { aggregate } = ctx.config;
  const dialect = dialects[ctx.config.output.csv_dialect];
  const groups = new Map<string, GroupSums>();
  const sources = new Map<string, SourceSums>();
  const topicsSeen = new Set<string>();
  const network = createActorNetwork();
  const out = new AtomicFile(path.join(ctx.outDir, 'articles.csv'));
  const kwicFinal = path.join(ctx.outDir, 'kwic.csv');
  const kwicTemp = temporaryName(kwicFinal);
  const kwicTracked = trackTemporary(kwicFinal, kwicTemp);
  // keyness.csv and kwic.csv come from tokens.jsonl, read on a second thread meanwhile.
  const tokenTables = startTokenTables(
    {
      outDir: ctx.outDir,
      kwicPath: kwicTemp,
      targetsFile: resolveConfigPath(ctx.configDir, ctx.config.tag.targets),
      dialect: ctx.config.output.csv_dialect,
      counting: aggregate,
    },
    (message) => ctx.log.info(message),
  );
  let tables: TokenTables;
  let n = 0;
  let counted = 0;
  /** articles.csv rows not yet written: formatted a few hundred at a time (one call per row costs more). */
  let pending: Cell[][] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    await out.write(formatCsvRows(rows, dialect));
  };
  try {
    await out.write(formatCsv(ARTICLE_COLUMNS, [], dialect));
    const files = ['articles.jsonl', 'tags.jsonl', 'scores.jsonl'].map((f) => path.join(ctx.outDir, f)) as [
      string,
      string,
      string,
    ];
    for await (const [a, t, s] of zipJsonl<[Article, ArticleTags, ArticleScores]>(files)) {
      n += 1;
      ctx.log.progress('aggregate', n, ctx.articleCount);
      pending.push(articleRow(a, t, s));
      if (pending.length >= ARTICLE_BATCH) await flush();
      const src = a.source ?? '(unbekannt)';
      const ss = sources.get(src) ?? { articles: 0, relevant: 0, first: null, last: null };
      ss.articles += 1;
      if (t.relevant) ss.relevant += 1;
      if (a.date) {
        if (ss.first === null || a.date < ss.first) ss.first = a.date;
        if (ss.last === null || a.date > ss.last) ss.last = a.date;
      }
      sources.set(src, ss);
      if (!isCounted(a, t, aggregate)) continue;
      counted += 1;
      network.add(a.municipality, t.actors);
      const key = `${a.municipality ?? NO_PLACE}\u0000${periodOf(a.date, aggregate.period)}`;
      const g = groups.get(key) ?? emptyGroup();
      addArticle(g, {
        words: t.words,
        tone: s.tone,
        targetTone: s.target_tone,
        label: s.tone_label,
        topic: s.topic,
      });
      if (s.topic) topicsSeen.add(s.topic);
      groups.set(key, g);
    }
    await flush();
    tables = await tokenTables.done;
    if (tables.counted !== counted)
      throw new Error(`aggregate: token tables counted ${tables.counted} articles, the sums ${counted}`);
    await out.commit();
    renameSync(kwicTemp, kwicFinal);
    kwicTracked.done();
  } catch (error) {
    out.abort();
    await tokenTables.stop();
    rmSync(kwicTemp, { force: true });
    kwicTracked.done();
    throw error;
  }
  const topics = topicOrder(ctx, topicsSeen);
  const keys = [...groups.keys()].sort();
  const header = [
    'municipality',
    'period',
    'articles',
    'words',
    'tone_mean',
    'tone_ci_low',
    'tone_ci_high',
    'target_tone_mean',
    'target_tone_ci_low',
    'target_tone_ci_high',
    'target_tone_articles',
    'share_negative',
    'share_neutral',
    'share_positive',
    ...topics.map((k) => `topic_${k}`),
  ];
  const rows: Cell[][] = [];
  const longRows: Cell[][] = [];
  for (const key of keys) {
    const g = groups.get(key) as GroupSums;
    const [municipality, period] = key.split('\u0000') as [string, string];
    const tone = meanWithCi(g.tone);
    const target = meanWithCi(g.targetTone);
    const share = (x: number): number | null => round(g.articles > 0 ? x / g.articles : null);
    rows.push([
      municipality,
      period,
      g.articles,
      g.words,
      round(tone.mean),
      round(tone.low),
      round(tone.high),
      round(target.mean),
      round(target.low),
      round(target.high),
      g.targetTone.n,
      share(g.labels.negative),
      share(g.labels.neutral),
      share(g.labels.positive),
      ...topics.map((k) => share(g.topics[k] ?? 0)),
    ]);
    for (const k of topics)
      longRows.push([municipality, period, k, g.topics[k] ?? 0, share(g.topics[k] ?? 0)]);
  }
  const sourceRows: Cell[][] = [...sources.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'de'))
    .map(([name, s]) => [name, s.articles, s.first, s.last, s.relevant, round(s.relevant / s.articles)]);
  writeFileAtomic(path.join(ctx.outDir, 'municipality_period.csv'), formatCsv(header, rows, dialect));
  writeFileAtomic(
    path.join(ctx.outDir, 'topics_by_municipality_period.csv'),
    formatCsv(['municipality', 'period', 'topic', 'articles', 'share'], longRows, dialect),
  );
  writeFileAtomic(
    path.join(ctx.outDir, 'sources.csv'),
    formatCsv(
      ['source', 'articles', 'first_date', 'last_date', 'relevant', 'share_relevant'],
      sourceRows,
      dialect,
    ),
  );
  writeFileAtomic(
    path.join(ctx.outDir, 'actors_nodes.csv'),
    formatCsv(ACTOR_NODE_COLUMNS, network.nodes(), dialect),
  );
  writeFileAtomic(
    path.join(ctx.outDir, 'actors_edges.csv'),
    formatCsv(ACTOR_EDGE_COLUMNS, network.edges(), dialect),
  );
  writeFileAtomic(path.join(ctx.outDir, 'keyness.csv'), formatCsv(KEYNESS_COLUMNS, tables.keyness, dialect));
  ctx.log.info(
    `aggregate: ${counted} of ${n} articles counted in ${rows.length} municipality × period rows` +
      ` (aggregate.relevant_only=${aggregate.relevant_only}, aggregate.count_duplicates=${aggregate.count_duplicates})`,
  );
  return { in: n, out: rows.length, rejected: 0, details: { counted } };
}

export const aggregateStage: StageDefinition = { ...aggregateSpec, run: runAggregate };
