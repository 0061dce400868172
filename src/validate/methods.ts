import type { AgreementReport } from './agreement.js';

/** The part of an agreement report the methods paragraph needs. */
export type ReportOf = Pick<AgreementReport, 'n' | 'accuracy' | 'macroF1' | 'alpha' | 'alphaCI'> &
  Partial<Pick<AgreementReport, 'bootstrap' | 'level'>>;

function num(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : 'n/a';
}

function sentence(what: string, unit: string, report: ReportOf, level: string): string {
  const [lo, hi] = report.alphaCI;
  const ci =
    Number.isFinite(lo) && Number.isFinite(hi)
      ? ` (95% bootstrap CI ${num(lo)}–${num(hi)}${report.bootstrap ? `, ${report.bootstrap} resamples of ${unit}` : ''})`
      : '';
  return (
    `For ${what}, the automatic codes agreed with the hand codes of n = ${report.n} ${unit} ` +
    `with an accuracy of ${num(report.accuracy)} and a macro-averaged F1 of ${num(report.macroF1)}; ` +
    `Krippendorff's alpha (${report.level ?? level}) was ${num(report.alpha)}${ci}.`
  );
}

/** A short English paragraph for a methods section reporting the validation of topic and tone codes. */
export function methodsParagraph(topic?: ReportOf, tone?: ReportOf): string {
  const parts: string[] = [];
  if (topic || tone) {
    parts.push(
      'Automatic codes were validated against a hand-coded sample, treating the hand codes as the reference.',
    );
  }
  if (topic) parts.push(sentence('the main topic of an article', 'articles', topic, 'nominal'));
  if (tone) {
    parts.push(sentence('tone (negative < neutral < positive)', 'coded items', tone, 'ordinal'));
  }
  if (parts.length === 0)
    return 'No hand-coded sample was available, so the automatic codes were not validated.';
  return parts.join(' ');
}
