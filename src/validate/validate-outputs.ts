import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CsvDialect } from '../io/csv.js';
import { type Cell, formatCsv } from '../io/csv.js';
import { readJsonl } from '../io/jsonl.js';
import { writeFileAtomic } from '../io/write-file.js';
import type { ArticleScores } from '../records.js';
import { readCodings } from '../score/codings.js';
import { type AgreementReport, agreementReport } from './agreement.js';
import { methodsParagraph } from './methods.js';
import { VALIDATION_SUMMARY } from './summary.js';

export const VALIDATION_FILE = 'validation.csv';
export const VALIDATION_COLUMNS = ['variable', 'statistic', 'category', 'predicted', 'value'];

const TONE_ORDER = ['negative', 'neutral', 'positive'];

export interface ValidationResult {
  topic: AgreementReport | null;
  tone: AgreementReport | null;
  /** Hand-coded articles left out of the topic comparison because the classifier was trained on them. */
  trainingExcluded: number;
  /** Coded ids that are not in the output. */
  unknownIds: number;
  paragraph: string;
}

/** Tidy rows: one figure per row, so a pivot table in a spreadsheet shows any view of it. */
function rowsOf(variable: string, r: AgreementReport): Cell[][] {
  const rows: Cell[][] = [
    [variable, 'n', null, null, r.n],
    [variable, 'accuracy', null, null, r.accuracy],
    [variable, 'macro_f1', null, null, r.macroF1],
    [variable, `krippendorff_alpha_${r.level}`, null, null, Number.isFinite(r.alpha) ? r.alpha : null],
    [variable, 'alpha_ci_low', null, null, Number.isFinite(r.alphaCI[0]) ? r.alphaCI[0] : null],
    [variable, 'alpha_ci_high', null, null, Number.isFinite(r.alphaCI[1]) ? r.alphaCI[1] : null],
  ];
  for (const c of r.perCategory) {
    rows.push([variable, 'precision', c.category, null, c.precision]);
    rows.push([variable, 'recall', c.category, null, c.recall]);
    rows.push([variable, 'f1', c.category, null, c.f1]);
    rows.push([variable, 'support', c.category, null, c.support]);
  }
  r.confusion.labels.forEach((hand, i) => {
    r.confusion.labels.forEach((auto, j) => {
      rows.push([variable, 'confusion', hand, auto, r.confusion.matrix[i]?.[j] ?? 0]);
    });
  });
  return rows;
}

/**
 * Compares `topic` and `tone_label` in the pipeline's scores with hand codes (`id,topic[,tone]`):
 * per-category precision, recall and F1, confusion matrix (hand codes in rows), Krippendorff's alpha
 * (nominal for topic, ordinal for tone) with a bootstrap interval. Writes `validation.csv`.
 */
export async function validateOutputs(
  outDir: string,
  codingsFile: string,
  dialect: CsvDialect,
): Promise<ValidationResult> {
  const scoresFile = path.join(outDir, 'scores.jsonl');
  if (!existsSync(scoresFile)) {
    throw new Error(`${scoresFile} is missing; run \`lokalpresse run\` first, then validate.`);
  }
  const codings = new Map(readCodings(codingsFile).map((c) => [c.id, c]));
  const topicPairs: Array<{ id: string; auto: string | null; hand: string }> = [];
  const tonePairs: Array<{ id: string; auto: string | null; hand: string }> = [];
  let trainingExcluded = 0;
  let seen = 0;
  for await (const s of readJsonl<ArticleScores>(scoresFile)) {
    const c = codings.get(s.id);
    if (!c) continue;
    seen += 1;
    if (c.topic !== null) {
      if (s.topic_basis === 'coded') trainingExcluded += 1;
      else topicPairs.push({ id: s.id, auto: s.topic, hand: c.topic });
    }
    if (c.tone !== null) tonePairs.push({ id: s.id, auto: s.tone_label, hand: c.tone });
  }
  const badTone = tonePairs.filter((p) => !TONE_ORDER.includes(p.hand));
  if (badTone.length > 0) {
    throw new Error(
      `${codingsFile}: tone codes must be negative, neutral or positive; found "${badTone[0]?.hand}" for ${badTone[0]?.id}`,
    );
  }
  const topic = topicPairs.length > 0 ? agreementReport(topicPairs, { level: 'nominal', seed: 1 }) : null;
  const tone =
    tonePairs.length > 0
      ? agreementReport(tonePairs, { level: 'ordinal', order: TONE_ORDER, seed: 1 })
      : null;
  const rows = [...(topic ? rowsOf('topic', topic) : []), ...(tone ? rowsOf('tone', tone) : [])];
  writeFileAtomic(path.join(outDir, VALIDATION_FILE), formatCsv(VALIDATION_COLUMNS, rows, dialect));
  const summary = (r: AgreementReport | null) =>
    r && { n: r.n, accuracy: r.accuracy, macro_f1: r.macroF1, alpha: r.alpha, alpha_ci: r.alphaCI };
  mkdirSync(path.join(outDir, '.lokalpresse'), { recursive: true });
  writeFileAtomic(
    path.join(outDir, VALIDATION_SUMMARY),
    `${JSON.stringify({ codings: path.resolve(codingsFile), topic: summary(topic), tone: summary(tone) }, null, 2)}\n`,
  );
  return {
    topic,
    tone,
    trainingExcluded,
    unknownIds: codings.size - seen,
    paragraph: methodsParagraph(topic ?? undefined, tone ?? undefined),
  };
}
