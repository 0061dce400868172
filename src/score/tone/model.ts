/**
 * The tone label model: a small multinomial logistic model over the general features of
 * `features.ts`, read from `data/lexicons/tone-model.json` (fitted by `scripts/tune-tone.ts --fit`).
 *
 * Neutral is the reference class (its score is 0); negative and positive each have a bias and one
 * weight per standardized feature: score_c = bias_c + Σ w_c,i · (x_i − mean_i) / sd_i, and the label
 * is the class with the highest score. So the file holds 2 · (features + 1) numbers, which can be read
 * directly: a positive weight of `neg` for `negative` means negative mass makes a negative label likelier.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath } from '../../paths.js';

export type ToneLabel = 'negative' | 'neutral' | 'positive';

const classSchema = z.object({ bias: z.number(), weights: z.array(z.number()) });

const modelSchema = z
  .object({
    description: z.string().optional(),
    features: z.array(
      z.object({ name: z.string(), mean: z.number(), sd: z.number().positive(), doc: z.string().optional() }),
    ),
    negative: classSchema,
    positive: classSchema,
  })
  .refine(
    (m) => m.negative.weights.length === m.features.length && m.positive.weights.length === m.features.length,
    'each class needs one weight per feature',
  );

export type ToneModel = z.infer<typeof modelSchema>;

/** Path of the bundled model. */
export const TONE_MODEL_FILE = dataPath('lexicons', 'tone-model.json');

/** Parse and check a model (JSON text). */
export function parseToneModel(text: string): ToneModel {
  return modelSchema.parse(JSON.parse(text));
}

/** The bundled model, or null when the file is absent. */
export function loadToneModel(file: string = TONE_MODEL_FILE): ToneModel | null {
  if (!existsSync(file)) return null;
  try {
    return parseToneModel(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`tone model ${file}: ${(error as Error).message}`);
  }
}

export interface ToneScores {
  negative: number;
  neutral: number;
  positive: number;
}

/** Class scores (neutral 0) of a feature vector in the model's feature order. */
export function modelScores(model: ToneModel, x: readonly number[]): ToneScores {
  let neg = model.negative.bias;
  let pos = model.positive.bias;
  model.features.forEach((f, i) => {
    const v = ((x[i] ?? 0) - f.mean) / f.sd;
    neg += (model.negative.weights[i] ?? 0) * v;
    pos += (model.positive.weights[i] ?? 0) * v;
  });
  return { negative: neg, neutral: 0, positive: pos };
}

/** The label with the highest score; ties go to neutral. */
export function modelLabel(scores: ToneScores): ToneLabel {
  if (scores.negative > 0 && scores.negative >= scores.positive) return 'negative';
  if (scores.positive > 0 && scores.positive > scores.negative) return 'positive';
  return 'neutral';
}
