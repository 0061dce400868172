export {
  buildLexicon,
  detectLexiconFormat,
  type LexiconFormat,
  type LoadToneLexiconOptions,
  loadToneLexicon,
  normalizeTerm,
  parseLexicon,
  type ToneLexicon,
} from './lexicon.js';
export {
  scoreTargetTone,
  scoreTone,
  TONE_DEFAULTS,
  type ToneOptions,
  type ToneResult,
  type ToneTerm,
} from './score.js';
