import type { TopLevelSpec } from 'vega-lite';
import type { PeriodRow, TopicRow } from './load.js';
import { periodKindOf, periodRange, periodStart } from './periods.js';

/** Municipalities in German alphabetical order, `(ohne Ort)` and other bracketed groups last. */
export function orderMunicipalities(names: Iterable<string>): string[] {
  return [...new Set(names)].sort((a, b) => {
    const ax = a.startsWith('(') ? 1 : 0;
    const bx = b.startsWith('(') ? 1 : 0;
    return ax - bx || a.localeCompare(b, 'de');
  });
}

/** A topic key as a heading: `sicherheit` → `Sicherheit`. */
export const topicLabel = (key: string): string => (key ? key[0]?.toUpperCase() + key.slice(1) : key);

const dateFormat = (periods: string[]): string =>
  periods.some((p) => periodKindOf(p) === 'year') ? '%Y' : '%m/%Y';

const TIME_AXIS = (format: string) => ({
  field: 'date',
  type: 'temporal' as const,
  scale: { type: 'utc' as const },
  title: null,
  axis: { format, labelAngle: 0, tickCount: 4, labelOverlap: true },
});

/** Facet grid of one small chart per municipality. */
const facet = (order: string[]) => ({
  field: 'municipality',
  type: 'nominal' as const,
  sort: order,
  header: { title: null },
});

/**
 * (a) Articles per period, one small chart per municipality. Periods without articles count as 0
 * (the table has no row for them); `(ohne Datum)` cannot be placed on the time axis and is left out.
 */
export function coverageSpec(rows: PeriodRow[]): TopLevelSpec | null {
  const dated = rows.filter((r) => periodStart(r.period) !== null);
  if (dated.length === 0) return null;
  const range = periodRange(dated.map((r) => r.period));
  const places = orderMunicipalities(dated.map((r) => r.municipality));
  const counts = new Map(dated.map((r) => [`${r.municipality}\u0000${r.period}`, r.articles]));
  const values = places.flatMap((m) =>
    range.map((p) => ({
      municipality: m,
      date: periodStart(p),
      articles: counts.get(`${m}\u0000${p}`) ?? 0,
    })),
  );
  return {
    data: { values },
    facet: facet(places),
    columns: 3,
    spec: {
      width: 270,
      height: 110,
      mark: { type: 'area', line: { color: '#2f6690' }, color: '#9ec1dc', opacity: 0.8 },
      encoding: {
        x: TIME_AXIS(dateFormat(range)),
        y: {
          field: 'articles',
          type: 'quantitative',
          title: 'Artikel',
          axis: { tickMinStep: 1, format: 'd' },
        },
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}

export const TONE_ALL = 'Ton aller Artikel';
export const TONE_TARGET = 'Ton der Sätze mit Zielbegriffen';

/**
 * Tone lies in (−1, 1). Confidence bands of periods with two or three articles reach far beyond;
 * they are cut at the edge so the means stay readable.
 */
const TONE_SCALE = { domain: [-1, 1], clamp: true, nice: false };

/** (b) Mean tone and target tone per period with their 95% confidence bands, per municipality. */
export function toneSpec(rows: PeriodRow[]): TopLevelSpec | null {
  const dated = rows.filter((r) => periodStart(r.period) !== null);
  const values = dated.flatMap((r) => {
    const date = periodStart(r.period);
    const out: Array<Record<string, string | number | null>> = [];
    if (r.tone !== null)
      out.push({
        municipality: r.municipality,
        date,
        measure: TONE_ALL,
        mean: r.tone,
        low: r.toneLow,
        high: r.toneHigh,
      });
    if (r.targetTone !== null)
      out.push({
        municipality: r.municipality,
        date,
        measure: TONE_TARGET,
        mean: r.targetTone,
        low: r.targetLow,
        high: r.targetHigh,
      });
    return out;
  });
  if (values.length === 0) return null;
  const places = orderMunicipalities(dated.map((r) => r.municipality));
  const color = {
    field: 'measure',
    type: 'nominal' as const,
    scale: { domain: [TONE_ALL, TONE_TARGET], range: ['#2f6690', '#d1495b'] },
    legend: {
      title: null,
      orient: 'top' as const,
      direction: 'horizontal' as const,
      labelLimit: 400,
      symbolType: 'stroke',
      symbolOpacity: 1,
      symbolStrokeWidth: 3,
    },
  };
  const x = TIME_AXIS(dateFormat(dated.map((r) => r.period)));
  return {
    data: { values },
    facet: facet(places),
    columns: 3,
    spec: {
      width: 270,
      height: 130,
      layer: [
        { mark: { type: 'rule', color: '#999', strokeDash: [3, 3] }, encoding: { y: { datum: 0 } } },
        {
          transform: [{ filter: 'datum.low != null && datum.high != null' }],
          mark: { type: 'area', opacity: 0.2 },
          encoding: {
            x,
            y: { field: 'low', type: 'quantitative', title: 'Ton', scale: TONE_SCALE },
            y2: { field: 'high' },
            color,
          },
        },
        {
          mark: { type: 'line', point: { size: 14 }, strokeWidth: 1.6 },
          encoding: { x, y: { field: 'mean', type: 'quantitative', title: 'Ton', scale: TONE_SCALE }, color },
        },
      ],
    },
  };
}

/** (c) Topic composition per municipality: the shares of main topics over all periods, stacked. */
export function topicSpec(rows: TopicRow[]): TopLevelSpec | null {
  const topics = [...new Set(rows.map((r) => r.topic))];
  const sums = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const r of rows) {
    sums.set(
      `${r.municipality}\u0000${r.topic}`,
      (sums.get(`${r.municipality}\u0000${r.topic}`) ?? 0) + r.articles,
    );
    totals.set(r.municipality, (totals.get(r.municipality) ?? 0) + r.articles);
  }
  const places = orderMunicipalities([...totals.keys()].filter((m) => (totals.get(m) ?? 0) > 0));
  if (places.length === 0) return null;
  const placeLabel = (m: string): string => `${m} (n = ${(totals.get(m) ?? 0).toLocaleString('de-DE')})`;
  const values = places.flatMap((m) =>
    topics.map((t, i) => ({
      place: placeLabel(m),
      topic: topicLabel(t),
      order: i,
      articles: sums.get(`${m}\u0000${t}`) ?? 0,
    })),
  );
  return {
    data: { values },
    width: 720,
    height: { step: 26 },
    mark: { type: 'bar' },
    encoding: {
      y: {
        field: 'place',
        type: 'nominal',
        sort: places.map(placeLabel),
        title: null,
        axis: { labelLimit: 260 },
      },
      x: {
        field: 'articles',
        type: 'quantitative',
        stack: 'normalize',
        title: 'Anteil der Artikel mit diesem Hauptthema',
        axis: { format: '.0%' },
      },
      color: {
        field: 'topic',
        type: 'nominal',
        sort: topics.map(topicLabel),
        scale: { scheme: 'tableau10' },
        legend: { title: 'Thema', orient: 'bottom', columns: 5 },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}
