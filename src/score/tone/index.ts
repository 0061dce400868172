export { emptyEvidence, featureVector, STRONG, TONE_FEATURES, type ToneEvidence } from './features.js';
export { type FitOptions, fitToneModel, macroF1 } from './fit.js';
export {
  buildLexicon,
  detectLexiconFormat,
  type LexiconFormat,
  type LoadToneLexiconOptions,
  loadToneLexicon,
  normalizeTerm,
  parseLexicon,
  parseWeight,
  type SentenceMarkers,
  type ToneLexicon,
} from './lexicon.js';
export {
  loadToneModel,
  modelLabel,
  modelScores,
  parseToneModel,
  TONE_MODEL_FILE,
  type ToneModel,
  type ToneScores,
} from './model.js';
export {
  scoreTargetTone,
  scoreTone,
  TONE_DEFAULTS,
  type ToneOptions,
  type ToneResult,
  type ToneTerm,
  toneEvidence,
} from './score.js';
export { loadShifters, parseShifters, type ShifterKind, type Shifters } from './shifters.js';
