import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ACTOR_EDGE_COLUMNS,
  ACTOR_NODE_COLUMNS,
  createActorNetwork,
} from '../src/aggregate/actors-network.js';
import { KEYNESS_COLUMNS } from '../src/aggregate/keyness.js';
import { type Cell, dialects, formatCsv } from '../src/io/csv.js';

/** Helper for the report tests: a small, made-up output folder of eight NRW municipalities. */

const PLACES: Array<[string, number]> = [
  ['Altena', 3],
  ['Bergheim', 5],
  ['Bielefeld', 14],
  ['Dortmund', 22],
  ['Hamminkeln', 2],
  ['Mülheim an der Ruhr', 9],
  ['Münster', 12],
  ['Nordkirchen', 1],
];
const MONTHS = [
  '2015-09',
  '2015-10',
  '2015-11',
  '2015-12',
  '2016-01',
  '2016-02',
  '2016-03',
  '2016-04',
  '2016-05',
  '2016-06',
];
const TOPICS = ['wohnen', 'bildung', 'arbeit', 'sprache', 'ehrenamt', 'sicherheit', 'protest', 'verwaltung'];

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

export function writeReportFixture(dir: string, dialectName: 'excel-de' | 'rfc4180'): void {
  const dialect = dialects[dialectName];
  const write = (name: string, header: string[], rows: Cell[][]): void =>
    writeFileSync(path.join(dir, name), formatCsv(header, rows, dialect));
  const periodRows: Cell[][] = [];
  const topicRows: Cell[][] = [];
  PLACES.forEach(([place, size], pi) => {
    MONTHS.forEach((month, mi) => {
      // Coverage peaks in the winter of 2015/16; small places have months without articles.
      const hump = 1 + 2 * Math.exp(-((mi - 3) ** 2) / 6);
      const articles =
        Math.round(size * hump * (1 + 0.3 * Math.sin(mi + pi))) - (size < 3 && mi % 3 === 1 ? 5 : 0);
      if (articles <= 0) return;
      const tone = -0.15 + 0.04 * mi - 0.05 * Math.cos(pi + mi);
      const half = articles > 1 ? 0.6 / Math.sqrt(articles) : null;
      const target = tone - 0.1;
      const topicCounts = TOPICS.map((_, ti) =>
        Math.max(0, Math.round((articles * ((ti + pi + mi) % 5)) / 10)),
      );
      periodRows.push([
        place,
        month,
        articles,
        articles * 430,
        round(tone),
        half === null ? null : round(tone - half),
        half === null ? null : round(tone + half),
        round(target),
        half === null ? null : round(target - 1.3 * half),
        half === null ? null : round(target + 1.3 * half),
        Math.ceil(articles / 2),
        0.3,
        0.4,
        0.3,
        ...topicCounts.map((c) => round(c / articles)),
      ]);
      TOPICS.forEach((t, ti) => {
        topicRows.push([place, month, t, topicCounts[ti] ?? 0, round((topicCounts[ti] ?? 0) / articles)]);
      });
    });
  });
  periodRows.push([
    'Dortmund',
    '(ohne Datum)',
    4,
    1600,
    0.1,
    -0.2,
    0.4,
    null,
    null,
    null,
    0,
    0.25,
    0.5,
    0.25,
    ...TOPICS.map(() => 0),
  ]);
  write(
    'municipality_period.csv',
    [
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
      ...TOPICS.map((t) => `topic_${t}`),
    ],
    periodRows,
  );
  write(
    'topics_by_municipality_period.csv',
    ['municipality', 'period', 'topic', 'articles', 'share'],
    topicRows,
  );
  write(
    'sources.csv',
    ['source', 'articles', 'first_date', 'last_date', 'relevant', 'share_relevant'],
    [
      ['Ruhr Nachrichten', 640, '2015-09-01', '2016-06-29', 410, 0.6406],
      ['Westfalen-Blatt', 402, '2015-09-03', '2016-06-30', 280, 0.6965],
      ['Westfälische Nachrichten', 388, '2015-09-02', '2016-06-28', 251, 0.6469],
      ['WAZ', 350, '2015-08-30', '2016-06-27', 222, 0.6343],
      ['Kölner Stadt-Anzeiger', 120, '2015-09-05', '2016-06-12', 77, 0.6417],
      ['<img src=x onerror=alert(1)>', 3, null, null, 1, 0.3333],
    ],
  );
  const net = createActorNetwork();
  PLACES.forEach(([place, size], pi) => {
    for (let i = 0; i < size * 4; i++) {
      const actors: Record<string, number> = { stadtverwaltung: i % 2 === 0 ? 1 : 0, initiativen: 1 };
      if ((i + pi) % 3 === 0) actors.polizei = 1;
      if ((i + pi) % 4 === 0) actors.kirchen = 2;
      if ((i + pi) % 5 === 0) actors.awo = 1;
      if (i % 7 === 0) actors.schulen = 1;
      if ((i + pi) % 6 === 0) actors.jobcenter = 1;
      net.add(place, actors);
    }
  });
  write('actors_nodes.csv', ACTOR_NODE_COLUMNS, net.nodes());
  write('actors_edges.csv', ACTOR_EDGE_COLUMNS, net.edges());
  write('keyness.csv', KEYNESS_COLUMNS, [
    ['Altena', 'lennestraße', 14, 2, 31.2, 0.2, 48.1, 7.3, 0],
    ['Altena', 'turnhalle', 22, 80, 49.1, 7.9, 30.4, 2.6, 0],
    ['Dortmund', 'nordstadt', 120, 9, 41.3, 1.1, 160.2, 5.2, 0],
    ['Dortmund', 'erstaufnahme', 88, 40, 30.3, 5.1, 70.9, 2.6, 0],
  ]);
  writeFileSync(
    path.join(dir, 'run.json'),
    JSON.stringify({
      lokalpresse: '0.1.0',
      written: '2016-07-04T10:00:00.000Z',
      config_hash: 'a1b2c3d4e5f60718',
      config: {
        tag: {
          query: 'data/query.yml',
          actors: 'data/actors.yml',
          codebook: 'data/codebook.yml',
          targets: 'data/targets.yml',
        },
        score: {
          tone: { builtin_lexicon: true, lexicons: [], neutral_band: [-0.05, 0.05] },
          topics: { folds: 5 },
        },
        aggregate: { period: 'month', relevant_only: true, count_duplicates: false },
      },
      stages: {
        ingest: { in: 1950, out: 1903, rejected: 47 },
        tokenize: { in: 1903, out: 1903, rejected: 0 },
        tag: { in: 1903, out: 1903, rejected: 0 },
        score: {
          in: 1903,
          out: 1903,
          rejected: 0,
          details: {
            topic_classifier: { coded: 240, cross_validation: { accuracy: 0.712, macroF1: 0.655 } },
          },
        },
        aggregate: { in: 1903, out: 81, rejected: 0 },
      },
    }),
  );
}
