/** Scoring helpers shared by the tone tests that check single words of the built-in lexicon. */
import { loadToneLexicon, scoreTone, type ToneOptions } from '../src/score/tone/index.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

export const lexicon = loadToneLexicon({ builtin: true, files: [] });
export const opts: ToneOptions = { neutralBand: [-0.3, 0.09] };
export const tone = (text: string, o: ToneOptions = opts) => scoreTone(tokenizeGerman(text), lexicon, o);
/** The weight with which `term` counted in `text`, or undefined when it did not count. */
export const weightOf = (text: string, term: string, o: ToneOptions = opts) =>
  tone(text, o).terms.find((t) => t.term === term)?.weight;
