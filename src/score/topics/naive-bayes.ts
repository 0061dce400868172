import type { Token } from '../../records.js';

/**
 * Multinomial naive Bayes on content-word stems with Laplace smoothing: the plain baseline the SVM is
 * measured against. Kept small; it is not used in the pipeline.
 */
export interface NaiveBayesModel {
  labels: string[];
  logPrior: number[];
  /** term -> log P(term | label) per label. */
  logLikelihood: Map<string, number[]>;
  /** log P(unknown term | label): unseen terms are skipped, so this is informational. */
  vocabularySize: number;
}

function stems(sentences: readonly (readonly Token[])[]): string[] {
  const out: string[] = [];
  for (const sentence of sentences)
    for (const t of sentence) if (t.word && !t.stop) out.push(t.stem || t.norm);
  return out;
}

export function trainNaiveBayes(
  samples: readonly { sentences: Token[][]; label: string }[],
  alpha = 1,
): NaiveBayesModel {
  const labels = [...new Set(samples.map((s) => s.label))].sort();
  const position = new Map(labels.map((l, i) => [l, i]));
  const counts = new Map<string, number[]>();
  const totals = labels.map(() => 0);
  const docs = labels.map(() => 0);
  for (const s of samples) {
    const k = position.get(s.label) as number;
    docs[k] = (docs[k] as number) + 1;
    for (const stem of stems(s.sentences)) {
      let row = counts.get(stem);
      if (!row) {
        row = labels.map(() => 0);
        counts.set(stem, row);
      }
      row[k] = (row[k] as number) + 1;
      totals[k] = (totals[k] as number) + 1;
    }
  }
  const v = counts.size;
  const logLikelihood = new Map<string, number[]>();
  for (const [term, row] of counts) {
    logLikelihood.set(
      term,
      row.map((c, k) => Math.log((c + alpha) / ((totals[k] as number) + alpha * v))),
    );
  }
  return {
    labels,
    logPrior: docs.map((d) => Math.log(d / samples.length)),
    logLikelihood,
    vocabularySize: v,
  };
}

export function predictNaiveBayes(model: NaiveBayesModel, sentences: Token[][]): string {
  const score = model.logPrior.slice();
  for (const stem of stems(sentences)) {
    const row = model.logLikelihood.get(stem);
    if (!row) continue;
    for (let k = 0; k < score.length; k++) score[k] = (score[k] as number) + (row[k] as number);
  }
  let best = 0;
  for (let k = 1; k < score.length; k++) if ((score[k] as number) > (score[best] as number)) best = k;
  return model.labels[best] as string;
}
