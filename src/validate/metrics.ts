/** Precision, recall and F1 of one category; `support` is the number of gold items in it. */
export interface CategoryScore {
  category: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ConfusionMatrix {
  /** Row and column labels: gold in rows, predictions in columns. */
  labels: string[];
  matrix: number[][];
}

export interface ClassificationScores {
  n: number;
  accuracy: number;
  /** Mean F1 over the categories that occur in gold or predictions. */
  macroF1: number;
  perCategory: CategoryScore[];
  confusion: ConfusionMatrix;
}

/** Label used in the confusion matrix for items without a prediction. */
export const NO_CODE = '(none)';

/**
 * Accuracy, macro-F1, per-category scores and the confusion matrix of predictions against gold labels.
 * A missing prediction (null) counts as wrong; it shows up as the column `(none)`.
 * `order` fixes the order of categories; others follow sorted.
 */
export function classificationScores(
  gold: readonly string[],
  predicted: readonly (string | null)[],
  order: readonly string[] = [],
): ClassificationScores {
  if (gold.length !== predicted.length)
    throw new Error('classificationScores: gold and predictions differ in length');
  const present = new Set<string>(gold);
  for (const p of predicted) if (p !== null) present.add(p);
  const categories = [
    ...order.filter((c) => present.has(c)),
    ...[...present].filter((c) => !order.includes(c)).sort(),
  ];
  const hasNone = predicted.some((p) => p === null);
  const labels = hasNone ? [...categories, NO_CODE] : categories;
  const position = new Map(labels.map((label, i) => [label, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] ?? NO_CODE;
    if (p === g) correct++;
    const row = matrix[position.get(g) as number] as number[];
    const col = position.get(p) as number;
    row[col] = (row[col] as number) + 1;
  });
  const perCategory = categories.map((category, i): CategoryScore => {
    const tp = matrix[i]?.[i] ?? 0;
    const support = (matrix[i] as number[]).reduce((a, b) => a + b, 0);
    const predictedCount = matrix.reduce((sum, row) => sum + (row[i] as number), 0);
    const precision = predictedCount > 0 ? tp / predictedCount : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { category, precision, recall, f1, support };
  });
  const n = gold.length;
  return {
    n,
    accuracy: n > 0 ? correct / n : 0,
    macroF1: perCategory.length > 0 ? perCategory.reduce((s, c) => s + c.f1, 0) / perCategory.length : 0,
    perCategory,
    confusion: { labels, matrix },
  };
}
