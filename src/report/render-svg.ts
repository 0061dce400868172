import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';

/** German number and date formats for axis labels. */
const GERMAN_LOCALE = {
  number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0€'], percent: '\u202f%' },
  time: {
    dateTime: '%A, %e. %B %Y, %X',
    date: '%d.%m.%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
    shortDays: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
    months: [
      'Januar',
      'Februar',
      'März',
      'April',
      'Mai',
      'Juni',
      'Juli',
      'August',
      'September',
      'Oktober',
      'November',
      'Dezember',
    ],
    shortMonths: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
  },
};

/** Looks shared by every chart: system fonts only (nothing is fetched), white background. */
const CHART_CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  background: 'white',
  locale: GERMAN_LOCALE,
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' as const },
  header: { labelFontSize: 13, labelFontWeight: 'bold' as const, title: null },
  legend: { labelFontSize: 12, titleFontSize: 12 },
  view: { stroke: '#ddd' },
};

/**
 * Compiles a Vega-Lite spec and renders it to an SVG string in Node: a headless view with no
 * renderer and no canvas; text widths are estimated. Nothing is loaded from the network.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded on first use: Vega takes a moment to load, and only the report needs it.
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = compile({
    ...spec,
    config: { ...CHART_CONFIG, ...(spec.config ?? {}) },
  } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: refusingLoader(vega) });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A loader that refuses every URL: all chart data is inline. */
function refusingLoader(vega: typeof Vega): Vega.Loader {
  const loader = vega.loader();
  const refuse = async (uri: string): Promise<never> => {
    throw new Error(`report charts load no files or URLs (asked for ${uri})`);
  };
  loader.load = refuse;
  loader.http = refuse;
  loader.file = refuse;
  return loader;
}
