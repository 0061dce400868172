import { escapeHtml, formatDate, formatDecimal, formatInteger, formatPercent, htmlTable } from './html.js';
import type { PeriodRow, SourceRow } from './load.js';

/** A value at a path inside parsed JSON of unknown shape, or undefined. */
export function at(value: unknown, ...keys: string[]): unknown {
  let v = value;
  for (const k of keys) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

const STAGE_NAMES: Array<[string, string]> = [
  ['ingest', 'Einlesen'],
  ['tokenize', 'Tokenisieren'],
  ['tag', 'Markieren (Orte, Akteure, Themen)'],
  ['score', 'Bewerten (Ton, Themen)'],
  ['aggregate', 'Zusammenfassen'],
];

const PERIOD_WORDS: Record<string, string> = { month: 'Monat', quarter: 'Quartal', year: 'Jahr' };

const p = (html: string): string => `<p>${html}</p>`;
const e = escapeHtml;

/** Corpus sentence: articles, time span, outlets. */
function corpusParagraph(sources: SourceRow[] | null, periods: PeriodRow[] | null): string {
  const parts: string[] = [];
  if (sources && sources.length > 0) {
    const articles = sources.reduce((s, r) => s + r.articles, 0);
    const relevant = sources.reduce((s, r) => s + r.relevant, 0);
    const firsts = sources
      .map((r) => r.first)
      .filter((d): d is string => d !== null)
      .sort();
    const lasts = sources
      .map((r) => r.last)
      .filter((d): d is string => d !== null)
      .sort();
    const span =
      firsts.length > 0 && lasts.length > 0
        ? ` aus der Zeit vom ${e(formatDate(firsts[0] ?? ''))} bis zum ${e(formatDate(lasts[lasts.length - 1] ?? ''))}`
        : '';
    const outlets = [...sources].sort(
      (a, b) => b.articles - a.articles || a.source.localeCompare(b.source, 'de'),
    );
    const named = outlets
      .slice(0, 12)
      .map((s) => `${e(s.source)} (${e(formatInteger(s.articles))})`)
      .join(', ');
    const more = outlets.length > 12 ? ` und ${e(formatInteger(outlets.length - 12))} weitere` : '';
    parts.push(
      `Das Korpus umfasst ${e(formatInteger(articles))} Artikel${span} aus ${e(formatInteger(sources.length))} ` +
        `Quellen: ${named}${more}. Davon erwähnen ${e(formatInteger(relevant))} ` +
        `(${e(formatPercent(articles > 0 ? relevant / articles : 0))}) Geflüchtete oder Asyl laut Suchwörterbuch.`,
    );
  }
  if (periods && periods.length > 0) {
    const counted = periods.reduce((s, r) => s + r.articles, 0);
    const places = new Set(periods.map((r) => r.municipality)).size;
    parts.push(
      `In die Tabellen nach Ort und Zeitraum gehen ${e(formatInteger(counted))} Artikel aus ` +
        `${e(formatInteger(places))} Orten (einschließlich „ohne Ort“) ein.`,
    );
  }
  return parts.length > 0 ? p(parts.join(' ')) : p('Für das Korpus liegen keine Tabellen vor.');
}

/** Settings sentence: dictionaries, tone lexicon, period, counting rules. */
function settingsParagraph(run: unknown): string {
  const config = at(run, 'config');
  if (config === undefined) return '';
  const file = (v: unknown): string => `<code>${e(str(v) ?? '–')}</code>`;
  const period = str(at(config, 'aggregate', 'period'));
  const relevantOnly = at(config, 'aggregate', 'relevant_only');
  const duplicates = at(config, 'aggregate', 'count_duplicates');
  const lexicons = at(config, 'score', 'tone', 'lexicons');
  const builtin = at(config, 'score', 'tone', 'builtin_lexicon');
  const band = at(config, 'score', 'tone', 'neutral_band');
  const lexiconList = [
    ...(builtin === false ? [] : ['das mitgelieferte deutsche Polaritätslexikon']),
    ...(Array.isArray(lexicons)
      ? lexicons.filter((l): l is string => typeof l === 'string').map((l) => `<code>${e(l)}</code>`)
      : []),
  ];
  const bandText =
    Array.isArray(band) && typeof band[0] === 'number' && typeof band[1] === 'number'
      ? ` Werte von ${e(formatDecimal(band[0]))} bis ${e(formatDecimal(band[1]))} gelten als neutral.`
      : '';
  return [
    p(
      `Wörterbücher: Relevanz nach ${file(at(config, 'tag', 'query'))}, Akteure nach ${file(at(config, 'tag', 'actors'))}, ` +
        `Themen nach dem Codebuch ${file(at(config, 'tag', 'codebook'))}, Zielbegriffe für den Ton der Sätze nach ` +
        `${file(at(config, 'tag', 'targets'))}. Der Ton eines Artikels ist (positiv − negativ) / (positiv + negativ + 1) ` +
        `der Lexikontreffer${lexiconList.length > 0 ? ` (${lexiconList.join(', ')})` : ''}.${bandText}`,
    ),
    p(
      `Zeitraum der Auswertung: ${e(period ? (PERIOD_WORDS[period] ?? period) : 'Monat')}. ` +
        `${relevantOnly === false ? 'Gezählt werden alle Artikel' : 'Gezählt werden nur Artikel, die das Suchwörterbuch trifft'}; ` +
        `${duplicates === true ? 'Dubletten zählen mit' : 'von (nahezu) gleichen Artikeln zählt nur der erste'}. ` +
        'Die Bänder um die Tonkurven sind 95-%-Konfidenzintervalle des Mittelwerts (t-Verteilung); ' +
        'Zeiträume mit nur einem Artikel haben keines.',
    ),
  ].join('\n');
}

/** Stage counts from run.json: inputs, outputs, rejections. */
function stagesTable(run: unknown): string {
  const rows: Array<Array<string | number>> = [];
  for (const [key, name] of STAGE_NAMES) {
    const s = at(run, 'stages', key);
    if (s === undefined) continue;
    rows.push([name, num(at(s, 'in')) ?? 0, num(at(s, 'out')) ?? 0, num(at(s, 'rejected')) ?? 0]);
  }
  if (rows.length === 0) return '';
  const rejected = num(at(run, 'stages', 'ingest', 'rejected')) ?? 0;
  const note =
    rejected > 0
      ? p(
          `${e(formatInteger(rejected))} Eingaben ergaben keinen Artikel; die Gründe stehen in <code>rejected.csv</code>.`,
        )
      : '';
  return htmlTable(['Stufe', 'ein', 'aus', 'abgelehnt'], rows, 'Verarbeitungsschritte laut run.json') + note;
}

/** Numeric leaves of a JSON value with their dotted paths, at most `limit`. */
function numericLeaves(value: unknown, prefix: string, out: Array<[string, number]>, limit: number): void {
  if (out.length >= limit) return;
  if (typeof value === 'number' && Number.isFinite(value)) {
    out.push([prefix, value]);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    numericLeaves(v, prefix ? `${prefix}.${k}` : k, out, limit);
}

const figure = (x: number): string => (Number.isInteger(x) ? formatInteger(x) : formatDecimal(x, 3));

/** Validation figures: topic classifier cross-validation and any `validation` block of run.json. */
function validationHtml(run: unknown): string {
  const parts: string[] = [];
  const topics = at(run, 'stages', 'score', 'details', 'topic_classifier');
  const cv = at(topics, 'cross_validation');
  const accuracy = num(at(cv, 'accuracy'));
  const macroF1 = num(at(cv, 'macroF1'));
  if (accuracy !== null || macroF1 !== null) {
    const coded = num(at(topics, 'coded'));
    const folds = num(at(run, 'config', 'score', 'topics', 'folds'));
    parts.push(
      p(
        `Themenklassifikator: trainiert auf ${e(coded !== null ? formatInteger(coded) : 'den')} von Hand codierten Artikeln; ` +
          `${folds !== null ? `${e(formatInteger(folds))}-fache ` : ''}Kreuzvalidierung: ` +
          `Genauigkeit ${e(accuracy !== null ? formatDecimal(accuracy, 3) : '–')}, ` +
          `Makro-F1 ${e(macroF1 !== null ? formatDecimal(macroF1, 3) : '–')}.`,
      ),
    );
  }
  const validation = at(run, 'validation');
  if (validation !== undefined && validation !== null) {
    const leaves: Array<[string, number]> = [];
    numericLeaves(validation, '', leaves, 40);
    if (leaves.length > 0)
      parts.push(
        htmlTable(
          ['Kennzahl', 'Wert'],
          leaves.map(([k, v]) => [k, figure(v)]),
          'Validierung laut run.json',
        ),
      );
  }
  return parts.length > 0
    ? parts.join('\n')
    : p('Für diesen Lauf liegen keine Validierungszahlen vor (kein von Hand codiertes Material).');
}

/** (e) The methods section: corpus, settings, processing counts, validation. */
export function methodsHtml(run: unknown, sources: SourceRow[] | null, periods: PeriodRow[] | null): string {
  const version = str(at(run, 'lokalpresse'));
  const written = str(at(run, 'written'));
  const hash = str(at(run, 'config_hash'));
  const stamp =
    version || written
      ? p(
          `<small>Lauf mit lokalpresse ${e(version ?? '?')}${written ? `, ${e(formatDate(written.slice(0, 10)))}` : ''}` +
            `${hash ? `, Konfiguration ${e(hash)}` : ''}.</small>`,
        )
      : '';
  return [
    corpusParagraph(sources, periods),
    settingsParagraph(run),
    stagesTable(run),
    '<h3>Validierung</h3>',
    validationHtml(run),
    stamp,
  ]
    .filter((s) => s !== '')
    .join('\n');
}
