/**
 * Explores tone settings (lexicons, negation, band) directly on the tone dev set (German news sentences with gold polarity).
 *
 *   npx tsx scripts/tune-tone.ts [--data DIR] [--band LO,HI] [--calibrate] [--no-natural] [--no-project]
 *     [--no-negation] [--no-post-negation] [--no-modifiers] [--stems] [--factor F] [--scope N]
 *     [--smoothing S] [--contrast C] [--gamma G] [--min-weight W] [--lexicon FILE]…
 *     [--no-case] [--inflection N] [--hedge F] [--negated-negative F] [--report F]
 *     [--report-evaluative W] [--reference-words N]
 *
 * DIR defaults to ../shared/devsets and must hold `tone/sentences.jsonl` (each sentence is one article;
 * its `polarity` is compared with the tone label; defaults are the scorer's). Prints macro-F1, per-class P/R/F1 and the confusion
 * matrix on all items and on two stable halves (split by id hash). `--calibrate` searches the neutral
 * band on half A and reports it on half B (and the reverse), so the band is checked on held-out data.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadToneLexicon, scoreTone, TONE_DEFAULTS, type ToneLexicon } from '../src/score/tone/index.js';
import { tokenizeGerman } from '../src/tokenize/german.js';
import {
  bestBand,
  evaluateTone,
  formatEvaluation,
  halfOf,
  labelTone,
  TONE_LABELS,
  type ToneLabel,
} from './eval/tone-score.js';

interface Args {
  data: string;
  band: [number, number];
  calibrate: boolean;
  natural: boolean;
  project: boolean;
  negation: boolean;
  modifiers: boolean;
  stems: boolean;
  factor: number;
  scope: number;
  smoothing: number;
  lexicons: string[];
  gamma: number;
  minWeight: number;
  postNegation: boolean;
  contrast: number;
  caseSensitive: boolean;
  inflection: number;
  hedge: number;
  negatedNegative: number | undefined;
  report: number;
  reportEvaluative: number;
  referenceWords: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    data: '../shared/devsets',
    band: [-0.3, 0.09],
    calibrate: false,
    natural: true,
    project: true,
    negation: true,
    modifiers: true,
    stems: false,
    factor: 0.5,
    scope: 3,
    smoothing: 1,
    lexicons: [],
    gamma: 1,
    minWeight: TONE_DEFAULTS.minWeight,
    postNegation: true,
    contrast: 0,
    caseSensitive: true,
    inflection: 5,
    hedge: 0.7,
    negatedNegative: undefined,
    report: TONE_DEFAULTS.reportFactor,
    reportEvaluative: TONE_DEFAULTS.reportEvaluative,
    referenceWords: TONE_DEFAULTS.referenceWords,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1] ?? '';
    if (a === '--data') args.data = argv[++i] ?? args.data;
    else if (a === '--band') {
      const [lo, hi] = v.split(',').map(Number);
      if (lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi))
        throw new Error('--band LO,HI');
      args.band = [lo, hi];
      i++;
    } else if (a === '--calibrate') args.calibrate = true;
    else if (a === '--no-natural') args.natural = false;
    else if (a === '--no-project') args.project = false;
    else if (a === '--no-negation') args.negation = false;
    else if (a === '--no-modifiers') args.modifiers = false;
    else if (a === '--stems') args.stems = true;
    else if (a === '--factor') args.factor = Number(argv[++i]);
    else if (a === '--scope') args.scope = Number(argv[++i]);
    else if (a === '--smoothing') args.smoothing = Number(argv[++i]);
    else if (a === '--lexicon') args.lexicons.push(argv[++i] ?? '');
    else if (a === '--gamma') args.gamma = Number(argv[++i]);
    else if (a === '--no-post-negation') args.postNegation = false;
    else if (a === '--contrast') args.contrast = Number(argv[++i]);
    else if (a === '--min-weight') args.minWeight = Number(argv[++i]);
    else if (a === '--no-case') args.caseSensitive = false;
    else if (a === '--inflection') args.inflection = Number(argv[++i]);
    else if (a === '--hedge') args.hedge = Number(argv[++i]);
    else if (a === '--negated-negative') args.negatedNegative = Number(argv[++i]);
    else if (a === '--report') args.report = Number(argv[++i]);
    else if (a === '--report-evaluative') args.reportEvaluative = Number(argv[++i]);
    else if (a === '--reference-words') args.referenceWords = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

interface Item {
  id: string;
  text: string;
  polarity: ToneLabel;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const file = path.join(args.data, 'tone', 'sentences.jsonl');
  if (!existsSync(file)) {
    console.log(`tone dev set not found at ${file}: skipping (pass --data DIR with tone/sentences.jsonl)`);
    return;
  }
  const items: Item[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Item)
    .filter((x) => (TONE_LABELS as readonly string[]).includes(x.polarity));
  const lexicon: ToneLexicon = loadToneLexicon({
    builtin: args.natural || args.project,
    natural: args.natural,
    project: args.project,
    files: args.lexicons,
  });
  if (!args.modifiers) lexicon.modifiers.clear();
  for (const map of [lexicon.weights, lexicon.stems]) {
    for (const [k, w] of map) map.set(k, Math.sign(w) * Math.abs(w) ** args.gamma);
  }
  const reweight = (w: number | undefined): number | undefined =>
    w === undefined ? undefined : Math.sign(w) * Math.abs(w) ** args.gamma;
  for (const c of lexicon.cased.values()) {
    c.upper = reweight(c.upper);
    c.lower = reweight(c.lower);
  }
  const opts = {
    neutralBand: args.band,
    negators: args.negation ? undefined : [],
    scope: args.scope,
    negationFactor: args.factor,
    smoothing: args.smoothing,
    stems: args.stems,
    postNegation: args.postNegation,
    contrast: args.contrast,
    caseSensitive: args.caseSensitive,
    inflectionFallback: args.inflection,
    hedgeFactor: args.hedge,
    negatedNegativeFactor: args.negatedNegative,
    reportFactor: args.report,
    reportEvaluative: args.reportEvaluative,
    minWeight: args.minWeight,
    referenceWords: args.referenceWords,
  };
  const tones = items.map((x) => scoreTone(tokenizeGerman(x.text), lexicon, opts).decision);
  const gold = items.map((x) => x.polarity);
  const report = (name: string, idx: number[], band: [number, number]): void => {
    const e = evaluateTone(
      idx.map((i) => gold[i] as ToneLabel),
      idx.map((i) => labelTone(tones[i] as number, band)),
    );
    console.log(`\n== ${name} (band ${band[0]},${band[1]})\n${formatEvaluation(e)}`);
  };
  const all = items.map((_, i) => i);
  const a = all.filter((i) => halfOf((items[i] as Item).id) === 'a');
  const b = all.filter((i) => halfOf((items[i] as Item).id) === 'b');
  report('all', all, args.band);
  report('half A', a, args.band);
  report('half B', b, args.band);
  if (args.calibrate) {
    const grid: number[] = [];
    for (let x = -0.4; x <= 0.4001; x += 0.01) grid.push(Math.round(x * 100) / 100);
    const pick = (idx: number[]) =>
      bestBand(
        idx.map((i) => tones[i] as number),
        idx.map((i) => gold[i] as ToneLabel),
        grid,
      );
    const onA = pick(a);
    const onB = pick(b);
    const onAll = pick(all);
    console.log(`\nband tuned on A: ${onA.band} (A ${onA.macroF1.toFixed(3)})`);
    report('half B with band from A', b, onA.band);
    console.log(`band tuned on B: ${onB.band} (B ${onB.macroF1.toFixed(3)})`);
    report('half A with band from B', a, onB.band);
    console.log(`band tuned on all: ${onAll.band} (all ${onAll.macroF1.toFixed(3)})`);
  }
}

main();
