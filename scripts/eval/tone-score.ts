/** Pure scoring helpers for the tone dev set: macro-F1, per-class P/R/F1, confusion, splits, band search. */

export const TONE_LABELS = ['negative', 'neutral', 'positive'] as const;
export type ToneLabel = (typeof TONE_LABELS)[number];

export interface ClassScore {
  label: ToneLabel;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ToneEvaluation {
  n: number;
  accuracy: number;
  macroF1: number;
  classes: ClassScore[];
  /** confusion[gold][predicted] */
  confusion: Record<ToneLabel, Record<ToneLabel, number>>;
}

export function evaluateTone(gold: ToneLabel[], predicted: ToneLabel[]): ToneEvaluation {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const confusion = Object.fromEntries(
    TONE_LABELS.map((g) => [g, Object.fromEntries(TONE_LABELS.map((p) => [p, 0]))]),
  ) as Record<ToneLabel, Record<ToneLabel, number>>;
  let right = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] as ToneLabel;
    confusion[g][p] += 1;
    if (g === p) right++;
  });
  const classes = TONE_LABELS.map((label): ClassScore => {
    const tp = confusion[label][label];
    const predictedN = TONE_LABELS.reduce((s, g) => s + confusion[g][label], 0);
    const support = TONE_LABELS.reduce((s, p) => s + confusion[label][p], 0);
    const precision = predictedN > 0 ? tp / predictedN : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  return {
    n: gold.length,
    accuracy: gold.length > 0 ? right / gold.length : 0,
    macroF1: classes.reduce((s, c) => s + c.f1, 0) / classes.length,
    classes,
    confusion,
  };
}

/** Label a tone value with a neutral band [low, high]. */
export function labelTone(tone: number, band: [number, number]): ToneLabel {
  return tone < band[0] ? 'negative' : tone > band[1] ? 'positive' : 'neutral';
}

/** Stable half of an item by its id (FNV-1a hash): 'a' or 'b'. */
export function halfOf(id: string): 'a' | 'b' {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 2 === 0 ? 'a' : 'b';
}

/** The neutral band (from a grid) with the best macro-F1 on the given tones. */
export function bestBand(
  tones: number[],
  gold: ToneLabel[],
  grid: number[],
): { band: [number, number]; macroF1: number } {
  let best: { band: [number, number]; macroF1: number } = { band: [0, 0], macroF1: -1 };
  for (const lo of grid) {
    if (lo > 0) continue;
    for (const hi of grid) {
      if (hi < 0) continue;
      const band: [number, number] = [lo, hi];
      const f = evaluateTone(
        gold,
        tones.map((t) => labelTone(t, band)),
      ).macroF1;
      if (f > best.macroF1 + 1e-9) best = { band, macroF1: f };
    }
  }
  return best;
}

export function formatEvaluation(e: ToneEvaluation): string {
  const pct = (x: number): string => x.toFixed(3);
  const lines = [`n=${e.n}  accuracy=${pct(e.accuracy)}  macro-F1=${pct(e.macroF1)}`];
  lines.push('class      P      R      F1     support');
  for (const c of e.classes)
    lines.push(`${c.label.padEnd(9)} ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}  ${c.support}`);
  lines.push(`confusion (rows gold, columns predicted: ${TONE_LABELS.join(' ')})`);
  for (const g of TONE_LABELS)
    lines.push(`${g.padEnd(9)} ${TONE_LABELS.map((p) => String(e.confusion[g][p]).padStart(6)).join('')}`);
  return lines.join('\n');
}
